/**
 * InstantiationButton (§2.6, §6.4): the stateless form's values, picked by the button's `mapping`
 * (stateless field path → instance model path), become the `prefill` of `POST instances/create`.
 */

/** The value at dot path `path` (`a.b`, `a[0].b`) of `data`, or undefined. */
export function valueAt(data: unknown, path: string): unknown {
  let at: unknown = data;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((p) => p.length > 0)) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** The instantiation `prefill` from `mapping` and the stateless form data: only fields that have a value. */
export function instantiationPrefill(mapping: unknown, data: unknown): Record<string, unknown> {
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) return {};
  const prefill: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(mapping as Record<string, unknown>)) {
    const value = valueAt(data, from);
    if (typeof to === 'string' && to !== '' && value !== undefined && value !== null && value !== '') prefill[to] = value;
  }
  return prefill;
}

/** The InstanceCreation body Altinn's InstantiationButton sends: the owner (the chosen party, when known) and the prefill. */
export function instanceCreation(partyId: string | null, prefill: Record<string, unknown>): Record<string, unknown> {
  return { ...(partyId ? { instanceOwner: { partyId } } : {}), prefill };
}
