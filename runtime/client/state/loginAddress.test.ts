import { describe, expect, it } from 'vitest';
import { loginAddress } from './loginAddress';

describe('loginAddress', () => {
  it('asks the login to come back to this page, its query and its hash', () => {
    expect(loginAddress('/ttd/app/auth/login', { pathname: '/ttd/app/', search: '?lang=nn', hash: '#/instance/1/2' })).toBe('/ttd/app/auth/login?returnTo=%2Fttd%2Fapp%2F%3Flang%3Dnn%23%2Finstance%2F1%2F2');
  });
});
