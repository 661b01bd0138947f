/**
 * Test and bench support for the runtime host: a real git HTTP server (git http-backend) holding an
 * app made by `studio new`, with tags pushed by the git command line, as a designer's studio would.
 *
 * Versions: `v1` the new app as made; `v2` adds a required e-mail field (so a v1 instance with only a
 * name is valid under v1 and not under v2); `broken` has an expression naming a component that does
 * not exist (an error of `studio check`). `allowPrivatePersons` lets people act for themselves (PRIV)
 * wherever the template's policy lets a general manager (DAGL) act.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNewApp } from '../../../main/services/newApp';
import { startGitHttpServer, type GitHttpServer } from '../../../main/services/git/testing/gitHttpServer';

export const hostTestOrg = 'ttd';
export const hostTestApp = 'hostapp';
/** Where the broken version's error is. */
export const brokenFile = 'App/ui/form/layouts/Side1.json';

export interface HostTestRepo {
  readonly git: GitHttpServer;
  /** The remote's clone URL. */
  readonly remote: string;
  /** The working copy the tags are made in. */
  readonly workDir: string;
  /** Changes the working copy, commits, tags `tag` and pushes it. */
  tag(tag: string, change?: (dir: string) => void): Promise<void>;
  stop(): Promise<void>;
}

const layoutPath = (dir: string) => path.join(dir, brokenFile);

type Layout = { data: { layout: Record<string, unknown>[] } };

function editLayout(dir: string, edit: (layout: Layout) => void): void {
  const layout = JSON.parse(readFileSync(layoutPath(dir), 'utf8')) as Layout;
  edit(layout);
  writeFileSync(layoutPath(dir), `${JSON.stringify(layout, null, 2)}\n`);
}

/** v2: a required e-mail field after the name. */
export function addRequiredEmail(dir: string): void {
  editLayout(dir, (layout) => {
    layout.data.layout.splice(3, 0, { id: 'applicant-email', type: 'Input', dataModelBindings: { simpleBinding: 'email' }, textResourceBindings: { title: 'start.name.label' }, required: true });
  });
}

/** The policy gives PRIV (a person acting for themselves) every rule it gives DAGL: a public service for citizens. */
export function allowPrivatePersons(dir: string): void {
  const file = path.join(dir, 'App/config/authorization/policy.xml');
  const policy = readFileSync(file, 'utf8');
  const dagl = /<xacml:AllOf>(?:(?!<\/xacml:AllOf>)[\s\S])*?>dagl<\/xacml:AttributeValue>[\s\S]*?<\/xacml:AllOf>/g;
  const changed = policy.replace(dagl, (allOf) => `${allOf}\n        ${allOf.replace('>dagl<', '>priv<')}`);
  if (changed === policy) throw new Error('The policy has no DAGL rule to give PRIV too');
  writeFileSync(file, changed);
}

/** broken: the name field hides on a component that does not exist. */
export function breakReference(dir: string): void {
  editLayout(dir, (layout) => {
    layout.data.layout[2]!.hidden = ['equals', ['component', 'no-such-component'], 'x'];
  });
}

// Asynchronous: the git server answering the push runs in this same process.
const gitRun = (dir: string, args: string[]) => promisify(execFile)('git', ['-c', 'user.name=Test Designer', '-c', 'user.email=designer@example.com', ...args], { cwd: dir });

/** Starts a git server with the app's repository; `v1` is tagged and pushed, the rest is the caller's. */
export async function startHostTestRepo(): Promise<HostTestRepo> {
  const git = await startGitHttpServer();
  const parent = mkdtempSync(path.join(os.tmpdir(), 'studio-host-repo-'));
  const workDir = path.join(parent, hostTestApp);
  const remote = git.createRepo(hostTestApp);
  await createNewApp({ dir: workDir, org: hostTestOrg, name: hostTestApp, title: 'Host test app' });
  await gitRun(workDir, ['push', '-q', remote, 'HEAD:refs/heads/main']);
  const tag = async (name: string, change?: (dir: string) => void) => {
    if (change) {
      change(workDir);
      // New files too (a version may add an image under App/wwwroot).
      await gitRun(workDir, ['add', '-A']);
      await gitRun(workDir, ['commit', '-q', '-m', `Version ${name}`]);
    }
    await gitRun(workDir, ['tag', '-a', name, '-m', `Version ${name}`]);
    await gitRun(workDir, ['push', '-q', remote, 'HEAD:refs/heads/main', `refs/tags/${name}`]);
  };
  return {
    git,
    remote,
    workDir,
    tag,
    stop: async () => {
      await git.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
