import { describe, expect, it } from 'vitest';
import { createProcessApi } from '../api/appApi';
import { screenOf, submitActionOf } from './processScreen';
import { processText } from './processTexts';

const sets = [
  { id: 'form', dataType: 'model', tasks: ['Task_1'] },
  { id: 'sign', dataType: 'model', tasks: ['Task_Sign'] },
];

describe('the screen a process state calls for', () => {
  it('shows the form of a task with a layout set, whatever its type', () => {
    expect(screenOf({ currentTask: { elementId: 'Task_1', altinnTaskType: 'data' } }, sets)).toEqual({ kind: 'form', taskId: 'Task_1', setId: 'form' });
    expect(screenOf({ currentTask: { elementId: 'Task_Sign', altinnTaskType: 'signing' } }, sets)).toEqual({ kind: 'form', taskId: 'Task_Sign', setId: 'sign' });
  });

  it('uses the built-in screens for confirmation, feedback and the end, and says when a task has no pages', () => {
    expect(screenOf({ currentTask: { elementId: 'Task_2', altinnTaskType: 'confirmation' } }, sets)).toEqual({ kind: 'confirm', taskId: 'Task_2' });
    expect(screenOf({ currentTask: { elementId: 'Task_3', altinnTaskType: 'feedback' } }, sets)).toEqual({ kind: 'feedback', taskId: 'Task_3' });
    expect(screenOf({ currentTask: null, ended: '2026-01-01T00:00:00Z', endEvent: 'End' }, sets)).toEqual({ kind: 'receipt', customSetId: null });
    expect(screenOf({ currentTask: { elementId: 'Task_Pay', altinnTaskType: 'payment' } }, sets)).toEqual({ kind: 'noLayout', taskId: 'Task_Pay', taskType: 'payment' });
  });

  it('uses a layout set listing CustomReceipt for the end', () => {
    expect(screenOf({ currentTask: null, endEvent: 'End' }, [...sets, { id: 'receipt', dataType: 'model', tasks: ['CustomReceipt'] }])).toEqual({ kind: 'receipt', customSetId: 'receipt' });
  });

  it('submits a confirmation form with confirm and anything else with the default action', () => {
    expect(submitActionOf('confirmation')).toBe('confirm');
    expect(submitActionOf('data')).toBeNull();
    expect(submitActionOf(null)).toBeNull();
  });
});

describe('process texts', () => {
  it("prefers the app's text, then the language's default, then Norwegian", () => {
    expect(processText('confirm.button_text', 'nb')).toBe('Bekreft');
    expect(processText('confirm.button_text', 'en')).toBe('Confirm');
    expect(processText('confirm.button_text', 'se')).toBe('Bekreft');
    expect(processText('confirm.button_text', 'en', [{ id: 'confirm.button_text', value: 'Send it' }])).toBe('Send it');
    expect(processText('process.no_layout', 'en', [], ['Task_Pay', 'payment'])).toBe('The task Task_Pay (payment) has no pages to show here.');
    expect(processText('no.such.key', 'nb')).toBe('no.such.key');
  });
});

describe('the process calls of the app API client', () => {
  it('reads the process and the active instances, and moves it with an optional action', async () => {
    const seen: string[] = [];
    const api = createProcessApi('/o/a/', (url, init) => {
      seen.push(`${init?.method} ${url} ${String(init?.body ?? '')}`);
      return Promise.resolve(new Response(url.includes('active') ? '[{"id":"1/g"}]' : '{"currentTask":{"elementId":"Task_2"}}'));
    });
    expect(await api.process('1/g')).toEqual({ currentTask: { elementId: 'Task_2' } });
    expect(await api.activeInstances('1')).toEqual([{ id: '1/g' }]);
    expect(await api.processNext('1/g', 'confirm', 'en')).toEqual({ ok: true, process: { currentTask: { elementId: 'Task_2' } } });
    await api.processNext('1/g', null, 'nb');
    expect(seen).toEqual([
      'GET /o/a/instances/1/g/process ',
      'GET /o/a/instances/1/active ',
      'PUT /o/a/instances/1/g/process/next?language=en {"action":"confirm"}',
      'PUT /o/a/instances/1/g/process/next?language=nb {}',
    ]);
  });

  it('returns the issues of a 409 and the message of other refusals instead of throwing', async () => {
    const issues = [{ severity: 1, source: 'Required', field: 'name', customTextKey: 'form_filler.error_required' }];
    const conflict = createProcessApi('/o/a/', () => Promise.resolve(new Response(JSON.stringify({ status: 409, message: 'Validation failed', validationIssues: issues }), { status: 409 })));
    expect(await conflict.processNext('1/g', null, 'nb')).toEqual({ ok: false, status: 409, message: 'Validation failed', issues });
    const forbidden = createProcessApi('/o/a/', () => Promise.resolve(new Response('not json', { status: 403 })));
    expect(await forbidden.processNext('1/g', 'sign', 'nb')).toEqual({ ok: false, status: 403, message: 'process/next failed with 403', issues: [] });
  });
});
