import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

/** billing -> users through users' entry, and users -> billing the way `back` says. */
const tsModules = (back: string, extra: Files = {}): Files => ({
  'src/modules/billing/index.ts': "export * from './service';\n",
  'src/modules/billing/service.ts': "import { findUser } from '../users/index.js';\nexport const charge = () => findUser();\n",
  'src/modules/users/index.ts': `${back}\nexport const findUser = () => 1;\n`,
  'src/modules/orders/index.ts': "import { charge } from '../billing';\nexport const order = charge;\n",
  ...extra,
});

describe('has-module-cycles', () => {
  it('answers yes for a TypeScript cycle, with one import line per edge and the cycle in the note', async () => {
    const r = await detect(detector, tsModules("import { charge } from '../billing/index.js';"));
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/modules/billing/service.ts:1', 'src/modules/users/index.ts:1']);
    expect(r.evidence.map((e) => e.note)).toEqual(['billing → users → billing', 'billing → users → billing']);
    expect(r.summary).toBe('1 dependency cycle(s) between modules: billing → users → billing.');
    expect(r.measures).toEqual({ 'module-cycles': { value: 1, unit: 'cycles' }, 'modules-in-cycles': { value: 2, unit: 'modules' } });
  });

  it('answers no when the way back is a type-only import', async () => {
    const r = await detect(detector, tsModules("import type { Invoice } from '../billing/index.js';"));
    expect(r.outcome).toBe('no');
    expect(r.measures?.['module-cycles']?.value).toBe(0);
  });

  it('answers yes for a cycle of three workspace packages imported by name', async () => {
    const pkg = (name: string, dep: string): Files => ({
      [`packages/${name}/package.json`]: JSON.stringify({ name: `@acme/${name}`, main: 'src/index.ts' }),
      [`packages/${name}/src/index.ts`]: `import { x } from '@acme/${dep}';\nexport const ${name} = x;\n`,
    });
    const r = await detect(detector, {
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
      ...pkg('a', 'b'),
      ...pkg('b', 'c'),
      ...pkg('c', 'a'),
      'packages/d/package.json': JSON.stringify({ name: '@acme/d' }),
    });
    expect(r.outcome).toBe('yes');
    expect(r.evidence[0]!.note).toBe('@acme/a → @acme/b → @acme/c → @acme/a');
    expect(locations(r)).toEqual(['packages/a/src/index.ts:1', 'packages/b/src/index.ts:1', 'packages/c/src/index.ts:1']);
    expect(r.measures?.['modules-in-cycles']?.value).toBe(3);
  });

  it('answers yes for Python packages importing each other', async () => {
    const r = await detect(detector, {
      'shop/__init__.py': '',
      'shop/billing/__init__.py': 'from shop.users.models import User\n',
      'shop/users/__init__.py': '',
      'shop/users/models.py': 'from ..billing import charge\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['shop/billing/__init__.py:1', 'shop/users/models.py:1']);
  });

  it('answers yes for Go modules whose sub-packages import each other', async () => {
    const r = await detect(detector, {
      'go.mod': 'module example.com/shop\n',
      'internal/billing/billing.go': 'package billing\n\nimport "example.com/shop/internal/users"\n',
      'internal/users/users.go': 'package users\n',
      'internal/users/audit/audit.go': 'package audit\n\nimport "example.com/shop/internal/billing"\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['internal/billing/billing.go:3', 'internal/users/audit/audit.go:3']);
  });

  it('answers yes for Java modules importing each other', async () => {
    const r = await detect(detector, {
      'src/main/java/com/acme/billing/package-info.java': 'package com.acme.billing;\n',
      'src/main/java/com/acme/billing/Billing.java': 'package com.acme.billing;\n\nimport com.acme.users.Users;\n',
      'src/main/java/com/acme/users/package-info.java': 'package com.acme.users;\n',
      'src/main/java/com/acme/users/Users.java': 'package com.acme.users;\n\nimport com.acme.billing.Billing;\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/main/java/com/acme/billing/Billing.java:3', 'src/main/java/com/acme/users/Users.java:3']);
  });

  it.each<[string, Files]>([
    ['modules depend one way', tsModules('')],
    ['the way back is commented out', tsModules("// import { charge } from '../billing';")],
    ['only a test imports back', tsModules('', { 'src/modules/users/users.test.ts': "import { charge } from '../billing';\n" })],
    ['only a fixture imports back', tsModules('', { 'src/modules/users/fixtures/seed.ts': "import { charge } from '../../billing';\n" })],
    ['a vendored copy imports back', tsModules('', { 'vendor/src/modules/users/index.js': "require('../billing');\n" })],
    ['a README describes a cycle', tsModules('', { 'README.md': "users must not `import { charge } from '../billing'`\n" })],
  ])('answers no when %s', async (_case, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures).toEqual({ 'module-cycles': { value: 0, unit: 'cycles' }, 'modules-in-cycles': { value: 0, unit: 'modules' } });
  });

  it('ignores git-ignored code', async () => {
    const r = await detect(detector, { git: true, files: tsModules('', { '.gitignore': 'src/modules/users/tmp.ts\n', 'src/modules/users/tmp.ts': "import { charge } from '../billing';\n" }) });
    expect(r.outcome).toBe('no');
  });

  it('answers unknown for packwerk packs, whose constants the import graph cannot follow', async () => {
    const r = await detect(detector, {
      'packs/billing/package.yml': 'enforce_privacy: true\n',
      'packs/billing/app/models/invoice.rb': 'class Invoice < ApplicationRecord\n  def user = Users::User.find(user_id)\nend\n',
      'packs/users/package.yml': '',
      'packs/users/app/models/users/user.rb': 'module Users\n  class User; end\nend\n',
    });
    expect(r.outcome).toBe('unknown');
    expect(r.summary).toMatch(/autoloaded constants/);
  });

  it('is not applicable with fewer than two modules', async () => {
    const r = await detect(detector, { 'src/a.ts': "import { b } from './b';\n", 'src/b.ts': "import { a } from './a';\n" });
    expect(r.outcome).toBe('not-applicable');
  });
});
