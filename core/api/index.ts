export * from './check';
export * from './contract';
export * from './studioError';
export type * from './types';
export * from './dispatch';
export * from './bridge';
