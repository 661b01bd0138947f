import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fakeElectron';
import { docsUrl, installMenu, menuTemplate, type MenuOptions } from './menu';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

beforeEach(() => resetFakeElectron());

const options = (overrides: Partial<MenuOptions> = {}): MenuOptions => ({
  isMac: false,
  isDevelopment: false,
  openAppFolder: vi.fn(),
  closeApp: vi.fn(),
  ...overrides,
});

function items(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || item.role === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('menuTemplate', () => {
  it('has File with Open app folder…, Close app and Quit wired to the callbacks', () => {
    const opts = options();
    const file = items(menuTemplate(opts), 'File');
    expect(file.map((item) => item.label ?? item.role ?? item.type)).toEqual(['Open app folder…', 'Close app', 'separator', 'quit']);
    (file[0]?.click as () => void)();
    (file[1]?.click as () => void)();
    expect(opts.openAppFolder).toHaveBeenCalledOnce();
    expect(opts.closeApp).toHaveBeenCalledOnce();
  });

  it('shows reload and devtools only in development', () => {
    const roles = (isDevelopment: boolean) => items(menuTemplate(options({ isDevelopment })), 'View').map((item) => item.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('adds the app menu on macOS and keeps Edit roles', () => {
    const template = menuTemplate(options({ isMac: true }));
    expect(template[0]?.role).toBe('appMenu');
    expect(template.some((item) => item.role === 'editMenu')).toBe(true);
  });

  it('opens the documentation through the safe external opener', () => {
    const help = items(menuTemplate(options()), 'help');
    (help[0]?.click as () => void)();
    expect(fakeElectron.shell.opened).toEqual([docsUrl]);
  });
});

describe('installMenu', () => {
  it('sets the application menu', () => {
    installMenu(options());
    expect(fakeElectron.Menu.current?.template.length).toBeGreaterThan(3);
  });
});
