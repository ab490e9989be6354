import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-deprecation-policy', () => {
  it.each([
    ['a deprecation document', { 'docs/api/DEPRECATIONS.md': '\n# Deprecated endpoints\n\nNone yet.\n' }, ['docs/api/DEPRECATIONS.md:2']],
    ['a policy heading in a README', { 'README.md': '# API\n\nIntro.\n\n## Deprecation Policy\n\nEndpoints live 6 months after notice.\n' }, ['README.md:5']],
    ['a versioning policy heading in RST', { 'docs/api.rst': 'API\n===\n\nVersioning policy\n-----------------\n' }, ['docs/api.rst:4']],
    ['a Sunset header in Express', { 'src/middleware/sunset.ts': "export const sunset = (req, res, next) => {\n  res.set('Sunset', 'Wed, 11 Nov 2026 23:59:59 GMT');\n  next();\n};\n" }, ['src/middleware/sunset.ts:2']],
    ['a Deprecation header in Go', { 'internal/api/v1.go': 'package api\nfunc h(w http.ResponseWriter) {\n\tw.Header().Set("Deprecation", "true")\n}\n' }, ['internal/api/v1.go:3']],
    ['a Deprecation header in Python', { 'app/views.py': 'def old(request):\n    response.headers["Deprecation"] = "true"\n' }, ['app/views.py:2']],
    ['a Sunset header on a Django response', { 'shop/views.py': 'def legacy(request):\n    response = JsonResponse({})\n    response["Sunset"] = "Tue, 30 Jun 2026 00:00:00 GMT"\n    return response\n' }, ['shop/views.py:3']],
    ['headers appended in ASP.NET Core', { 'Api/Program.cs': 'app.Use(async (ctx, next) => {\n    ctx.Response.Headers.Append("Deprecation", "true");\n    ctx.Response.Headers["Sunset"] = "Wed, 01 Jul 2026 00:00:00 GMT";\n    await next();\n});\n' }, ['Api/Program.cs:2', 'Api/Program.cs:3']],
    ['a Sunset header in Rails', { 'app/controllers/concerns/deprecated.rb': 'module Deprecated\n  def mark_sunset\n    response.set_header("Sunset", SUNSET_DATE)\n  end\nend\n' }, ['app/controllers/concerns/deprecated.rb:3']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['the README only mentions deprecation in prose', { 'README.md': '# API\n\nWe follow a deprecation policy, ask us.\n' }],
    ['a deprecation doc is vendored', { 'node_modules/lib/DEPRECATIONS.md': '# Deprecated\n' }],
    ['a deprecation doc is in a fixture', { 'test/fixtures/deprecation-policy.md': '# Deprecation policy\n' }],
    ['the header is set in a test', { 'src/api.test.ts': "res.set('Deprecation', 'true');\n" }],
    ['the header is commented out', { 'src/api.ts': "// res.set('Sunset', 'date');\n" }],
    ['a Python DeprecationWarning', { 'lib/api.py': 'import warnings\nwarnings.warn("old", DeprecationWarning)\nflags["Deprecation"] == "x"\n' }],
    ['a Sunset key compared in PHP', { 'src/Http/Kernel.php': "<?php\nif ($headers['Sunset'] === null) { return; }\n" }],
    ['code reads a deprecation flag', { 'src/flags.ts': "const d = config.get('deprecation');\nconfig.set('sunset', true);\nunset(x);\n" }],
  ])('answers no when %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
