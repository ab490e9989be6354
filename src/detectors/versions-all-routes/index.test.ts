import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const measures = (routes: number, versioned: number, share: number): Record<string, { value: number; unit: string }> => ({
  routes: { value: routes, unit: 'routes' },
  'versioned-routes': { value: versioned, unit: 'routes' },
  'versioned-share': { value: share, unit: 'percent' },
});
const express = { 'package.json': JSON.stringify({ name: 'api', dependencies: { express: '4' } }) };

describe('versions-all-routes', () => {
  it.each([
    ['every Express route under /v1, probes aside', { ...express, 'src/app.js': "const express = require('express');\nconst app = express();\napp.get('/v1/a', a);\napp.post('/v1/a', b);\napp.get('/health', h);\napp.get('/metrics', m);\n" }, ['src/app.js:3', 'src/app.js:4'], measures(2, 2, 100)],
    ['FastAPI routers all included under /api/v1', {
      'requirements.txt': 'fastapi\n',
      'app/main.py': 'from fastapi import FastAPI\nfrom app.routes import users\napp = FastAPI()\napp.include_router(users.router, prefix="/api/v1")\n',
      'app/routes/users.py': 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/users")\ndef a(): ...\n@router.post("/users")\ndef b(): ...\n',
    }, ['app/routes/users.py:3', 'app/routes/users.py:5'], measures(2, 2, 100)],
    ['Rails routes in namespace v1', { 'Gemfile': 'gem "rails"\n', 'config/routes.rb': 'Rails.application.routes.draw do\n  namespace :v1 do\n    resources :rooms\n  end\n  get "up" => "rails/health#show"\nend\n' }, ['config/routes.rb:3'], measures(1, 1, 100)],
  ])('answers yes for %s', async (_case, files, where, m) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
    expect(r.measures).toEqual(m);
  });

  it.each([
    ['a Gin API with one unversioned group of four routes', {
      'go.mod': 'module x\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
      'main.go': 'package main\nfunc main() {\n\tr := gin.Default()\n\tv1 := r.Group("/v1")\n\tv1.GET("/a", a)\n\tv1.GET("/b", b)\n\tv1.GET("/c", c)\n\tr.GET("/export", e)\n}\n',
    }, ['main.go:8'], measures(4, 3, 75)],
    ['a Spring controller outside the version', {
      'src/main/java/x/A.java': 'package x;\n@RestController\n@RequestMapping("/api/v1/a")\nclass A {\n  @GetMapping\n  String a() {}\n}\n',
      'src/main/java/x/B.java': 'package x;\n@RestController\n@RequestMapping("/b")\nclass B {\n  @GetMapping\n  String b() {}\n}\n',
    }, ['src/main/java/x/B.java:5'], measures(2, 1, 50)],
  ])('answers no for %s, with the unversioned routes as evidence', async (_case, files, where, m) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(where);
    expect(r.measures).toEqual(m);
  });

  it('answers unknown without API routes (probes only, or routes only in tests)', async () => {
    const r = await detect(detector, { ...express, 'src/app.js': "const express = require('express');\nconst app = express();\napp.get('/healthz', h);\n", 'test/app.test.js': "app.get('/users', h);\n" });
    expect(r.outcome).toBe('unknown');
  });
});
