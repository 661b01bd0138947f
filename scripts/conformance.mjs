// `npm run conformance -- [DIR]`: Altinn's shared expression test cases (functions/, context-lists/,
// invalid/ …, every *.json below DIR; default ../shared/fixtures/expressions) against core/expressions.
import { runConformanceCli } from './conformanceRunner.mjs';
import { importTs } from './loadTs.mjs';

const { runConformanceCase } = await importTs('core/expressions/conformance.ts');
await runConformanceCli('expressions', (text, name) =>
  runConformanceCase(JSON.parse(text), name).map((r) =>
    r.passed && r.messageMatches === false ? { ...r, note: 'fails as expected, with a different message than upstream' } : r,
  ),
);
