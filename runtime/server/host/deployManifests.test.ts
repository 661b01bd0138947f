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

/** A strategic merge of `patch` into a list keyed by `key`: `$patch: delete` removes an item, others merge or are added. */
function mergeList(list: any[], patch: any[], key: string): any[] {
  let out = [...list];
  for (const item of patch) {
    const { $patch, ...rest } = item;
    const at = out.findIndex((x) => x[key] === item[key]);
    if ($patch === 'delete') out = out.filter((x) => x[key] !== item[key]);
    else if (at >= 0) out[at] = { ...out[at], ...rest };
    else out.push(rest);
  }
  return out;
}

test('the S3 patch of the Deployment turns the shared folder into a bucket the CLI reads, its keys from the Secret', () => {
  const deployment = yaml('deployment.yaml');
  const patch = yaml('blobs-s3.patch.yaml');
  const container = deployment.spec.template.spec.containers[0];
  const patched = patch.spec.template.spec.containers.find((c: { name: string }) => c.name === container.name);
  const env = mergeList(container.env, patched.env, 'name');
  const mounts = mergeList(container.volumeMounts, patched.volumeMounts, 'mountPath');
  const volumes = mergeList(deployment.spec.template.spec.volumes, patch.spec.template.spec.volumes, 'name');
  expect(env.map((e: { name: string }) => e.name)).not.toContain('STUDIO_BLOB_DIR');
  expect(mounts.map((m: { name: string }) => m.name)).not.toContain('blobs');
  expect(volumes.map((v: { name: string }) => v.name)).not.toContain('blobs');
  // Every mount still has its volume.
  for (const mount of mounts) expect(volumes.map((v: { name: string }) => v.name)).toContain(mount.name);

  const secret = yaml('secret.example.yaml');
  const values = Object.fromEntries(
    env.map((e: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }) => {
      if (e.value !== undefined) return [e.name, e.value];
      expect(e.valueFrom!.secretKeyRef.name).toBe(secret.metadata.name);
      expect(secret.stringData).toHaveProperty(e.valueFrom!.secretKeyRef.key);
      return [e.name, secret.stringData[e.valueFrom!.secretKeyRef.key]];
    }),
  );
  expect(parseCliArgs(['host'], values)).toMatchObject({
    blobDir: undefined,
    blobS3: { endpoint: values.STUDIO_BLOB_S3_ENDPOINT, bucket: values.STUDIO_BLOB_S3_BUCKET, region: values.STUDIO_BLOB_S3_REGION, pathStyle: true, accessKeyId: 'replace-me', secretAccessKey: 'replace-me' },
  });
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
