// package.json of the modern platform: which feature brought each dependency, and the versions
// Dependabot moved it through.
import type { State } from '../timeline.ts';

interface Dep {
  name: string;
  dev: boolean;
  feature: string;
  /** Versions over time; bump `dep:<name>@<version>` features select later ones. */
  versions: string[];
}

function d(name: string, feature: string, versions: string, dev = false): Dep {
  return { name, dev, feature, versions: versions.split(' ') };
}

export const DEPS: Dep[] = [
  d('express', 'bootstrap', '5.1.0 5.2.1'),
  d('zod', 'bootstrap', '4.1.5 4.1.8 4.1.11 4.1.12'),
  d('pino', 'bootstrap', '9.9.0 9.11.0 9.14.0 10.1.0'),
  d('pino-http', 'bootstrap', '10.5.0 11.0.0'),
  d('helmet', 'security-headers', '8.1.0'),
  d('cors', 'cors-allowlist', '2.8.5'),
  d('express-rate-limit', 'rate-limit', '8.1.0 8.2.1'),
  d('rate-limit-redis', 'rate-limit', '4.2.2 4.3.0'),
  d('ioredis', 'redis', '5.7.0 5.8.1 5.8.2'),
  d('express-session', 'sessions', '1.18.2'),
  d('connect-redis', 'sessions', '9.0.0'),
  d('prom-client', 'metrics', '15.1.3'),
  d('@opentelemetry/api', 'tracing', '1.9.0'),
  d('@opentelemetry/sdk-node', 'tracing', '0.205.0 0.206.0 0.207.0 0.208.0'),
  d('@opentelemetry/auto-instrumentations-node', 'tracing', '0.64.1 0.65.0 0.66.0 0.67.0'),
  d('@opentelemetry/exporter-trace-otlp-http', 'tracing', '0.205.0 0.206.0 0.207.0 0.208.0'),
  d('@prisma/client', 'db', '6.16.2 6.17.1 6.18.0 6.19.0'),
  d('@prisma/adapter-pg', 'db', '6.16.2 6.17.1 6.18.0 6.19.0'),
  d('pg', 'db', '8.16.3'),
  d('@prisma/extension-read-replicas', 'read-replica', '0.4.1'),
  d('@aws-sdk/client-secrets-manager', 'secrets-manager', '3.888.0 3.901.0 3.913.0 3.925.0 3.940.0'),
  d('@aws-sdk/client-s3', 'object-storage', '3.888.0 3.901.0 3.913.0 3.925.0 3.940.0'),
  d('@aws-sdk/s3-request-presigner', 'object-storage', '3.888.0 3.901.0 3.913.0 3.925.0 3.940.0'),
  d('@asteasolutions/zod-to-openapi', 'openapi', '8.1.0'),
  d('yaml', 'openapi', '2.8.1'),
  d('bullmq', 'queues', '5.58.5 5.60.0 5.61.0 5.63.1'),
  d('@bull-board/api', 'queue-dashboard', '6.13.0 6.14.0'),
  d('@bull-board/express', 'queue-dashboard', '6.13.0 6.14.0'),
  d('opossum', 'billing', '9.0.0'),
  d('p-retry', 'billing', '7.0.0 7.1.0'),
  d('nodemailer', 'queues', '7.0.6 7.0.10'),
  d('argon2', 'identity', '0.44.0'),
  d('jose', 'identity', '6.1.0 6.1.2'),
  d('typescript', 'bootstrap', '5.9.2 5.9.3', true),
  d('tsx', 'bootstrap', '4.20.5 4.20.6 4.21.0', true),
  d('@types/node', 'bootstrap', '22.18.1 22.18.8 22.19.0 22.19.1', true),
  d('@types/express', 'bootstrap', '5.0.3', true),
  d('eslint', 'bootstrap', '9.35.0 9.36.0 9.38.0', true),
  d('@eslint/js', 'bootstrap', '9.35.0 9.36.0 9.38.0', true),
  d('typescript-eslint', 'bootstrap', '8.43.0 8.44.1 8.46.2 8.47.0', true),
  d('eslint-plugin-boundaries', 'module-boundaries', '5.0.1 5.1.0', true),
  d('vitest', 'bootstrap', '3.2.4 4.0.8', true),
  d('@vitest/coverage-v8', 'coverage', '3.2.4 4.0.8', true),
  d('supertest', 'integration-tests', '7.1.4', true),
  d('@types/supertest', 'integration-tests', '6.0.3', true),
  d('@types/express-session', 'sessions', '1.18.2', true),
  d('@types/opossum', 'billing', '8.1.9', true),
  d('@types/nodemailer', 'queues', '7.0.2', true),
  d('@types/pg', 'db', '8.15.5', true),
  d('prisma', 'db', '6.16.2 6.17.1 6.18.0 6.19.0', true),
  d('@stoplight/spectral-cli', 'api-lint', '6.15.0', true),
  d('@commitlint/cli', 'commit-conventions', '20.0.0 20.1.0', true),
  d('@commitlint/config-conventional', 'commit-conventions', '20.0.0', true),
  d('husky', 'commit-conventions', '9.1.7', true),
];

export function depVersion(dep: Dep, s: State): string {
  let v = dep.versions[0]!;
  for (const candidate of dep.versions.slice(1)) if (s.features.has(`dep:${dep.name}@${candidate}`)) v = candidate;
  return v;
}

/** Every Dependabot bump: [dependency, from, to, dev]. */
export function allBumps(): { name: string; from: string; to: string; dev: boolean; requires: string }[] {
  const out: { name: string; from: string; to: string; dev: boolean; requires: string }[] = [];
  for (const dep of DEPS) {
    for (let i = 1; i < dep.versions.length; i++) {
      out.push({ name: dep.name, from: dep.versions[i - 1]!, to: dep.versions[i]!, dev: dep.dev, requires: i === 1 ? dep.feature : `dep:${dep.name}@${dep.versions[i - 1]}` });
    }
  }
  return out;
}

const SCRIPTS: [string, string, string][] = [
  ['build', 'tsc -p tsconfig.build.json', 'bootstrap'],
  ['start', 'node dist/server.js', 'bootstrap'],
  ['start:worker', 'node dist/worker.js', 'queues'],
  ['dev', 'tsx watch src/server.ts', 'bootstrap'],
  ['dev:worker', 'tsx watch src/worker.ts', 'queues'],
  ['lint', 'eslint .', 'bootstrap'],
  ['typecheck', 'tsc --noEmit', 'bootstrap'],
  ['test', 'vitest run', 'bootstrap'],
  ['test:unit', 'vitest run test/unit', 'integration-tests'],
  ['test:integration', 'vitest run test/integration', 'integration-tests'],
  ['test:coverage', 'vitest run --coverage', 'coverage'],
  ['openapi:generate', 'tsx src/openapi/generate.ts', 'openapi'],
  ['openapi:lint', 'spectral lint openapi.yaml --fail-severity=warn', 'api-lint'],
  ['db:migrate', 'prisma migrate deploy', 'db'],
  ['db:generate', 'prisma generate', 'db'],
  ['prepare', 'husky', 'commit-conventions'],
];

export function packageJson(s: State): string {
  const has = (f: string): boolean => s.features.has(f);
  const release = s.counters.get('release') ?? 0;
  const pkg: Record<string, unknown> = {
    name: '@meridian/platform',
    version: `0.${release}.0`,
    private: true,
    description: 'Meridian commerce platform: identity, billing and catalog APIs and their workers.',
    type: 'module',
    engines: { node: '>=22.12' },
    scripts: Object.fromEntries(SCRIPTS.filter(([, , f]) => has(f)).map(([k, v]) => [k, v])),
  };
  const section = (dev: boolean): Record<string, string> =>
    Object.fromEntries(
      DEPS.filter((dep) => dep.dev === dev && has(dep.feature))
        .map((dep) => [dep.name, `^${depVersion(dep, s)}`] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  pkg.dependencies = section(false);
  pkg.devDependencies = section(true);
  if (has('db')) pkg.prisma = { schema: 'prisma/schema.prisma' };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
