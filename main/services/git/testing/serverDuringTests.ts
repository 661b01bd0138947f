/** The test git server for the tests of one file (Vitest only: e2e specs and scripts use gitHttpServer.ts directly). */
import { afterAll, beforeAll } from 'vitest';
import { startGitHttpServer, type GitHttpServer, type GitHttpServerOptions } from './gitHttpServer';

/** A server started before the file's tests and stopped after them (then `after` runs); call the result for it. */
export function gitServerDuringTests(options: GitHttpServerOptions = {}, after: () => void = () => undefined): () => GitHttpServer {
  let server: GitHttpServer | undefined;
  beforeAll(async () => {
    server = await startGitHttpServer(options);
  });
  afterAll(async () => {
    await server?.stop();
    after();
  });
  return () => {
    if (!server) throw new Error('The test git server runs only while the tests run.');
    return server;
  };
}
