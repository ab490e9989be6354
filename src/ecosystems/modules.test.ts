import { describe, expect, it } from 'vitest';
import { makeRepo, type Files } from '../../test/harness.ts';
import { scanRepository } from '../repo/index.ts';
import { MODULE_CONTENTS, findModules, moduleResolver } from './modules.ts';

async function modules(files: Files): Promise<string[]> {
  const { view } = await scanRepository(makeRepo(files), { patterns: new Map(), contents: MODULE_CONTENTS, history: false, workers: 0 });
  return findModules(view).map((m) => `${m.kind} ${m.name} ${m.dir} -> ${m.entry ?? '-'}${m.exports ? ` [${m.exports.join(' ')}]` : ''}`);
}

const pkg = (o: Record<string, unknown>): string => JSON.stringify(o);

describe('findModules', () => {
  it('reads workspace packages: name, public subpaths and a source entry behind a dist main', async () => {
    expect(
      await modules({
        'package.json': pkg({ name: 'root', workspaces: ['packages/*'] }),
        'packages/billing/package.json': pkg({ name: '@acme/billing', main: 'dist/index.js', exports: { '.': './dist/index.js', './client': './dist/client.js' } }),
        'packages/billing/src/index.ts': 'export {}',
        'packages/users/package.json': pkg({ name: '@acme/users', main: 'lib/main.js' }),
        'packages/users/lib/main.js': 'module.exports = {}',
        'node_modules/@acme/old/package.json': pkg({ name: '@acme/old' }),
      }),
    ).toEqual([
      'workspace @acme/billing packages/billing -> packages/billing/src/index.ts [. ./client]',
      'workspace @acme/users packages/users -> packages/users/lib/main.js',
    ]);
  });

  it('finds module folders with entry files and Go packages under internal/', async () => {
    expect(
      await modules({
        'src/modules/billing/index.ts': 'export {}',
        'src/modules/billing/service.ts': 'x',
        'src/modules/users/index.js': 'x',
        'src/modules/notes.md': '# not a module',
        'go.mod': 'module example.com/app\n',
        'internal/store/store.go': 'package store',
        'internal/http/server.go': 'package http',
      }),
    ).toEqual([
      'go-package http internal/http -> internal/http/server.go',
      'go-package store internal/store -> internal/store/store.go',
      'folder billing src/modules/billing -> src/modules/billing/index.ts',
      'folder users src/modules/users -> src/modules/users/index.js',
    ]);
  });

  it('takes Python packages of one application package as modules, not its layers', async () => {
    expect(
      await modules({
        'pyproject.toml': '[project]\nname = "shop"\n',
        'src/shop/__init__.py': '',
        'src/shop/billing/__init__.py': 'from .service import charge\n',
        'src/shop/billing/models.py': 'x = 1\n',
        'src/shop/users/__init__.py': '',
        'src/shop/utils/__init__.py': '',
        'tests/billing/__init__.py': '',
      }),
    ).toEqual(['python-package billing src/shop/billing -> src/shop/billing/__init__.py', 'python-package users src/shop/users -> src/shop/users/__init__.py']);
    // A FastAPI-style layered app is not split into bounded contexts.
    expect(await modules({ 'app/__init__.py': '', 'app/api/__init__.py': '', 'app/models/__init__.py': '', 'app/core/__init__.py': '' })).toEqual([]);
  });

  it('takes Java top-level packages with a package-info or facade, not layers or packages without an entry', async () => {
    const java = (p: string): string => `package ${p};\n`;
    const files: Files = {
      'src/main/java/com/acme/shop/ShopApplication.java': java('com.acme.shop'),
      'src/main/java/com/acme/shop/billing/package-info.java': java('com.acme.shop.billing'),
      'src/main/java/com/acme/shop/billing/internal/InvoiceRepo.java': java('com.acme.shop.billing.internal'),
      'src/main/java/com/acme/shop/users/UsersFacade.java': java('com.acme.shop.users'),
      'src/main/java/com/acme/shop/catalog/Catalog.java': java('com.acme.shop.catalog'),
      'src/main/java/com/acme/shop/controller/HomeController.java': java('com.acme.shop.controller'),
      'src/test/java/com/acme/shop/orders/package-info.java': java('com.acme.shop.orders'),
    };
    expect(await modules(files)).toEqual([
      'jvm-package billing src/main/java/com/acme/shop/billing -> src/main/java/com/acme/shop/billing/package-info.java',
      'jvm-package users src/main/java/com/acme/shop/users -> src/main/java/com/acme/shop/users/UsersFacade.java',
    ]);
  });

  it('finds Maven sub-projects, packwerk packs, .NET projects (not test projects) and PSR-4 namespaces', async () => {
    expect(
      await modules({
        'pom.xml': '<project/>',
        'billing/pom.xml': '<project/>',
        'billing/src/main/java/a/B.java': 'package a;',
        'users/build.gradle.kts': '',
        'users/src/main/kotlin/a/U.kt': 'package a',
        'docs/pom.xml': '<project/>',
      }),
    ).toEqual(['jvm-project billing billing -> -', 'jvm-project users users -> -']);
    expect(
      await modules({
        'package.yml': 'enforce_dependencies: true\n',
        'packs/billing/package.yml': 'enforce_privacy: true\n',
        'packs/billing/app/public/billing/api.rb': 'module Billing; end\n',
        'packs/billing/app/models/invoice.rb': 'class Invoice; end\n',
        'packs/users/package.yml': '',
      }),
    ).toEqual(['ruby-pack billing packs/billing -> packs/billing/app/public/billing/api.rb', 'ruby-pack users packs/users -> -']);
    expect(
      await modules({
        'src/Acme.Billing/Acme.Billing.csproj': '<Project><PropertyGroup><RootNamespace>Acme.Billing</RootNamespace></PropertyGroup></Project>',
        'src/Acme.Users/Acme.Users.csproj': '<Project/>',
        'src/Acme.Users.Tests/Acme.Users.Tests.csproj': '<Project/>',
      }),
    ).toEqual(['dotnet-project Acme.Billing src/Acme.Billing -> -', 'dotnet-project Acme.Users src/Acme.Users -> -']);
    expect(
      await modules({
        'composer.json': JSON.stringify({ autoload: { 'psr-4': { 'App\\': 'src/' } } }),
        'src/Billing/Invoice.php': '<?php',
        'src/Users/User.php': '<?php',
        'src/Controller/HomeController.php': '<?php',
        'src/Kernel.php': '<?php',
      }),
    ).toEqual(['php-namespace Billing src/Billing -> -', 'php-namespace Users src/Users -> -']);
  });

  it('ignores module layouts in examples, fixtures, tests and vendored code', async () => {
    expect(
      await modules({
        'examples/packages/a/index.js': 'x',
        'examples/packages/b/index.js': 'x',
        'test/fixtures/src/modules/a/index.ts': 'x',
        'test/fixtures/src/modules/b/index.ts': 'x',
        'vendor/acme/packages/a/package.json': pkg({ name: 'a' }),
        'vendor/acme/packages/b/package.json': pkg({ name: 'b' }),
        'README.md': 'packages/a/index.ts and packages/b/index.ts',
      }),
    ).toEqual([]);
  });

  it('maps a file to its innermost module', async () => {
    const { view } = await scanRepository(
      makeRepo({ 'src/modules/billing/index.ts': 'x', 'src/modules/billing/deep/x.ts': 'x', 'src/modules/users/index.ts': 'x', 'src/main.ts': 'x' }),
      { patterns: new Map(), contents: MODULE_CONTENTS, history: false, workers: 0 },
    );
    const of = moduleResolver(findModules(view));
    expect(of('src/modules/billing/deep/x.ts')?.name).toBe('billing');
    expect(of('src/main.ts')).toBeUndefined();
    expect(findModules(view)).toBe(findModules(view));
  });
});
