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
    ['FastAPI, which validates typed parameters by design', { 'requirements.txt': 'fastapi==0.115.0\n', 'app/main.py': 'from fastapi import FastAPI\nfrom pydantic import BaseModel\n' }, ['app/main.py:1']],
    ['go-playground/validator', { 'go.mod': 'module x\n\nrequire github.com/go-playground/validator/v10 v10.22.0\n', 'internal/api/h.go': 'package api\n\nimport "github.com/go-playground/validator/v10"\n' }, ['internal/api/h.go:3']],
    ['Bean Validation in a Spring controller', { 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-validation</artifactId></dependency></dependencies></project>', 'src/main/java/x/Api.java': 'package x;\nimport jakarta.validation.Valid;\n' }, ['src/main/java/x/Api.java:2']],
    ['FluentValidation', { 'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="FluentValidation.AspNetCore" Version="11.3.0" /></ItemGroup></Project>', 'Api/V.cs': 'using FluentValidation;\n' }, ['Api/V.cs:1']],
    ['dry-validation contracts', { 'Gemfile': 'gem "dry-validation"\n', 'app/contracts/order.rb': 'require "dry/validation"\n' }, ['app/contracts/order.rb:1']],
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
    ['a vendored Go validator', { 'go.mod': 'module x\n', 'main.go': 'package main\n\nimport "net/http"\n', 'vendor/github.com/go-playground/validator/v10/a.go': 'package validator\n\nimport "github.com/go-playground/validator/v10/internal"\n' }],
    ['FluentValidation only in a test project', { 'Api.Tests/Api.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="FluentValidation" Version="11.9.0" /></ItemGroup></Project>', 'Api.Tests/ValidatorTests.cs': 'using FluentValidation;\n' }],
    ['it is imported but not declared', { 'package.json': pkg({}), 'src/a.ts': "import * as yup from 'yup';\n" }],
  ])('answers no when %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
