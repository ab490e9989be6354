import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (extra: Record<string, unknown> = {}): string => JSON.stringify({ name: 'x', ...extra });

describe('has-module-boundaries', () => {
  it.each([
    [
      'npm workspaces',
      { 'package.json': pkg({ workspaces: ['packages/*'] }), 'packages/a/package.json': pkg(), 'packages/b/package.json': pkg(), 'tools/c/package.json': pkg() },
      ['packages/a/package.json', 'packages/b/package.json'],
    ],
    [
      'yarn workspaces object with a negation',
      { 'package.json': pkg({ workspaces: { packages: ['web', 'pkgs/*', '!pkgs/old'] } }), 'web/package.json': pkg(), 'pkgs/ui/package.json': pkg(), 'pkgs/old/package.json': pkg() },
      ['pkgs/ui/package.json', 'web/package.json'],
    ],
    [
      'a pnpm workspace',
      { 'pnpm-workspace.yaml': "packages:\n  - 'svc/*'\n", 'svc/api/package.json': pkg(), 'svc/worker/package.json': pkg() },
      ['svc/api/package.json', 'svc/worker/package.json'],
    ],
    [
      'TypeScript module folders',
      { 'src/modules/billing/index.ts': 'export {}', 'src/modules/users/index.ts': 'export {}', 'src/modules/users/repo.ts': 'x', 'src/modules/misc.ts': 'x' },
      ['src/modules/billing/index.ts', 'src/modules/users/index.ts'],
    ],
    [
      'Python packages under apps/',
      { 'backend/apps/orders/__init__.py': '', 'backend/apps/orders/models.py': 'x = 1', 'backend/apps/users/__init__.py': '' },
      ['backend/apps/orders/__init__.py', 'backend/apps/users/__init__.py'],
    ],
    [
      'Go internal packages',
      { 'go.mod': 'module x', 'internal/store/store.go': 'package store', 'internal/store/sql.go': 'package store', 'internal/http/server.go': 'package http' },
      ['internal/http/server.go', 'internal/store/sql.go'],
    ],
    [
      'Go packages under pkg/',
      { 'go.mod': 'module x', 'pkg/api/server.go': 'package api', 'pkg/signals/signal.go': 'package signals' },
      ['pkg/api/server.go', 'pkg/signals/signal.go'],
    ],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
    expect(r.measures?.['modules']?.value).toBe(where.length);
  });

  it.each([
    ['a flat src folder', { 'package.json': pkg(), 'src/index.ts': 'x', 'src/users.ts': 'x', 'src/orders.ts': 'x' }],
    ['only one module folder', { 'src/modules/users/index.ts': 'x', 'src/modules/orders/service.ts': 'x' }],
    ['a workspace with a single package', { 'package.json': pkg({ workspaces: ['packages/*'] }), 'packages/a/package.json': pkg() }],
    ['module folders only in examples and tests', { 'examples/packages/a/index.js': 'x', 'examples/packages/b/index.js': 'x', 'test/modules/a/index.ts': 'x', 'test/modules/b/index.ts': 'x' }],
    ['vendored packages', { 'node_modules/x/packages/a/package.json': pkg(), 'node_modules/x/packages/b/package.json': pkg() }],
    ['a README describing modules', { 'README.md': 'packages/a/index.ts and packages/b/index.ts', 'src/main.py': 'x' }],
  ])('answers no for %s', async (_case, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
  });
});
