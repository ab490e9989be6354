import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('uses-feature-flags', () => {
  it.each([
    ['LaunchDarkly (JS)', { 'package.json': pkg({ '@launchdarkly/node-server-sdk': '9' }), 'src/flags.ts': "import * as ld from '@launchdarkly/node-server-sdk';\n" }, ['src/flags.ts:1']],
    ['Unleash (JS require)', { 'package.json': pkg({ 'unleash-client': '5' }), 'src/flags.js': "const { initialize } = require('unleash-client');\n" }, ['src/flags.js:1']],
    ['LaunchDarkly (Python)', { 'requirements.txt': 'launchdarkly-server-sdk==9.0\n', 'app/flags.py': 'import ldclient\n' }, ['app/flags.py:1']],
    ['OpenFeature (Python)', { 'pyproject.toml': '[project]\nname = "a"\ndependencies = ["openfeature-sdk>=0.7"]\n', 'app/flags.py': 'from openfeature import api\n' }, ['app/flags.py:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['a README mentions it', { 'package.json': pkg({}), 'README.md': "import { init } from 'unleash-client'\n" }],
    ['the import is commented out', { 'package.json': pkg({ 'unleash-client': '5' }), 'src/a.ts': "// import { initialize } from 'unleash-client';\n" }],
    ['only a test imports it', { 'package.json': pkg({ 'unleash-client': '5' }), 'src/a.test.ts': "import { initialize } from 'unleash-client';\n" }],
    ['it is imported but not declared', { 'package.json': pkg({}), 'src/a.ts': "import { initialize } from 'unleash-client';\n" }],
    ['flags are home-grown env checks', { 'package.json': pkg({}), 'src/a.ts': 'export const on = process.env.FEATURE_X === "1";\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('uses-feature-flags in every ecosystem', () => {
  it.each([
    ['LaunchDarkly (Go)', { 'go.mod': 'module acme/api\n\ngo 1.22\n\nrequire github.com/launchdarkly/go-server-sdk/v7 v7.4.0\n', 'internal/flags/flags.go': 'package flags\n\nimport (\n\tld "github.com/launchdarkly/go-server-sdk/v7"\n)\n\nvar Client *ld.LDClient\n' }, ['internal/flags/flags.go:4']],
    ['Togglz (Java)', { 'pom.xml': '<project><dependencies><dependency><groupId>org.togglz</groupId><artifactId>togglz-spring-boot-starter</artifactId><version>4.4.0</version></dependency></dependencies></project>\n', 'src/main/java/acme/Features.java': 'package acme;\n\nimport org.togglz.core.Feature;\n\npublic enum Features implements Feature { NEW_CHECKOUT }\n' }, ['src/main/java/acme/Features.java:3']],
    ['Microsoft.FeatureManagement (.NET)', { 'src/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.FeatureManagement.AspNetCore" Version="4.0.0" />\n  </ItemGroup>\n</Project>\n', 'src/Api/Program.cs': 'using Microsoft.FeatureManagement;\n\nvar builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddFeatureManagement();\n' }, ['src/Api/Program.cs:1']],
    ['Flipper (Ruby, autoloaded)', { Gemfile: "source 'https://rubygems.org'\ngem 'flipper-active_record'\ngem 'flipper'\n", 'app/controllers/checkout_controller.rb': 'class CheckoutController < ApplicationController\n  def show\n    @new_flow = Flipper.enabled?(:new_checkout, current_user)\n  end\nend\n' }, ['app/controllers/checkout_controller.rb:3']],
    ['Laravel Pennant (PHP)', { 'composer.json': '{ "require": { "laravel/pennant": "^1.10" } }\n', 'app/Http/Controllers/CheckoutController.php': '<?php\nnamespace App\\Http\\Controllers;\n\nuse Laravel\\Pennant\\Feature;\n\nclass CheckoutController { public function show() { return Feature::active(\'new-checkout\'); } }\n' }, ['app/Http/Controllers/CheckoutController.php:4']],
    ['PostHog flags evaluated in code (JS)', { 'package.json': pkg({ 'posthog-node': '4' }), 'src/flags.ts': "import { PostHog } from 'posthog-node';\n\nconst posthog = new PostHog(process.env.POSTHOG_KEY!);\nexport const newCheckout = (id: string) => posthog.isFeatureEnabled('new-checkout', id);\n" }, ['src/flags.ts:4']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['PostHog is used for analytics only', { 'package.json': pkg({ 'posthog-node': '4' }), 'src/analytics.ts': "import { PostHog } from 'posthog-node';\n\nexport const posthog = new PostHog('key');\nposthog.capture({ distinctId: 'u', event: 'signup' });\n" }],
    ['django-waffle is declared but never imported', { 'requirements.txt': 'django==5.0\ndjango-waffle==4.1\n', 'app/views.py': 'from django.http import HttpResponse\n' }],
    ['only a Go test imports the SDK', { 'go.mod': 'module acme/api\n\nrequire github.com/open-feature/go-sdk v1.11.0\n', 'internal/flags/flags_test.go': 'package flags\n\nimport "github.com/open-feature/go-sdk/openfeature"\n\nvar _ = openfeature.NewDefaultClient\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
