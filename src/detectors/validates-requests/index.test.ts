import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>, dev: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps, devDependencies: dev });

describe('validates-requests', () => {
  it.each([
    ['zod', { 'package.json': pkg({ zod: '3' }), 'src/routes/users.ts': "import express from 'express';\nimport { z } from 'zod';\n" }, ['src/routes/users.ts:2']],
    ['class-validator', { 'package.json': pkg({ 'class-validator': '0.14' }), 'src/dto/create-user.dto.ts': "import { IsEmail } from 'class-validator';\n" }, ['src/dto/create-user.dto.ts:1']],
    ['pydantic', { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["pydantic>=2"]\n', 'app/schemas.py': 'from pydantic import BaseModel\n' }, ['app/schemas.py:1']],
    ['marshmallow', { 'requirements.txt': 'marshmallow==3.20\n', 'app/schemas.py': 'import json\nfrom marshmallow import Schema, fields\n' }, ['app/schemas.py:2']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['only tests import zod', { 'package.json': pkg({}, { zod: '3' }), 'src/a.test.ts': "import { z } from 'zod';\n" }],
    ['the import is commented out', { 'package.json': pkg({ joi: '17' }), 'src/a.ts': "// import Joi from 'joi';\n" }],
    ['a README shows it', { 'package.json': pkg({}), 'README.md': "import { z } from 'zod'\n" }],
    ['a vendored copy imports it', { 'package.json': pkg({}), 'vendor/x/index.js': "require('ajv')\n" }],
    ['it is imported but not declared', { 'package.json': pkg({}), 'src/a.ts': "import * as yup from 'yup';\n" }],
  ])('answers no when %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
