import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'app', dependencies: deps });

const nestMain = "import { NestFactory } from '@nestjs/core';\nimport { SwaggerModule, DocumentBuilder } from '@nestjs/swagger';\nconst config = new DocumentBuilder().build();\nconst doc = SwaggerModule.createDocument(app, config);\n";

describe('generates-api-spec-from-code', () => {
  it.each([
    ['NestJS with SwaggerModule', { 'package.json': pkg({ '@nestjs/swagger': '7' }), 'src/main.ts': nestMain }, ['src/main.ts:4']],
    ['FastAPI (by design)', { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["fastapi>=0.100"]\n', 'app/main.py': 'from fastapi import FastAPI\n' }, ['app/main.py:1']],
    ['tsoa', { 'package.json': pkg({ tsoa: '6' }), 'src/controllers/users.ts': "import { Controller, Get, Route } from 'tsoa';\n" }, ['src/controllers/users.ts:1']],
    ['drf-spectacular', { 'requirements.txt': 'Django==5.0\ndrf-spectacular==0.27\n', 'api/urls.py': 'from drf_spectacular.views import SpectacularAPIView\n' }, ['api/urls.py:1']],
    ['@fastify/swagger', { 'package.json': pkg({ '@fastify/swagger': '8' }), 'src/app.js': "const swagger = require('@fastify/swagger');\n" }, ['src/app.js:1']],
    ['springdoc auto-configured in a Spring app', { 'build.gradle': "dependencies {\n    implementation 'org.springframework.boot:spring-boot-starter-web'\n    implementation 'org.springdoc:springdoc-openapi-starter-webmvc-ui:2.5.0'\n}\n", 'src/main/java/x/Api.java': 'package x;\n\nimport org.springframework.web.bind.annotation.RestController;\n' }, ['build.gradle:3', 'src/main/java/x/Api.java:3']],
    ['Swashbuckle set up in an ASP.NET Core minimal API', { 'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Swashbuckle.AspNetCore" Version="6.6.2" />\n  </ItemGroup>\n</Project>\n', 'Api/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddSwaggerGen();\n' }, ['Api/Api.csproj:3', 'Api/Program.cs:2', 'Api/Program.cs:1']],
    ['swaggo serving swag-generated docs from Echo', { 'go.mod': 'module x\n\nrequire github.com/swaggo/echo-swagger v1.4.1\n', 'main.go': 'package main\n\nimport echoSwagger "github.com/swaggo/echo-swagger"\n' }, ['main.go:3']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['@nestjs/swagger decorators without SwaggerModule', { 'package.json': pkg({ '@nestjs/swagger': '7' }), 'src/dto.ts': "import { ApiProperty } from '@nestjs/swagger';\n" }],
    ['SwaggerModule commented out', { 'package.json': pkg({ '@nestjs/swagger': '7' }), 'src/main.ts': "import { SwaggerModule } from '@nestjs/swagger';\n// SwaggerModule.setup('docs', app, doc);\n" }],
    ['a hand-written spec and Express', { 'package.json': pkg({ express: '4' }), 'src/app.ts': "import express from 'express';\n", 'openapi.yaml': 'openapi: 3.0.0\n' }],
    ['swagger-jsdoc only in a test', { 'package.json': pkg({ 'swagger-jsdoc': '6' }), 'src/app.test.ts': "import swaggerJsdoc from 'swagger-jsdoc';\n" }],
    ['springdoc only in test scope', { 'build.gradle': "dependencies {\n    implementation 'org.springframework.boot:spring-boot-starter-web'\n    testImplementation 'org.springdoc:springdoc-openapi-starter-webmvc-ui:2.5.0'\n}\n", 'src/main/java/x/Api.java': 'package x;\n\nimport org.springframework.web.bind.annotation.RestController;\n' }],
    ['springdoc declared in a library without a Spring web server', { 'build.gradle': "dependencies {\n    implementation 'org.springdoc:springdoc-openapi-starter-common:2.5.0'\n}\n", 'src/main/java/x/Util.java': 'package x;\n\nimport java.util.List;\n' }],
    ['Swashbuckle declared but its setup commented out', { 'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Swashbuckle.AspNetCore" Version="6.6.2" /></ItemGroup></Project>', 'Api/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\n// builder.Services.AddSwaggerGen();\n' }],
    ['a README mentions tsoa', { 'package.json': pkg({}), 'README.md': "import { Route } from 'tsoa'\n" }],
  ])('answers no for %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
