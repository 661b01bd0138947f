import { describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { createAppDocumentStore } from '../state/appDocumentStore';
import { fakeApi } from '../state/fakeApi';
import { createKeydownHandler, formatShortcut, isMacPlatform, isTextEntry, matchesShortcut, type KeyPress } from './keybindings';
import { commandRegistry, createCommandRegistry, redoCommand, undoCommand, type Command } from './registry';

function press(init: Partial<KeyPress> & { key: string }): KeyPress & { prevented: boolean } {
  const event = {
    code: '',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    target: null,
    defaultPrevented: false,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
    ...init,
  };
  return event;
}

const contents = { 'App/ui/layouts/Side1.json': '{"data": {"layout": []}}' };

/** A registry with undo and redo over a document whose writes succeed. */
async function withDocument() {
  const doc = createAppDocumentStore(
    { dir: '/a', name: 'a', files: memoryFileSource(contents).files },
    { api: fakeApi({ 'workspace:applyChanges': () => null }), sourceFor: () => memoryFileSource(contents), overviewDelayMs: 0 },
  );
  await doc.getState().settled();
  const registry = createCommandRegistry();
  registry.register(undoCommand);
  registry.register(redoCommand);
  registry.setContext({ doc, layout: null });
  return { doc, registry };
}

describe('command registry', () => {
  it('runs commands by id when they can run, and says why not otherwise', async () => {
    const registry = createCommandRegistry();
    const ran: unknown[] = [];
    let enabled = false;
    const command: Command<'edit.undo'> = { id: 'edit.undo', label: 'edit.undo', canRun: () => enabled, run: (_, args) => ran.push(args ?? 'none') };
    const remove = registry.register(command);
    expect(() => registry.register(command)).toThrow('already registered');
    expect(await registry.runCommand('edit.undo')).toEqual({ ok: false, reason: 'disabled' });
    enabled = true;
    expect(await registry.runCommand('edit.undo')).toEqual({ ok: true, value: 1 });
    expect(registry.list().map((c) => c.id)).toEqual(['edit.undo']);
    remove();
    expect(await registry.runCommand('edit.undo')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('returns a failing command’s message instead of throwing', async () => {
    const registry = createCommandRegistry();
    registry.register({
      id: 'edit.redo',
      label: 'edit.redo',
      canRun: () => true,
      run: () => {
        throw new Error('nope');
      },
    });
    expect(await registry.runCommand('edit.redo')).toEqual({ ok: false, reason: 'failed', message: 'nope' });
  });

  it('has undo and redo built in, running against the open document', async () => {
    expect(commandRegistry.list().map((c) => c.id)).toEqual(['edit.undo', 'edit.redo']);
    const { doc, registry } = await withDocument();
    expect(registry.canRun('edit.undo')).toBe(false);
    await doc.getState().apply(new Map([['App/ui/layouts/Side1.json', '{}']]), { key: 'edit.undo' });
    expect(registry.canRun('edit.undo')).toBe(true);
    await registry.runCommand('edit.undo');
    expect(doc.getState().model?.texts.get('App/ui/layouts/Side1.json')).toBe(contents['App/ui/layouts/Side1.json']);
    expect(registry.canRun('edit.redo')).toBe(true);
  });
});

describe('keybindings', () => {
  it('matches shortcuts exactly, with Mod as Cmd on macOS and Ctrl elsewhere', () => {
    expect(matchesShortcut('Mod+Z', press({ key: 'z', ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut('Mod+Z', press({ key: 'z', metaKey: true }), false)).toBe(false);
    expect(matchesShortcut('Mod+Z', press({ key: 'z', metaKey: true }), true)).toBe(true);
    expect(matchesShortcut('Mod+Z', press({ key: 'Z', ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesShortcut('Mod+Shift+Z', press({ key: 'Z', ctrlKey: true, shiftKey: true }), false)).toBe(true);
    // A Cyrillic layout types я where Z is; the key's position still counts.
    expect(matchesShortcut('Mod+Z', press({ key: 'я', code: 'KeyZ', ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut('Ctrl+Y', press({ key: 'y', ctrlKey: true }), true)).toBe(true);
    expect(matchesShortcut('Alt+ArrowUp', press({ key: 'ArrowUp', altKey: true }), false)).toBe(true);
  });

  it('shows shortcuts the way each platform writes them', () => {
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⇧⌘Z');
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Alt+ArrowUp', false)).toBe('Alt+ArrowUp');
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Win32')).toBe(false);
  });

  it('knows where typing goes', () => {
    expect(isTextEntry({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextEntry({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextEntry({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextEntry({ tagName: 'DIV', closest: (s: string) => (s === '.monaco-editor' ? {} : null) })).toBe(true);
    expect(isTextEntry({ tagName: 'BUTTON', closest: () => null })).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });

  it('runs the command of a shortcut, but leaves text fields their own undo unless a command wants it', async () => {
    const { doc, registry } = await withDocument();
    await doc.getState().apply(new Map([['App/ui/layouts/Side1.json', '{}']]), { key: 'edit.undo' });
    const handler = createKeydownHandler(registry, false);

    const inField = press({ key: 'z', ctrlKey: true, target: { tagName: 'INPUT', type: 'text' } });
    handler(inField);
    expect(inField.prevented).toBe(false);
    expect(doc.getState().history.undo).toHaveLength(1);

    const nothing = press({ key: 'y', ctrlKey: true });
    handler(nothing);
    expect(nothing.prevented).toBe(false);

    const undo = press({ key: 'z', ctrlKey: true, target: { tagName: 'BUTTON' } });
    handler(undo);
    expect(undo.prevented).toBe(true);
    await doc.getState().settled();
    expect(doc.getState().history.redo).toHaveLength(1);

    const redo = press({ key: 'y', ctrlKey: true });
    handler(redo);
    await doc.getState().settled();
    expect(doc.getState().history.undo).toHaveLength(1);

    const everywhere = createCommandRegistry();
    let runs = 0;
    everywhere.register({ id: 'edit.undo', label: 'edit.undo', shortcuts: ['Mod+Z'], inTextFields: true, canRun: () => true, run: () => runs++ });
    createKeydownHandler(everywhere, true)(press({ key: 'z', metaKey: true, target: { tagName: 'TEXTAREA' } }));
    expect(runs).toBe(1);
  });
});
