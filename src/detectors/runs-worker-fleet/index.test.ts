import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const ECOSYSTEM = `module.exports = {
  apps: [
    { name: 'api', script: './dist/server.js', instances: 'max', exec_mode: 'cluster' },
    {
      name: 'email-worker',
      script: './dist/workers/email.js',
      instances: 3,
    },
    // { name: 'old-worker', script: 'old.js', instances: 9 },
    { name: 'scheduler', script: './dist/cron.js' },
  ],
};
`;

const K8S = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 6
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-consumer
spec:
  replicas: 4
---
apiVersion: v1
kind: Service
metadata:
  name: orders-consumer
`;

describe('runs-worker-fleet', () => {
  it.each<[string, Files, string[], number, number | undefined]>([
    ['a PM2 ecosystem file (API app and comments ignored)', { 'ecosystem.config.js': ECOSYSTEM }, ['ecosystem.config.js:5', 'ecosystem.config.js:10'], 2, 4],
    [
      'a PM2 JSON file with a max-instance worker',
      { 'ecosystem.config.json': JSON.stringify({ apps: [{ name: 'queue-runner', script: 'q.js', instances: 'max' }] }, null, 2) },
      ['ecosystem.config.json:4'],
      1,
      undefined,
    ],
    [
      'a PM2 YAML file',
      { 'ecosystem.config.yaml': 'apps:\n  - name: web\n    script: app.js\n  - name: jobs\n    script: jobs.js\n    instances: 2\n' },
      ['ecosystem.config.yaml:4'],
      1,
      2,
    ],
    ['a Procfile (web and release excluded, sizes unknown)', { Procfile: 'web: node server.js\nrelease: npm run migrate\nworker: node worker.js\nclock: node clock.js\n' }, ['Procfile:3', 'Procfile:4'], 2, undefined],
    ['a worker Deployment among others', { 'k8s/app.yaml': K8S }, ['k8s/app.yaml:11'], 1, 4],
    ['a worker Deployment without replicas', { 'deploy/worker.yaml': 'kind: Deployment\nmetadata:\n  name: pdf-worker\nspec:\n  template: {}\n' }, ['deploy/worker.yaml:3'], 1, 1],
  ])('answers yes for %s', async (_name, files, locs, defs, procs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['worker-definitions']?.value).toBe(defs);
    expect(r.measures?.['worker-processes']?.value).toBe(procs);
  });

  it.each<[string, Files]>([
    ['the PM2 file only runs the API', { 'ecosystem.config.js': "module.exports = { apps: [{ name: 'api', script: 'server.js', instances: 4 }] };\n" }],
    ['the Procfile only has web', { Procfile: 'web: gunicorn app:app\n' }],
    ['the worker Deployment is in an example folder', { 'examples/k8s/worker.yaml': 'kind: Deployment\nmetadata:\n  name: worker\n' }],
    ['the README shows a Procfile', { 'README.md': '```\nworker: node worker.js\n```\n' }],
    ['only a worker Service exists', { 'k8s/svc.yaml': 'kind: Service\nmetadata:\n  name: worker\n' }],
  ])('answers no when %s', async (_name, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['worker-definitions']?.value).toBe(0);
  });
});
