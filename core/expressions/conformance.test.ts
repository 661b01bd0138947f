// Altinn's shared expression cases (../shared/fixtures/expressions), each its own test. They are read
// at run time and never copied into the project; without the folder the suite skips.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformanceCase } from './conformance';

const fixtures = path.resolve(__dirname, '../../../shared/fixtures/expressions');

function caseFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) return caseFiles(full);
      return name.endsWith('.json') ? [full] : [];
    });
}

const files = existsSync(fixtures) ? caseFiles(fixtures) : [];

describe.skipIf(files.length === 0)('shared expression cases', () => {
  for (const file of files) {
    const relative = path.relative(fixtures, file);
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    for (const result of runConformanceCase(parsed, path.basename(file, '.json'))) {
      it(`${relative} — ${result.name}`, () => {
        expect({ passed: result.passed, reason: result.reason, got: result.got }).toEqual({ passed: true, reason: result.reason, got: result.got });
      });
    }
  }
});
