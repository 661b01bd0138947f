// `npm run conformance:validation -- [DIR]`: Altinn's shared expression-validation cases (every *.json
// below DIR; default ../shared/fixtures/expression-validation) against core/validation.
import { runConformanceCli } from './conformanceRunner.mjs';
import { importTs } from './loadTs.mjs';

const { runConformanceFiles } = await importTs('core/validation/conformance.ts');
await runConformanceCli('expression-validation', (text, name) => runConformanceFiles({ [name]: text }));
