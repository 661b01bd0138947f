/** The runtime's packages that must stay outside a bundle. */
export const runtimeExternals: string[];
/** Bundles runtime/server/testing/storageEntry.ts; returns the bundle's file URL and a function removing it. */
export function bundleStorage(): Promise<{ url: string; remove: () => void }>;
