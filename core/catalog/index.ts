// The component catalogue and everything derived from it.
export * from './spec';
export type { Expression, ExprOr, ObjectTs, TsOf } from './nodeTypes';
export type { PropertyGroup, TextGroup } from './compose';
export * from './catalog';
export * from './queries';
export { componentIdPattern, validationMasks } from './shared';
export type { JsonSchema } from './jsonSchema';
export { layoutSchema } from './layoutSchema';
export {
  applicationMetadataSchema,
  footerSchema,
  layoutSetsSchema,
  layoutSettingsSchema,
  optionsSchema,
  textResourcesSchema,
} from './appSchemas';
export { expressionSlotValues, type SlotValue } from './expressionSlotValues';
