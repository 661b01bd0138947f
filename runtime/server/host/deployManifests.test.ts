// The operations files in deploy/ agree with the host: the Kubernetes probes ask the paths the host
// answers on the port it listens on, the Service reaches that port, the secrets arrive as the env the
// CLI reads, and the Dockerfile runs `studio host` as a non-root user with a health check on /health.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseCliArgs } from '../../../main/cli/cliArgs';
import { startAppHost } from './appHost';

// js-yaml (a dev dependency already, used by the packaging test) has no type declarations here.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const deployDir = path.resolve(import.meta.dirname, '../../../deploy');
const yaml = (name: string) => load(readFileSync(path.join(deployDir, 'k8s', name), 'utf8')) as any;

test('the Deployment, Service and probes match the host', async () => {
  const deployment = yaml('deployment.yaml');
  const service = yaml('service.yaml');
  expect(deployment.kind).toBe('Deployment');
  expect(deployment.spec.replicas).toBe(2);
  const container = deployment.spec.template.spec.containers[0];
  const env = Object.fromEntries((container.env as { name: string; value?: string; valueFrom?: any }[]).map((e) => [e.name, e.value ?? e.valueFrom]));
  const port = Number(env.PORT);
  expect(container.ports[0].containerPort).toBe(port);
  expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port });
  expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port });
  expect(env.STUDIO_ADMIN_TOKEN.secretKeyRef).toMatchObject({ name: 'studio-host', key: 'admin-token' });
  expect(env.STUDIO_DATABASE_URL.secretKeyRef).toMatchObject({ name: 'studio-host', key: 'database-url' });
  expect(service.kind).toBe('Service');
  expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
  expect(service.spec.ports[0].targetPort).toBe(port);
  expect(yaml('secret.example.yaml').stringData).toHaveProperty('admin-token');
  // Attachments go to one volume every replica shares.
  const blobMount = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === env.STUDIO_BLOB_DIR);
  const blobVolume = deployment.spec.template.spec.volumes.find((v: { name: string }) => v.name === blobMount.name);
  const claim = yaml('blobs-pvc.yaml');
  expect(blobVolume.persistentVolumeClaim.claimName).toBe(claim.metadata.name);
  expect(claim.spec.accessModes).toEqual(['ReadWriteMany']);

  // The CLI reads that environment into the host's options …
  const command = parseCliArgs(['host'], { ...env, STUDIO_ADMIN_TOKEN: 't', STUDIO_DATABASE_URL: 'postgres://db/studio' });
  expect(command).toMatchObject({ kind: 'host', port, hostname: '0.0.0.0', adminToken: 't', database: 'postgres://db/studio', envName: env.STUDIO_ENV_NAME, dataDir: env.STUDIO_DATA_DIR, blobDir: env.STUDIO_BLOB_DIR });

  // … and a host answers the probes' paths.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'studio-host-probes-'));
  const host = await startAppHost({ dataDir, log: () => undefined });
  try {
    expect((await fetch(`${host.url}${container.livenessProbe.httpGet.path}`)).status).toBe(200);
    expect((await fetch(`${host.url}${container.readinessProbe.httpGet.path}`)).status).toBe(200);
  } finally {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the Dockerfile runs `studio host` on node:22-slim as a non-root user with a health check', () => {
  const text = readFileSync(path.join(deployDir, 'Dockerfile'), 'utf8');
  const lines = text.split('\n').filter((l) => !l.startsWith('#'));
  const froms = lines.filter((l) => l.startsWith('FROM '));
  expect(froms.at(-1)).toBe('FROM node:22-slim');
  expect(text).toMatch(/npm ci --omit=dev/);
  expect(lines.find((l) => l.startsWith('USER '))).toMatch(/^USER (?!root)\w+/);
  const port = /PORT=(\d+)/.exec(text)?.[1];
  expect(lines).toContain(`EXPOSE ${port}`);
  expect(text).toMatch(/HEALTHCHECK[\s\S]*\/health/);
  expect(lines.find((l) => l.startsWith('ENTRYPOINT'))).toBe('ENTRYPOINT ["node", "bin/studio.mjs", "host"]');
});
