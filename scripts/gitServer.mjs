// A local git server for trying the studio's git by hand and for end-to-end tests: Debian's
// `git http-backend` behind the Node bridge of main/services/git/testing/gitHttpServer.ts.
//   node scripts/gitServer.mjs [--user NAME --token TOKEN] [REPO...]
// Creates the empty bare repositories REPO (default: app), prints one JSON line
// {"port":…,"urls":{"app":"http://127.0.0.1:…/app.git"}} and serves until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { importTs } from './loadTs.mjs';

const { values, positionals } = parseArgs({ options: { user: { type: 'string' }, token: { type: 'string' } }, allowPositionals: true });
if (Boolean(values.user) !== Boolean(values.token)) {
  console.error('Give both --user and --token, or neither.');
  process.exit(2);
}
const { startGitHttpServer } = await importTs('main/services/git/testing/gitHttpServer.ts');
const auth = values.user ? { username: values.user, token: values.token } : undefined;
const server = await startGitHttpServer({ auth });
const names = positionals.length > 0 ? positionals : ['app'];
const urls = Object.fromEntries(names.map((name) => [name, server.createRepo(name)]));
console.log(JSON.stringify({ port: server.port, urls }));
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
