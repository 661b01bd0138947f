/**
 * Values derived from the environment that several functions share: the instance context keys,
 * the data elements, text resources by id, and a data read that only returns scalars.
 */
import { readDataPath } from './dataPath';
import type { DataElementInfo, DataModelLocation, ExprEnvironment, TextResource } from './types';

/** The keys `instanceContext` and `instanceContext` text variables accept. */
export const instanceContextKeys = ['instanceId', 'appId', 'instanceOwnerPartyId', 'instanceOwnerPartyType', 'instanceOwnerName'] as const;

export type InstanceContextKey = (typeof instanceContextKeys)[number];

const instanceCache = new WeakMap<object, Readonly<Record<InstanceContextKey, string | null>>>();

/** The instance context of an environment (all null without an instance, as in a stateless app). */
export function instanceContextOf(env: ExprEnvironment): Readonly<Record<InstanceContextKey, string | null>> {
  const instance = env.instance;
  if (!instance) return { instanceId: null, appId: null, instanceOwnerPartyId: null, instanceOwnerPartyType: null, instanceOwnerName: null };
  const cached = instanceCache.get(instance);
  if (cached) return cached;
  const owner = instance.instanceOwner ?? {};
  // The party type follows from which owner number is set, as the frontend's buildInstanceDataSources decides.
  const partyType = owner.organisationNumber ? 'org' : owner.personNumber ? 'person' : owner.username ? 'selfIdentified' : 'unknown';
  const context = {
    instanceId: instance.id ?? null,
    appId: instance.appId ?? null,
    instanceOwnerPartyId: owner.partyId ?? instance.instanceOwnerPartyId ?? null,
    instanceOwnerPartyType: partyType,
    instanceOwnerName: owner.party?.name ?? null,
  };
  instanceCache.set(instance, context);
  return context;
}

/** The instance's data elements (explicit list first, else `instance.data`). */
export function dataElementsOf(env: ExprEnvironment): readonly DataElementInfo[] {
  return env.dataElements ?? env.instance?.data ?? [];
}

const textMapCache = new WeakMap<object, ReadonlyMap<string, TextResource>>();

/** Text resources by id (arrays are indexed once per array object). */
export function textResourceMap(env: ExprEnvironment): ReadonlyMap<string, TextResource> {
  const resources = env.textResources;
  if (!resources) return new Map();
  if (!Array.isArray(resources)) return resources as ReadonlyMap<string, TextResource>;
  let map = textMapCache.get(resources);
  if (!map) {
    map = new Map((resources as readonly TextResource[]).map((r) => [r.id, r]));
    textMapCache.set(resources, map);
  }
  return map;
}

/** Whether the environment knows a data type (reading an unknown one is an error in `dataModel`). */
export function hasDataType(env: ExprEnvironment, dataType: string): boolean {
  return Object.prototype.hasOwnProperty.call(env.dataModels, dataType);
}

/** The raw value at a location, or undefined. */
export function readLocation(env: ExprEnvironment, location: DataModelLocation): unknown {
  return hasDataType(env, location.dataType) ? readDataPath(env.dataModels[location.dataType], location.field) : undefined;
}

/** The value at a location when it is a scalar; objects, arrays and missing values are null (§3.2). */
export function readScalar(env: ExprEnvironment, location: DataModelLocation): string | number | boolean | null {
  const value = readLocation(env, location);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}
