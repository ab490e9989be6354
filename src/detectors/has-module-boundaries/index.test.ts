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
    [
      'Python packages of one application package',
      { 'app/__init__.py': '', 'app/billing/__init__.py': 'from .api import charge', 'app/billing/api.py': 'x = 1', 'app/users/__init__.py': '', 'app/models/__init__.py': '' },
      ['app/billing/__init__.py', 'app/users/__init__.py'],
    ],
    [
      'Java packages with a package-info or facade',
      {
        'src/main/java/com/acme/Application.java': 'package com.acme;',
        'src/main/java/com/acme/billing/package-info.java': 'package com.acme.billing;',
        'src/main/java/com/acme/billing/internal/Repo.java': 'package com.acme.billing.internal;',
        'src/main/java/com/acme/users/UserFacade.java': 'package com.acme.users;',
      },
      ['src/main/java/com/acme/billing/package-info.java', 'src/main/java/com/acme/users/UserFacade.java'],
    ],
    ['packwerk packs', { 'packs/billing/package.yml': 'enforce_privacy: true', 'packs/users/package.yml': '', 'packs/users/app/models/user.rb': 'class User; end' }, ['packs/billing/package.yml', 'packs/users/package.yml']],
    ['.NET projects', { 'src/Shop.Billing/Shop.Billing.csproj': '<Project/>', 'src/Shop.Users/Shop.Users.csproj': '<Project/>', 'src/Shop.Users.Tests/Shop.Users.Tests.csproj': '<Project/>' }, ['src/Shop.Billing/Shop.Billing.csproj', 'src/Shop.Users/Shop.Users.csproj']],
    [
      'PHP PSR-4 namespaces',
      { 'composer.json': JSON.stringify({ autoload: { 'psr-4': { 'Shop\\': 'src/' } } }), 'src/Billing/Invoice.php': '<?php', 'src/Users/User.php': '<?php', 'src/Users/Role.php': '<?php' },
      ['src/Billing/Invoice.php', 'src/Users/Role.php'],
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
    ['a layered Python app', { 'app/__init__.py': '', 'app/api/__init__.py': '', 'app/models/__init__.py': '', 'app/services/__init__.py': '' }],
    [
      'a layered Java app',
      { 'src/main/java/com/acme/web/package-info.java': 'package com.acme.web;', 'src/main/java/com/acme/service/package-info.java': 'package com.acme.service;', 'src/main/java/com/acme/App.java': 'package com.acme;' },
    ],
    ['Java packages without an entry', { 'src/main/java/com/acme/billing/Invoice.java': 'package com.acme.billing;', 'src/main/java/com/acme/users/User.java': 'package com.acme.users;' }],
  ])('answers no for %s', async (_case, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
  });
});
