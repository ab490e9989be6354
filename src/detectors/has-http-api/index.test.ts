import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>, dev: Record<string, string> = {}): string =>
  JSON.stringify({ name: 'app', dependencies: deps, devDependencies: dev }, null, 2);

describe('has-http-api', () => {
  it.each([
    ['an Express server', { 'package.json': pkg({ express: '4' }), 'src/server.ts': "import express from 'express';\nconst app = express();\n" }, ['src/server.ts:1']],
    ['a NestJS app', { 'package.json': pkg({ '@nestjs/core': '10' }), 'src/main.ts': "import { NestFactory } from '@nestjs/core';\n" }, ['src/main.ts:1']],
    ['a FastAPI app', { 'requirements.txt': 'fastapi==0.110\n', 'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' }, ['app/main.py:1']],
    ['an aiohttp server', { 'requirements.txt': 'aiohttp\n', 'svc/app.py': 'import json\nfrom aiohttp import web\n' }, ['svc/app.py:2']],
    ['a Next.js route handler', { 'package.json': pkg({ next: '14', react: '18' }), 'app/api/users/route.ts': 'export async function GET() {\n  return Response.json([]);\n}\n', 'app/page.tsx': "import Link from 'next/link';\n" }, ['app/api/users/route.ts:1']],
    ['a Next.js pages API importing next', { 'package.json': pkg({ next: '14' }), 'src/pages/api/hello.ts': "import type { NextApiRequest } from 'next';\nexport default function h() {}\n" }, ['src/pages/api/hello.ts:1']],
    ['a Go service on gorilla/mux', { 'go.mod': 'module x\n\nrequire github.com/gorilla/mux v1.8.1\n', 'pkg/api/server.go': 'package api\n\nimport (\n\t"net/http"\n\t"github.com/gorilla/mux"\n)\n' }, ['pkg/api/server.go:5']],
    ['a Go service on net/http alone', { 'go.mod': 'module x\n', 'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n' }, ['main.go:5']],
    ['an ASP.NET Core minimal API with implicit usings', { 'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>', 'Api/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.MapGet("/", () => "hi");\napp.Run();\n' }, ['Api/Program.cs:1']],
    ['a Laravel app', { 'composer.json': '{"require": {"php": "^8.2", "laravel/framework": "^11.9"}}', 'routes/api.php': "<?php\n\nuse Illuminate\\Support\\Facades\\Route;\nRoute::get('/v1/x', fn () => 1);\n" }, ['routes/api.php:3']],
    ['a Rails app', { 'Gemfile': 'gem "rails", "~> 7.1"\n', 'config/application.rb': 'require_relative "boot"\nrequire "rails/all"\n' }, ['config/application.rb:2']],
    ['a Spring controller', { 'src/main/java/x/Api.java': 'package x;\nimport org.springframework.web.bind.annotation.RestController;\n' }, ['src/main/java/x/Api.java:2']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['a CLI tool', { 'package.json': pkg({ commander: '12' }), 'src/cli.ts': "import { Command } from 'commander';\n" }],
    ['a Next.js site without API routes', { 'package.json': pkg({ next: '14' }), 'app/page.tsx': "import Link from 'next/link';\nexport default function Page() {}\n" }],
    ['aiohttp used as a client', { 'requirements.txt': 'aiohttp\n', 'app/fetch.py': 'import aiohttp\nfrom aiohttp import ClientSession\n' }],
    ['express only in tests', { 'package.json': pkg({}, { express: '4' }), 'test/server.test.ts': "import express from 'express';\n" }],
    ['express only in a README', { 'package.json': pkg({}), 'README.md': "import express from 'express'\n" }],
    ['a commented-out import', { 'package.json': pkg({ express: '4' }), 'src/a.ts': "// import express from 'express';\n" }],
    ['a Go import of a router the go.mod does not require', { 'go.mod': 'module x\n', 'pkg/api/server.go': 'package api\n\nimport "github.com/gorilla/mux"\n' }],
    ['a Go program that only calls HTTP APIs', { 'go.mod': 'module x\n', 'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.Get("https://example.com") }\n' }],
    ['Laravel namespaces without composer requiring the framework', { 'composer.json': '{"require": {"php": "^8.2"}}', 'src/Helpers.php': "<?php\nuse Illuminate\\Support\\Str;\n" }],
    ['a Laravel package only in vendor/', { 'composer.json': '{"require": {"laravel/framework": "^11.9"}}', 'vendor/laravel/framework/src/Route.php': "<?php\nuse Illuminate\\Routing\\Router;\n" }],
    ['a .NET console app', { 'Tool/Tool.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>', 'Tool/Program.cs': 'using System;\n// var builder = WebApplication.CreateBuilder(args);\nConsole.WriteLine("hi");\n' }],
    ['an example app', { 'package.json': pkg({ express: '4' }), 'examples/basic/server.js': "const express = require('express');\n" }],
  ])('answers no for %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
