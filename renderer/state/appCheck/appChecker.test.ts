// The app check as the document store runs it: only changed files travel to the checker, the
// findings equal a check of the model itself, a burst of models gives results for the first and the
// newest only, and a worker that dies hands over to the page without losing the newest check.
import { describe, expect, it, vi } from 'vitest';
import { editFiles } from '../../../core/app/model/appEdits';
import { loadTestApp } from '../../../core/app/layoutEdits/testApp';
import { placedCheck } from '../../../core/refs/placedCheck';
import { createAppChecker, type AppCheckResult } from './appChecker';
import { CheckMirror, requestFor } from './checkMirror';

const pagePath = 'App/ui/form/layouts/C.json';
const pageWith = (key: string) => `{"data": {"layout": [{"id": "c1", "type": "Paragraph", "textResourceBindings": {"title": "${key}"}}]}}`;

describe('checkMirror', () => {
  it('sends only what changed and checks the same app as the model', async () => {
    const model = await loadTestApp({ [pagePath]: pageWith('missing.one') });
    const sent = new Map<string, string>();
    const first = requestFor(1, model, sent);
    expect(first.changed.length).toBe(model.texts.size);
    const mirror = new CheckMirror();
    expect(mirror.check(first).diagnostics).toEqual(placedCheck(model));

    const edited = editFiles(model, new Map<string, string | null>([[pagePath, pageWith('missing.two')], ['App/ui/form/layouts/Gone.json', null]]));
    const second = requestFor(2, edited, sent);
    expect(second.changed.map(([p]) => p)).toEqual([pagePath]);
    const reply = mirror.check(second);
    expect(reply.diagnostics).toEqual(placedCheck(edited));
    expect(reply.diagnostics.find((d) => d.message.includes('missing.two'))).toMatchObject({ componentId: 'c1' });
    expect(requestFor(3, edited, sent)).toMatchObject({ changed: [], removed: [] });
  });
});

describe('createAppChecker', () => {
  it('checks the first model and then only the newest of a burst', async () => {
    const model = await loadTestApp({ [pagePath]: pageWith('k0') });
    const results: AppCheckResult[] = [];
    const checker = createAppChecker((r) => results.push(r));
    const models = [model];
    for (let i = 1; i <= 3; i++) models.push(editFiles(models[i - 1]!, new Map([[pagePath, pageWith(`k${i}`)]])));
    for (const m of models) checker.check(m);
    await checker.idle();
    expect(results.map((r) => r.model)).toEqual([models[0], models[3]]);
    expect(results[1]!.diagnostics).toEqual(placedCheck(models[3]!));
  });

  it('moves to the page when the worker fails, and checks the newest model there', async () => {
    const model = await loadTestApp({ [pagePath]: pageWith('w0') });
    const posted: unknown[] = [];
    let fail: (() => void) | null = null;
    const worker = {
      postMessage: (m: unknown) => posted.push(m),
      terminate: vi.fn(),
      set onmessage(_: unknown) {},
      set onerror(handler: (e: { preventDefault(): void }) => void) {
        fail = () => handler({ preventDefault: () => undefined });
      },
    } as unknown as Worker;
    const results: AppCheckResult[] = [];
    const checker = createAppChecker((r) => results.push(r), () => worker);
    checker.check(model);
    expect(posted).toHaveLength(1);
    fail!();
    await checker.idle();
    expect(worker.terminate).toHaveBeenCalled();
    expect(results.map((r) => r.model)).toEqual([model]);
    expect(results[0]!.diagnostics).toEqual(placedCheck(model));
  });
});
