import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

/** Two TypeScript modules; `billing` imports `users` the way `importLine` says. */
const tsModules = (importLine: string, extra: Files = {}): Files => ({
  'src/modules/billing/index.ts': "export { charge } from './service';\n",
  'src/modules/billing/service.ts': `import { audit } from '../../platform/audit';\n${importLine}\nexport const charge = () => 1;\n`,
  'src/modules/users/index.ts': "export { findUser } from './repository';\n",
  'src/modules/users/repository.ts': 'export const findUser = () => 1;\n',
  'src/platform/audit.ts': 'export const audit = 1;\n',
  ...extra,
});

describe('imports-bypass-module-api', () => {
  it('answers yes for a TypeScript module importing another module internals, with the import line', async () => {
    const r = await detect(detector, tsModules("import { findUser } from '../users/repository.js';"));
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/modules/billing/service.ts:2']);
    expect(r.evidence[0]!.excerpt).toBe("import { findUser } from '../users/repository.js';");
    expect(r.evidence[0]!.note).toBe('billing bypasses src/modules/users/index.ts of users for repository.ts');
    expect(r.measures).toEqual({
      'bypassing-imports': { value: 1, unit: 'imports' },
      'cross-module-imports': { value: 1, unit: 'imports' },
    });
  });

  it('answers yes for a deep import through a tsconfig path alias', async () => {
    const r = await detect(
      detector,
      tsModules("import { findUser } from '@modules/users/repository';", {
        'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@modules/*': ['src/modules/*'] } } }),
      }),
    );
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/modules/billing/service.ts:2']);
  });

  it('answers yes for a deep workspace specifier the package does not export, no for an exported subpath', async () => {
    const workspace = (specifier: string): Files => ({
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      'packages/billing/package.json': JSON.stringify({ name: '@acme/billing' }),
      'packages/billing/src/index.ts': `import { User } from '@acme/users';\nimport { db } from '${specifier}';\nexport const x = 1;\n`,
      'packages/users/package.json': JSON.stringify({ name: '@acme/users', exports: { '.': './src/index.ts', './client': './src/client.ts' } }),
      'packages/users/src/index.ts': 'export class User {}\n',
      'packages/users/src/client.ts': 'export const db = 1;\n',
      'packages/users/src/db.ts': 'export const db = 1;\n',
    });
    const deep = await detect(detector, workspace('@acme/users/src/db'));
    expect(deep.outcome).toBe('yes');
    expect(locations(deep)).toEqual(['packages/billing/src/index.ts:2']);
    expect(deep.measures?.['cross-module-imports']?.value).toBe(2);
    const exported = await detect(detector, workspace('@acme/users/client'));
    expect(exported.outcome).toBe('no');
    expect(exported.measures?.['cross-module-imports']?.value).toBe(2);
  });

  it('answers yes for Python importing billing.models when billing/__init__.py exports an API, no when it is empty', async () => {
    const python = (init: string): Files => ({
      'pyproject.toml': '[project]\nname = "shop"\n',
      'shop/__init__.py': '',
      'shop/billing/__init__.py': init,
      'shop/billing/models.py': 'class Invoice: pass\n',
      'shop/users/__init__.py': '',
      'shop/users/views.py': 'from shop.billing.models import Invoice\nfrom shop import billing\n',
    });
    const r = await detect(detector, python('from .models import Invoice\n__all__ = ["Invoice"]\n'));
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['shop/users/views.py:1']);
    expect((await detect(detector, python(''))).outcome).toBe('no');
  });

  it("answers yes for Java importing another module's internal package", async () => {
    const r = await detect(detector, {
      'src/main/java/com/acme/shop/billing/package-info.java': 'package com.acme.shop.billing;\n',
      'src/main/java/com/acme/shop/billing/Billing.java': 'package com.acme.shop.billing;\nimport com.acme.shop.users.UsersApi;\nimport com.acme.shop.users.internal.UserRepo;\n',
      'src/main/java/com/acme/shop/users/UsersApi.java': 'package com.acme.shop.users;\n',
      'src/main/java/com/acme/shop/users/internal/UserRepo.java': 'package com.acme.shop.users.internal;\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/main/java/com/acme/shop/billing/Billing.java:3']);
    expect(r.measures?.['cross-module-imports']?.value).toBe(2);
  });

  it('answers no for Go packages importing each other (the compiler guards internal/)', async () => {
    const r = await detect(detector, {
      'go.mod': 'module example.com/shop\n',
      'internal/billing/billing.go': 'package billing\n\nimport "example.com/shop/internal/users/store"\n',
      'internal/users/users.go': 'package users\n',
      'internal/users/store/store.go': 'package store\n',
    });
    expect(r.outcome).toBe('no');
    expect(r.measures?.['cross-module-imports']?.value).toBe(1);
  });

  it('answers no when modules import each other through their entries', async () => {
    const r = await detect(detector, tsModules("import { findUser } from '../users';"));
    expect(r.outcome).toBe('no');
    expect(r.measures).toEqual({ 'bypassing-imports': { value: 0, unit: 'imports' }, 'cross-module-imports': { value: 1, unit: 'imports' } });
  });

  it.each<[string, Files]>([
    ['the deep import is commented out', tsModules("// import { findUser } from '../users/repository';")],
    ['only a test imports internals', tsModules('', { 'src/modules/billing/service.test.ts': "import { findUser } from '../users/repository';\n" })],
    ['only a fixture imports internals', tsModules('', { 'test/fixtures/src/modules/billing/x.ts': "import { findUser } from '../users/repository';\n" })],
    ['a vendored copy imports internals', tsModules('', { 'node_modules/acme/src/modules/billing/x.js': "require('../users/repository');\n" })],
    ['a README mentions the internal path', tsModules('', { 'README.md': "billing may not `import '../users/repository'`; use src/modules/users/index.ts\n" })],
  ])('answers no when %s', async (_case, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['bypassing-imports']?.value).toBe(0);
  });

  it('ignores git-ignored code', async () => {
    const r = await detect(detector, {
      git: true,
      files: tsModules('', { '.gitignore': 'src/modules/scratch/\n', 'src/modules/scratch/index.ts': "import { findUser } from '../users/repository';\n" }),
    });
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
    const r = await detect(detector, { 'src/a.ts': "import { b } from './internal/b';\n", 'src/internal/b.ts': 'export const b = 1;\n' });
    expect(r.outcome).toBe('not-applicable');
  });
});
