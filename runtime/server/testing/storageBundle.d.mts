/** Bundles runtime/server/testing/storageEntry.ts; returns the bundle's file URL and a function removing it. */
export function bundleStorage(): Promise<{ url: string; remove: () => void }>;
