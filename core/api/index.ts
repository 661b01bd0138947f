export * from './check';
export * from './contract';
export * from './studioError';
export type * from './types';
export type * from './gitTypes';
export * from './dispatch';
export * from './bridge';
