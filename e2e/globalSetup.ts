// Before any spec: the machine's empty instance-store template (main/services/emptyStoreTemplate.ts),
// which a studio would otherwise make in the background on its first preview while a test waits.
import { emptyStoreTemplate } from '../main/services/emptyStoreTemplate';

export default async function globalSetup(): Promise<void> {
  const template = await emptyStoreTemplate();
  if (!template) throw new Error('Could not make the empty instance-store template (PGlite) in the temp folder; the preview would create each store on its own.');
}
