// The studio's git verbs the git benchmark (gitOps.mjs) measures, bundled for Node by scripts/loadTs.mjs.
export { clone } from '../main/services/git/clone';
export { commit } from '../main/services/git/commit';
export { history } from '../main/services/git/history';
export { stage } from '../main/services/git/stage';
export { status } from '../main/services/git/status';
export { StatusCache } from '../main/services/git/statusCache';
export { startGitHttpServer } from '../main/services/git/testing/gitHttpServer';
