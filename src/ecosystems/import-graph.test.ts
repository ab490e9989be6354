import { describe, expect, it } from 'vitest';
import { makeRepo, type Files } from '../../test/harness.ts';
import type { RepoView } from '../core/detector.ts';
import { scanRepository } from '../repo/index.ts';
import { GRAPH_CONTENTS, importGraph } from './import-graph.ts';

async function view(files: Files | { git: true; files: Files }): Promise<RepoView> {
  return (await scanRepository(makeRepo(files), { patterns: new Map(), contents: GRAPH_CONTENTS, history: false, workers: 0 })).view;
}

/** `path:line specifier -> target` of every resolved production import. */
async function resolved(files: Files): Promise<string[]> {
  return importGraph(await view(files)).resolved.map((r) => `${r.site.path}:${r.site.line} ${r.site.specifier} -> ${r.target ?? `(${r.to?.name})`}`);
}

describe('importGraph: JavaScript and TypeScript', () => {
  it('resolves relative paths (.js written for .ts, index files), tsconfig paths through extends, and baseUrl', async () => {
    expect(
      await resolved({
        'tsconfig.base.json': '{\n  // comments and trailing commas are allowed\n  "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*"], "@lib": ["libs/lib/index.ts"], }, },\n}\n',
        'tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
        'src/main.ts': "import { a } from './a.js';\nimport { b } from './b';\nimport { c } from '@app/c/deep';\nimport lib from '@lib';\nimport x from 'src/x';\nimport express from 'express';\nimport fs from 'node:fs';\n",
        'src/a.ts': 'export const a = 1;',
        'src/b/index.tsx': 'export const b = 1;',
        'src/c/deep.ts': 'export const c = 1;',
        'src/x.js': 'export default 1;',
        'libs/lib/index.ts': 'export default 1;',
      }),
    ).toEqual([
      'src/main.ts:1 ./a.js -> src/a.ts',
      'src/main.ts:2 ./b -> src/b/index.tsx',
      'src/main.ts:3 @app/c/deep -> src/c/deep.ts',
      'src/main.ts:4 @lib -> libs/lib/index.ts',
      'src/main.ts:5 src/x -> src/x.js',
    ]);
  });

  it('resolves workspace package names, deep specifiers, and builds module edges marked type-only', async () => {
    const g = importGraph(
      await view({
        'package.json': JSON.stringify({ workspaces: ['packages/*'] }),
        'packages/billing/package.json': JSON.stringify({ name: '@acme/billing' }),
        'packages/billing/src/index.ts': "import { User } from '@acme/users';\nimport type { Row } from '@acme/users/src/db';\nexport const x = 1;\n",
        'packages/users/package.json': JSON.stringify({ name: '@acme/users' }),
        'packages/users/src/index.ts': "import type { X } from '@acme/billing';\nexport class User {}\n",
        'packages/users/src/db.ts': 'export type Row = {};\n',
      }),
    );
    expect(g.resolved.map((r) => `${r.site.specifier} -> ${r.target} (${r.to?.name} ${JSON.stringify(r.subpath)})`)).toEqual([
      '@acme/users -> packages/users/src/index.ts (@acme/users "")',
      '@acme/users/src/db -> packages/users/src/db.ts (@acme/users "src/db")',
      '@acme/billing -> packages/billing/src/index.ts (@acme/billing "")',
    ]);
    expect(g.moduleEdges.map((e) => `${e.from.name} -> ${e.to.name} ${e.imports.length}${e.typeOnly ? ' type-only' : ''}`)).toEqual([
      '@acme/billing -> @acme/users 2',
      '@acme/users -> @acme/billing 1 type-only',
    ]);
  });

  it('leaves tests, fixtures, vendored code, comments and git-ignored files out of the graph', async () => {
    const g = importGraph(
      await view({
        git: true,
        files: {
          '.gitignore': 'scratch/\n',
          'src/modules/a/index.ts': "// import { b } from '../b';\nimport { f } from '../../../test/fixtures/f';\nexport {};\n",
          'src/modules/a/index.test.ts': "import { b } from '../b';\n",
          'src/modules/b/index.ts': 'export const b = 1;\n',
          'test/fixtures/f.ts': "import { b } from '../../src/modules/b';\nexport const f = 1;\n",
          'node_modules/x/index.js': "require('../../src/modules/b');\n",
          'scratch/try.ts': "import { b } from '../src/modules/b';\n",
        },
      }),
    );
    expect(g.resolved).toEqual([]);
    expect(g.modules.map((m) => m.name)).toEqual(['a', 'b']);
  });
});

describe('importGraph: other languages', () => {
  it('resolves Python absolute imports under an import root and relative imports', async () => {
    expect(
      await resolved({
        'pyproject.toml': '[project]\nname = "shop"\n',
        'src/shop/__init__.py': '',
        'src/shop/billing/__init__.py': 'from .service import charge\n',
        'src/shop/billing/service.py': 'from shop.users.models import User\nfrom ..users import api\nimport os\nimport requests\n',
        'src/shop/users/__init__.py': '',
        'src/shop/users/models.py': 'class User: pass\n',
        'src/shop/users/api.py': 'x = 1\n',
      }),
    ).toEqual([
      'src/shop/billing/__init__.py:1 .service -> src/shop/billing/service.py',
      'src/shop/billing/service.py:1 shop.users.models -> src/shop/users/models.py',
      'src/shop/billing/service.py:2 ..users -> src/shop/users/__init__.py',
    ]);
  });

  it('resolves Go imports under the go.mod module path to a file of the package', async () => {
    expect(
      await resolved({
        'go.mod': 'module github.com/acme/shop\n\ngo 1.22\n',
        'cmd/api/main.go': 'package main\n\nimport (\n\t"fmt"\n\t"github.com/acme/shop/internal/store"\n\t"github.com/acme/other/x"\n)\n',
        'internal/store/store.go': 'package store\n',
        'internal/store/sql.go': 'package store\n',
        'internal/store/store_test.go': 'package store\n',
      }),
    ).toEqual(['cmd/api/main.go:5 github.com/acme/shop/internal/store -> internal/store/sql.go']);
  });

  it('resolves Java and Kotlin imports by package folder', async () => {
    expect(
      await resolved({
        'src/main/java/com/acme/billing/Invoice.java': 'package com.acme.billing;\nimport com.acme.users.User;\nimport com.acme.users.internal.*;\nimport static com.acme.users.User.find;\nimport java.util.List;\n',
        'src/main/java/com/acme/users/User.java': 'package com.acme.users;\n',
        'src/main/java/com/acme/users/internal/Repo.java': 'package com.acme.users.internal;\n',
        'src/main/kotlin/com/acme/orders/Orders.kt': 'package com.acme.orders\nimport com.acme.users.User\n',
      }),
    ).toEqual([
      'src/main/java/com/acme/billing/Invoice.java:2 com.acme.users.User -> src/main/java/com/acme/users/User.java',
      'src/main/java/com/acme/billing/Invoice.java:3 com.acme.users.internal -> src/main/java/com/acme/users/internal/Repo.java',
      'src/main/java/com/acme/billing/Invoice.java:4 com.acme.users.User.find -> src/main/java/com/acme/users/User.java',
      'src/main/kotlin/com/acme/orders/Orders.kt:2 com.acme.users.User -> src/main/java/com/acme/users/User.java',
    ]);
  });

  it('resolves C# namespaces to projects, Ruby require_relative and PHP use by PSR-4', async () => {
    expect(
      await resolved({
        'src/Acme.Billing/Acme.Billing.csproj': '<Project/>',
        'src/Acme.Billing/Invoices.cs': 'using System;\nusing Acme.Users.Internal;\nnamespace Acme.Billing;\n',
        'src/Acme.Users/Acme.Users.csproj': '<Project><PropertyGroup><RootNamespace>Acme.Users</RootNamespace></PropertyGroup></Project>',
        'src/Acme.Users/Users.cs': 'namespace Acme.Users;\n',
        'src/Acme.Users/Internal/Store.cs': 'namespace Acme.Users.Internal;\n',
        'app/billing.rb': "require_relative 'users/user'\nrequire 'json'\n",
        'app/users/user.rb': 'class User; end\n',
        'composer.json': JSON.stringify({ autoload: { 'psr-4': { 'App\\': 'src/' } } }),
        'src/Billing/Invoice.php': '<?php\nnamespace App\\Billing;\n\nuse App\\Users\\User;\nuse Illuminate\\Support\\Str;\n',
        'src/Users/User.php': '<?php\nnamespace App\\Users;\n',
      }),
    ).toEqual([
      'app/billing.rb:1 ./users/user -> app/users/user.rb',
      'src/Acme.Billing/Invoices.cs:2 Acme.Users.Internal -> src/Acme.Users/Internal/Store.cs',
      'src/Billing/Invoice.php:4 App\\Users\\User -> src/Users/User.php',
    ]);
  });

  it('is computed once per repository view', async () => {
    const v = await view({ 'src/a.ts': "import './b';\n", 'src/b.ts': '' });
    expect(importGraph(v)).toBe(importGraph(v));
  });
});
