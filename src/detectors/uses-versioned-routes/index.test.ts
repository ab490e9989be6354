import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'api', dependencies: deps });
const measures = (routes: number, versioned: number, share: number): Record<string, { value: number; unit: string }> => ({
  routes: { value: routes, unit: 'routes' },
  'versioned-routes': { value: versioned, unit: 'routes' },
  'versioned-share': { value: share, unit: 'percent' },
});

const express = { 'package.json': pkg({ express: '4' }) };
const fastapi = { 'requirements.txt': 'fastapi\n' };

describe('uses-versioned-routes', () => {
  it.each([
    [
      'an Express router mounted under /api/v1 from another file',
      {
        ...express,
        'src/app.ts': "import express from 'express';\nimport usersRouter from './routes/users.js';\nconst app = express();\napp.use('/api/v1/users', usersRouter);\napp.get('/health', (req, res) => res.send('ok'));\n",
        'src/routes/users.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/', list);\nrouter.post('/', create);\nrouter.get('/:id', show);\nexport default router;\n",
      },
      ['src/routes/users.ts:3', 'src/routes/users.ts:4', 'src/routes/users.ts:5'],
      measures(3, 3, 100),
    ],
    [
      'versions written in Express paths',
      { ...express, 'src/server.js': "const express = require('express');\nconst app = express();\napp.get('/v1/users', a);\napp.get('/v2/users', b);\napp.get('/health', c);\n" },
      ['src/server.js:3', 'src/server.js:4'],
      measures(2, 2, 100),
    ],
    [
      'a Koa router with a prefix',
      { 'package.json': pkg({ koa: '2', '@koa/router': '12' }), 'src/api.ts': "import Router from '@koa/router';\nconst router = new Router({ prefix: '/v1' });\nrouter.get('/items', list);\n" },
      ['src/api.ts:3'],
      measures(1, 1, 100),
    ],
    [
      'Fastify plugins registered with a prefix',
      {
        'package.json': pkg({ fastify: '4' }),
        'src/server.js': "const fastify = require('fastify')();\nfastify.register(require('./routes/orders'), { prefix: '/v2/orders' });\n",
        'src/routes/orders.js': "module.exports = async function (fastify) {\n  fastify.get('/', list);\n  fastify.delete('/:id', remove);\n};\n",
      },
      ['src/routes/orders.js:2', 'src/routes/orders.js:3'],
      measures(2, 2, 100),
    ],
    [
      'NestJS with a global prefix',
      {
        'package.json': pkg({ '@nestjs/core': '10', '@nestjs/common': '10' }),
        'src/main.ts': "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api/v1');\n",
        'src/users.controller.ts': "import { Controller, Get, Post } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {}\n  @Post(':id')\n  update() {}\n}\n",
      },
      ['src/users.controller.ts:4', 'src/users.controller.ts:6'],
      measures(2, 2, 100),
    ],
    [
      'NestJS URI versioning with a controller version',
      {
        'package.json': pkg({ '@nestjs/core': '10' }),
        'src/main.ts': "import { NestFactory } from '@nestjs/core';\napp.enableVersioning({\n  type: VersioningType.URI,\n});\n",
        'src/cats.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller({ path: 'cats', version: '2' })\nexport class CatsController {\n  @Get()\n  all() {}\n}\n",
      },
      ['src/cats.controller.ts:4'],
      measures(1, 1, 100),
    ],
    [
      'FastAPI routers included under settings.API_V1_STR',
      {
        ...fastapi,
        'app/main.py': 'from fastapi import FastAPI\nfrom app.api.api import api_router\napp = FastAPI()\napp.include_router(api_router, prefix=settings.API_V1_STR)\n',
        'app/api/api.py': 'from fastapi import APIRouter\nfrom app.api.endpoints import items, users\napi_router = APIRouter()\napi_router.include_router(items.router, prefix="/items")\napi_router.include_router(users.router)\n',
        'app/api/endpoints/items.py': 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/")\ndef list_items(): ...\n',
        'app/api/endpoints/users.py': 'from fastapi import APIRouter\nrouter = APIRouter(prefix="/users")\n@router.get("/{id}")\ndef get_user(id: int): ...\n',
      },
      ['app/api/endpoints/items.py:3', 'app/api/endpoints/users.py:3'],
      measures(2, 2, 100),
    ],
    [
      'a Flask blueprint with a url_prefix',
      {
        'requirements.txt': 'flask\n',
        'app/__init__.py': 'from flask import Flask\nfrom .orders import bp\napp = Flask(__name__)\napp.register_blueprint(bp, url_prefix="/api/v1")\n',
        'app/orders.py': 'from flask import Blueprint\nbp = Blueprint("orders", __name__)\n@bp.route("/orders")\ndef orders(): ...\n',
      },
      ['app/orders.py:3'],
      measures(1, 1, 100),
    ],
    [
      'Django including versioned url modules',
      {
        'requirements.txt': 'Django\n',
        'proj/urls.py': "from django.urls import include, path\nurlpatterns = [\n    path('api/v1/', include('shop.urls')),\n    path('admin/', admin.site.urls),\n]\n",
        'shop/urls.py': "from rest_framework.routers import DefaultRouter\nrouter = DefaultRouter()\nrouter.register(r'products', ProductViewSet)\nurlpatterns = [path('', include(router.urls)), path('health/', health)]\nurlpatterns += [\n    re_path(\n        r'^v2/orders/$', orders,\n    ),\n]\n",
      },
      ['shop/urls.py:3', 'shop/urls.py:6'],
      measures(2, 2, 100),
    ],
    [
      'Gin route groups',
      { 'main.go': 'package main\nfunc main() {\n\tr := gin.Default()\n\tv1 := r.Group("/api/v1")\n\tv1.GET("/users", list)\n\tv1.POST("/users", create)\n\tr.GET("/healthz", health)\n}\n' },
      ['main.go:5', 'main.go:6'],
      measures(2, 2, 100),
    ],
    [
      'Spring controllers under a class-level @RequestMapping',
      {
        'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>',
        'src/main/java/x/OrderController.java': 'package x;\nimport org.springframework.web.bind.annotation.*;\n@RestController\n@RequestMapping(value = "/api/v1/orders", produces = "application/json")\npublic class OrderController {\n  @GetMapping\n  public List<Order> all() {}\n  @PostMapping("/{id}/cancel")\n  public void cancel() {}\n}\n',
        'src/main/java/x/LegacyController.java': 'package x;\nimport org.springframework.web.bind.annotation.*;\n@RestController\npublic class LegacyController {\n  @GetMapping("/orders/export")\n  public String export() {}\n}\n',
      },
      ['src/main/java/x/OrderController.java:6', 'src/main/java/x/OrderController.java:8'],
      measures(3, 2, 67),
    ],
    [
      'ASP.NET Core controllers with API versioning and a minimal API group',
      {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>',
        'Api/Controllers/StockController.cs': 'using Microsoft.AspNetCore.Mvc;\n[ApiController]\n[ApiVersion("1.0")]\n[Route("api/v{version:apiVersion}/[controller]")]\npublic class StockController : ControllerBase\n{\n    [HttpGet]\n    public IActionResult Get() => Ok();\n    [HttpGet("{sku}")]\n    public IActionResult One(string sku) => Ok();\n}\n',
        'Api/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\nvar v2 = app.MapGroup("/v2");\nv2.MapGet("/stock", () => Results.Ok());\napp.MapGet("/healthz", () => "ok");\napp.Run();\n',
      },
      ['Api/Controllers/StockController.cs:7', 'Api/Controllers/StockController.cs:9', 'Api/Program.cs:3'],
      measures(3, 3, 100),
    ],
    [
      'Rails routes nested in namespaces and a versioned scope',
      {
        'Gemfile': 'gem "rails"\n',
        'config/routes.rb': 'Rails.application.routes.draw do\n  # get "legacy" => "legacy#index"\n  namespace :api do\n    namespace :v1 do\n      resources :orders do\n        resources :items, only: :index\n      end\n    end\n    scope "v2" do\n      get "search", to: "search#index"\n    end\n  end\n  resources :sessions\n  get "up" => "rails/health#show"\nend\n',
      },
      ['config/routes.rb:5', 'config/routes.rb:6', 'config/routes.rb:10'],
      measures(4, 3, 75),
    ],
    [
      'Laravel api routes in a prefixed group',
      {
        'composer.json': '{"require": {"laravel/framework": "^11.0"}}',
        'routes/api.php': "<?php\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::prefix('v1')->group(function () {\n    Route::get('/contacts', [ContactController::class, 'index']);\n    Route::apiResource('deals', DealController::class);\n});\nRoute::get('/user', fn () => auth()->user());\n// Route::get('/v1/old', fn () => null);\n",
        'routes/web.php': "<?php\nuse Illuminate\\Support\\Facades\\Route;\nRoute::get('/', fn () => view('welcome'));\nRoute::get('/pricing', fn () => view('pricing'));\n",
      },
      ['routes/api.php:5', 'routes/api.php:6'],
      measures(3, 2, 67),
    ],
    [
      'Echo groups, probes and docs left out of the count',
      {
        'go.mod': 'module x\n\nrequire github.com/labstack/echo/v4 v4.12.0\n',
        'main.go': 'package main\nfunc main() {\n\te := echo.New()\n\te.GET("/healthz", h)\n\te.GET("/metrics", m)\n\te.GET("/swagger/*", s)\n\tv1 := e.Group("/api/v1")\n\tv1.GET("/rides", list)\n}\n',
      },
      ['main.go:8'],
      measures(1, 1, 100),
    ],
  ])('answers yes for %s', async (_case, files, where, m) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
    expect(r.measures).toEqual(m);
  });

  it('answers no when most routes are unversioned, with those routes as evidence', async () => {
    const r = await detect(detector, {
      ...express,
      'src/app.ts': "import express from 'express';\nconst app = express();\napp.get('/users', a);\napp.post('/users', b);\napp.get('/v1/orders', c);\n// app.get('/v1/a', d);\n",
    });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['src/app.ts:3', 'src/app.ts:4']);
    expect(r.measures).toEqual(measures(3, 1, 33));
  });

  it('answers no when a router is mounted both with and without a version', async () => {
    const r = await detect(detector, {
      ...express,
      'src/app.ts': "import express from 'express';\nimport api from './api';\nconst app = express();\napp.use('/v1', api);\napp.use('/', api);\n",
      'src/api.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/users', a);\nexport default router;\n",
    });
    expect(r.outcome).toBe('no');
    expect(r.evidence[0]!.note).toBe('GET /v1/users | /users');
  });

  it.each([
    ['a CLI without routes', { 'package.json': pkg({ commander: '12' }), 'src/cli.ts': "import { Command } from 'commander';\n" }],
    ['only HTTP client calls', { ...express, 'src/server.ts': "import express from 'express';\n", 'src/client.ts': "api.get('/v1/users');\naxios.post('/v1/orders', body);\nhttp.get('/v1/x');\n" }],
    ['routes only in tests and docs', { ...express, 'src/server.ts': "import express from 'express';\n", 'test/api.test.ts': "app.get('/v1/users', h);\n", 'README.md': "app.get('/v1/users', h)\n" }],
    ['routes without a server framework', { 'package.json': pkg({}), 'src/a.ts': "app.get('/v1/users', h);\n" }],
    ['commented-out routes', { ...express, 'src/server.ts': "import express from 'express';\n/* app.get('/v1/users', h); */\n" }],
    ['a Spring controller in test sources', { 'src/test/java/x/FakeApi.java': 'package x;\n@RestController\n@RequestMapping("/v1/fake")\nclass FakeApi {\n  @GetMapping\n  String get() {}\n}\n' }],
    ['Rails routes all commented out', { 'Gemfile': 'gem "rails"\n', 'config/routes.rb': 'Rails.application.routes.draw do\n  # namespace :v1 do\n  #   resources :orders\n  # end\nend\n' }],
    ['only Laravel web pages', { 'composer.json': '{"require": {"laravel/framework": "^11.0"}}', 'routes/web.php': "<?php\nRoute::get('/v1/page', fn () => view('a'));\n" }],
    ['only probes and the GraphQL endpoint', { ...express, 'src/server.ts': "import express from 'express';\nconst app = express();\napp.get('/healthz', h);\napp.use('/graphql', yoga);\napp.post('/graphql', g);\n" }],
    ['a Flask route in an example', { 'requirements.txt': 'flask\n', 'examples/app.py': 'from flask import Flask\n@app.route("/v1/x")\ndef x(): ...\n' }],
  ])('answers unknown for %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('unknown');
  });
});
