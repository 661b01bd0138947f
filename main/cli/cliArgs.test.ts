import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cliArgs';

describe('parseCliArgs', () => {
  it('launches the desktop app with no arguments', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'desktop' });
  });

  it('reads serve with its options in any order', () => {
    expect(parseCliArgs(['serve'])).toEqual({ kind: 'serve', port: 0, open: true, appDir: undefined });
    expect(parseCliArgs(['serve', '--port', '4000', '--no-open', 'my-app'])).toEqual({ kind: 'serve', port: 4000, open: false, appDir: 'my-app' });
    expect(parseCliArgs(['serve', 'my-app', '--port=5'])).toEqual({ kind: 'serve', port: 5, open: true, appDir: 'my-app' });
  });

  it("reads the host's login: issuers from flags or the environment, secrets only from the environment, and says what is missing", () => {
    const secret = { STUDIO_SESSION_SECRET: 's'.repeat(32), STUDIO_OIDC_CLIENT_SECRET: 'client-secret' };
    expect(
      parseCliArgs(['host', '--oidc-issuer', 'https://idporten.example/', '--oidc-client-id', 'app', '--public-url', 'https://apps.example/', '--people', 'people.json', '--machine-issuer', 'https://mp.example/', '--machine-audience', 'https://apps.example/', '--machine-scope', 'a:b, c:d'], secret),
    ).toMatchObject({
      kind: 'host',
      auth: {
        peopleFile: 'people.json',
        sessionSecret: 's'.repeat(32),
        login: { issuer: 'https://idporten.example/', clientId: 'app', clientSecret: 'client-secret', publicUrl: 'https://apps.example' },
        machine: { issuer: 'https://mp.example/', audience: 'https://apps.example/', scopes: ['a:b', 'c:d'] },
      },
    });
    expect(parseCliArgs(['host'], { ...secret, STUDIO_MACHINE_ISSUER: 'https://mp.example/', STUDIO_MACHINE_AUDIENCE: 'aud', STUDIO_MACHINE_SCOPE: 'x' })).toMatchObject({ auth: { login: undefined, machine: { scopes: ['x'] } } });
    expect(() => parseCliArgs(['host', '--oidc-issuer', 'https://i/', '--oidc-client-id', 'app', '--public-url', 'https://p/'])).toThrow('STUDIO_SESSION_SECRET');
    expect(() => parseCliArgs(['host', '--oidc-issuer', 'https://i/', '--public-url', 'https://p/'], secret)).toThrow('--oidc-client-id');
    expect(() => parseCliArgs(['host', '--oidc-issuer', 'https://i/', '--oidc-client-id', 'app'], secret)).toThrow('--public-url');
    expect(() => parseCliArgs(['host', '--oidc-issuer', 'idporten'], secret)).toThrow('--oidc-issuer must be an http(s) URL');
    expect(() => parseCliArgs(['host', '--machine-issuer', 'https://mp/'], secret)).toThrow('--machine-audience and --machine-scope');
  });

  it("reads the host's session lifetimes and earlier secrets, and refuses ones that cannot work", () => {
    const login = ['host', '--oidc-issuer', 'https://i/', '--oidc-client-id', 'app', '--public-url', 'https://p/'];
    const env = { STUDIO_SESSION_SECRET: 'n'.repeat(32), STUDIO_SESSION_PREVIOUS_SECRETS: ` ${'o'.repeat(32)}\n${'p'.repeat(40)} `, STUDIO_SESSION_MAX_HOURS: '8' };
    expect(parseCliArgs([...login, '--session-idle-minutes', '20'], env)).toMatchObject({
      auth: { previousSecrets: ['o'.repeat(32), 'p'.repeat(40)], sessionIdleSeconds: 1200, sessionMaxSeconds: 28800 },
    });
    expect(parseCliArgs(login, { STUDIO_SESSION_SECRET: 'n'.repeat(32) })).toMatchObject({ auth: { previousSecrets: [], sessionIdleSeconds: undefined, sessionMaxSeconds: undefined } });
    expect(() => parseCliArgs(login, { ...env, STUDIO_SESSION_PREVIOUS_SECRETS: 'short' })).toThrow('STUDIO_SESSION_PREVIOUS_SECRETS needs 32 or more');
    expect(() => parseCliArgs([...login, '--session-idle-minutes', '0'], env)).toThrow('--session-idle-minutes must be a positive number');
    expect(() => parseCliArgs([...login, '--session-max-hours', 'soon'], env)).toThrow('--session-max-hours must be a positive number');
    expect(() => parseCliArgs([...login, '--session-idle-minutes', '600'], { ...env, STUDIO_SESSION_MAX_HOURS: '2' })).toThrow('must not be longer than');
  });

  it("reads the host's S3 blob store: place from flags or the environment, keys from the environment only, what is missing named, never with --blob-dir", () => {
    const keys = { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret' };
    const flags = ['host', '--blob-s3-endpoint', 'http://minio:9000', '--blob-s3-bucket', 'studio-blobs', '--blob-s3-region', 'us-east-1'];
    expect(parseCliArgs(flags, keys)).toMatchObject({
      blobDir: undefined,
      blobS3: { endpoint: 'http://minio:9000', bucket: 'studio-blobs', region: 'us-east-1', pathStyle: true, accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: undefined },
    });
    expect(
      parseCliArgs(['host', '--blob-s3-virtual-hosted'], {
        ...keys,
        AWS_SESSION_TOKEN: 'tok',
        STUDIO_BLOB_S3_ENDPOINT: 'https://s3.eu-north-1.amazonaws.com',
        STUDIO_BLOB_S3_BUCKET: 'b-1',
        STUDIO_BLOB_S3_REGION: 'eu-north-1',
      }),
    ).toMatchObject({ blobS3: { endpoint: 'https://s3.eu-north-1.amazonaws.com', bucket: 'b-1', region: 'eu-north-1', pathStyle: false, sessionToken: 'tok' } });
    // AWS keys alone (there for something else) choose no S3 store.
    expect(parseCliArgs(['host'], keys)).toMatchObject({ blobS3: undefined });
    expect(() => parseCliArgs(['host', '--blob-s3-endpoint', 'http://minio:9000'], {})).toThrow(
      'The S3 blob store needs --blob-s3-bucket (or STUDIO_BLOB_S3_BUCKET), --blob-s3-region (or STUDIO_BLOB_S3_REGION), AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY',
    );
    expect(() => parseCliArgs(flags, { AWS_ACCESS_KEY_ID: 'AKID' })).toThrow(/needs AWS_SECRET_ACCESS_KEY$/);
    expect(() => parseCliArgs([...flags, '--blob-dir', '/blobs'], keys)).toThrow('--blob-dir (or STUDIO_BLOB_DIR) and the --blob-s3-… options');
    expect(() => parseCliArgs(flags, { ...keys, STUDIO_BLOB_DIR: '/blobs' })).toThrow('give one of them');
    expect(() => parseCliArgs(['host', '--blob-s3-endpoint', 'minio:9000', '--blob-s3-bucket', 'b-1', '--blob-s3-region', 'r'], keys)).toThrow('--blob-s3-endpoint must be an http(s) URL');
    expect(() => parseCliArgs(['host', '--blob-s3-endpoint', 'http://m', '--blob-s3-bucket', 'Bad_Name', '--blob-s3-region', 'r'], keys)).toThrow('--blob-s3-bucket must be a bucket name');
  });

  it('reads host with its options, the environment filling what they leave out', () => {
    expect(parseCliArgs(['host'])).toEqual({ kind: 'host', port: 8080, database: undefined, dataDir: 'studio-host-data', blobDir: undefined, blobS3: undefined, blobSweepMinutes: undefined, adminToken: undefined, envName: 'default', hostname: '127.0.0.1', auth: undefined });
    expect(
      parseCliArgs(['host', '--port', '0', '--database', 'postgres://u@db:5432/studio', '--data-dir', '/data', '--blob-dir', '/shared/blobs', '--admin-token=t0k', '--env-name', 'production', '--hostname', '0.0.0.0', '--blob-sweep-minutes', '0']),
    ).toEqual({ kind: 'host', port: 0, database: 'postgres://u@db:5432/studio', dataDir: '/data', blobDir: '/shared/blobs', blobS3: undefined, blobSweepMinutes: 0, adminToken: 't0k', envName: 'production', hostname: '0.0.0.0', auth: undefined });
    const env = { STUDIO_ADMIN_TOKEN: 'from-env', STUDIO_DATABASE_URL: 'postgresql://x/y', STUDIO_DATA_DIR: '/var/studio', STUDIO_BLOB_DIR: '/mnt/blobs', STUDIO_ENV_NAME: 'test', PORT: '9000', STUDIO_HOSTNAME: '0.0.0.0', STUDIO_BLOB_SWEEP_MINUTES: '30' };
    expect(parseCliArgs(['host'], env)).toEqual({ kind: 'host', port: 9000, database: 'postgresql://x/y', dataDir: '/var/studio', blobDir: '/mnt/blobs', blobS3: undefined, blobSweepMinutes: 30, adminToken: 'from-env', envName: 'test', hostname: '0.0.0.0', auth: undefined });
    expect(parseCliArgs(['host', '--admin-token', 'flag'], env)).toMatchObject({ adminToken: 'flag' });
    expect(parseCliArgs(['host', '--help'])).toEqual({ kind: 'help', topic: 'host' });
    expect(() => parseCliArgs(['host', '--database', 'mysql://x'])).toThrow('--database must be a postgres:// or postgresql:// URL');
    expect(() => parseCliArgs(['host', '--env-name', 'a b'])).toThrow('--env-name must be a name');
    expect(() => parseCliArgs(['host', 'some-dir'])).toThrow('host takes no folder');
    expect(() => parseCliArgs(['host', '--blob-sweep-minutes', '-5'])).toThrow('--blob-sweep-minutes must be a whole number');
  });

  it('reads preview with its app folder and options', () => {
    expect(parseCliArgs(['preview', 'my-app'])).toEqual({ kind: 'preview', appDir: 'my-app', port: 0, open: true });
    expect(parseCliArgs(['preview', '--no-open', 'my-app', '--port=7000'])).toEqual({ kind: 'preview', appDir: 'my-app', port: 7000, open: false });
    expect(parseCliArgs(['preview', '--help'])).toEqual({ kind: 'help', topic: 'preview' });
  });

  it('reads new with its required options', () => {
    expect(parseCliArgs(['new', 'apps/x', '--org', 'ttd', '--name', 'x', '--title', 'Søknad om X'])).toEqual({
      kind: 'new',
      dir: 'apps/x',
      org: 'ttd',
      name: 'x',
      title: 'Søknad om X',
    });
    expect(parseCliArgs(['new', 'd', '--name=x', '--org=ttd'])).toMatchObject({ title: undefined });
  });

  it('gives help for each command', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help', topic: 'studio' });
    expect(parseCliArgs(['serve', '--help'])).toEqual({ kind: 'help', topic: 'serve' });
    expect(parseCliArgs(['new', '-h'])).toEqual({ kind: 'help', topic: 'new' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['deploy'], 'unknown command "deploy"', 'studio'],
    [['--verbose'], 'unknown option --verbose', 'studio'],
    [['serve', '--port'], '--port needs a value', 'serve'],
    [['serve', '--port', 'abc'], '--port must be a number from 0 to 65535, got "abc"', 'serve'],
    [['serve', '--port', '70000'], '--port must be a number from 0 to 65535, got "70000"', 'serve'],
    [['serve', 'a', 'b'], 'serve takes one app folder, got 2', 'serve'],
    [['serve', '--open'], 'unknown option --open', 'serve'],
    [['preview'], 'preview needs exactly one app folder, APP_DIR', 'preview'],
    [['preview', 'a', 'b'], 'preview needs exactly one app folder, APP_DIR', 'preview'],
    [['preview', 'a', '--port', 'x'], '--port must be a number from 0 to 65535, got "x"', 'preview'],
    [['new', '--org', 'ttd', '--name', 'x'], 'new needs exactly one folder, DIR', 'new'],
    [['new', 'd', '--name', 'x'], 'new needs --org ORG', 'new'],
    [['new', 'd', '--org', 'ttd'], 'new needs --name NAME', 'new'],
    [['new', 'd', '--org', 'ttd', '--org', 'x', '--name', 'y'], '--org is given twice', 'new'],
    [['new', 'd', '--org', '--name', 'y'], '--org needs a value', 'new'],
  ])('refuses %j as bad usage', (argv, message, topic) => {
    expect(() => parseCliArgs(argv)).toThrow(expect.objectContaining({ name: 'UsageError', message, topic }));
  });
});
