// The clone form: the folder an address suggests, addresses it refuses, and the new folder's path.
import { describe, expect, it } from 'vitest';
import { folderNameOf, targetDir, urlProblem } from './cloneForm';

describe('clone form', () => {
  it('suggests the repository name as the folder', () => {
    expect(folderNameOf('https://altinn.studio/repos/ttd/my-app.git')).toBe('my-app');
    expect(folderNameOf('http://127.0.0.1:8080/app.git/')).toBe('app');
    expect(folderNameOf('https://host/org/skjema%20A')).toBe('skjema A');
    expect(folderNameOf('not an address')).toBe('');
  });

  it('says what is wrong with an address', () => {
    expect(urlProblem('  ')).toBe('missing');
    expect(urlProblem('github.com/x')).toBe('notAnAddress');
    expect(urlProblem('ssh://git@host/x.git')).toBe('notHttp');
    expect(urlProblem('https://host/x.git')).toBeNull();
  });

  it('puts the new folder inside the chosen one', () => {
    expect(targetDir('/home/kari/apps', 'my-app')).toBe('/home/kari/apps/my-app');
    expect(targetDir('/home/kari/apps/', 'my-app')).toBe('/home/kari/apps/my-app');
    expect(targetDir('C:\\Users\\kari', 'my-app')).toBe('C:\\Users\\kari\\my-app');
  });
});
