import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, fakeEvent, FakeWebContents, resetFakeElectron } from './fakeElectron';
import { guardWebContents, installNavigationGuard, trustDeployEnvironments } from './navigationGuard';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

let contents: FakeWebContents;

beforeEach(() => {
  resetFakeElectron();
  contents = new FakeWebContents('app://studio/index.html');
  guardWebContents(contents as never);
});

function navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const e = fakeEvent({ url });
  contents.emit(event, e, url);
  return e.defaultPrevented;
}

describe('guardWebContents', () => {
  it('lets the studio move between its own pages', () => {
    expect(navigate('will-navigate', 'app://studio/index.html#/start')).toBe(false);
    expect(navigate('will-redirect', 'app://studio/other.html')).toBe(false);
  });

  it('prevents navigation and redirects anywhere else', () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://studio.evil/', 'javascript:alert(1)', 'about:blank', 'data:text/html,x']) {
      expect(navigate('will-navigate', url), url).toBe(true);
      expect(navigate('will-redirect', url), url).toBe(true);
    }
  });

  it('denies every new window and opens only safe links externally', () => {
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    for (const url of ['https://docs.altinn.studio/', 'javascript:alert(1)', 'file:///etc/passwd', 'http://example.com/', 'https://u:p@example.com/', 'app://studio/index.html']) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(fakeElectron.shell.opened).toEqual(['https://docs.altinn.studio/']);
  });

  it("opens an app on one of the user's deploy environments, and nothing else local", async () => {
    trustDeployEnvironments(async () => ['http://127.0.0.1:8080']);
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    expect(open('http://127.0.0.1:8080/ttd/app/')).toEqual({ action: 'deny' });
    expect(open('http://127.0.0.1:9999/ttd/app/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fakeElectron.shell.opened).toEqual(['http://127.0.0.1:8080/ttd/app/']));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fakeElectron.shell.opened).toEqual(['http://127.0.0.1:8080/ttd/app/']);
  });

  it('prevents webviews', () => {
    const e = fakeEvent({});
    contents.emit('will-attach-webview', e, {}, { src: 'https://example.com/' });
    expect(e.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      contents.session.requestHandler?.(contents, permission, (granted: boolean) => answers.push(granted), {});
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(contents.session.checkHandler?.(contents, 'media', 'app://studio', {})).toBe(false);
  });
});

describe('installNavigationGuard', () => {
  it('guards every webContents the app creates', () => {
    installNavigationGuard();
    const created = new FakeWebContents('app://studio/index.html');
    fakeElectron.app.emit('web-contents-created', fakeEvent({}), created);
    expect(created.listenerCount('will-navigate')).toBe(1);
    expect(created.listenerCount('will-redirect')).toBe(1);
    expect(created.listenerCount('will-attach-webview')).toBe(1);
    expect(created.windowOpenHandler).not.toBeNull();
    expect(created.session.requestHandler).not.toBeNull();
  });
});
