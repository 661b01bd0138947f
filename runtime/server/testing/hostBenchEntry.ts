// What bench/hostDeploy.mjs loads: the test git server with the app's tags and PostgreSQL, bundled by scripts/loadTs.mjs.
export { addRequiredEmail, hostTestApp, hostTestOrg, startHostTestRepo } from './hostTestRepo';
export { startPostgres } from './postgresServer';
