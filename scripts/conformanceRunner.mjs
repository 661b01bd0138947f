// The command line shared by the conformance runners: finds every *.json case below DIR (recursively),
// runs each through `runFile`, prints each failure and a last line `N passed, N failed`, and exits 1
// when any case failed (or none could be read).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every .json file below a folder, in a stable order. */
function caseFiles(folder) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) return caseFiles(full);
      return name.endsWith('.json') ? [full] : [];
    });
}

const show = (value) => JSON.stringify(value);

/**
 * Runs the cases in `process.argv[2]` (default: `defaultDir` under ../shared/fixtures).
 * `runFile(text, name)` returns the results of one file: `{ name, passed, reason?, expected?, got?, note? }`.
 */
export async function runConformanceCli(defaultDir, runFile) {
  const dir = path.resolve(process.cwd(), process.argv[2] ?? path.join(root, '..', 'shared', 'fixtures', defaultDir));
  let files;
  try {
    files = caseFiles(dir);
  } catch (error) {
    console.error(`Cannot read the cases in ${dir}: ${error.message}. Pass the folder as the first argument.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  let passed = 0;
  let failed = 0;
  const notes = [];
  for (const file of files) {
    const relative = path.relative(dir, file);
    let results;
    try {
      results = await runFile(readFileSync(file, 'utf8'), path.basename(file, '.json'));
    } catch (error) {
      results = [{ name: path.basename(file), passed: false, reason: `unreadable: ${error.message}` }];
    }
    for (const result of results) {
      if (result.note) notes.push(`${relative} — ${result.name}: ${result.note}`);
      if (result.passed) {
        passed++;
        continue;
      }
      failed++;
      const detail = 'expected' in result ? `\n    expected: ${show(result.expected)}\n    got:      ${show(result.got)}` : '';
      console.log(`✘ ${relative} — ${result.name}${detail}${result.reason ? `\n    reason:   ${result.reason}` : ''}`);
    }
  }
  if (notes.length) console.log(`(${notes.length} notes:\n  ${notes.join('\n  ')})`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || files.length === 0 ? 1 : 0);
}
