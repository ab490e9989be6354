import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

// 10 tracked source files (the denominator), plus docs, config, generated, test and vendored files.
const tree = {
  'README.md': '# App\n',
  'package.json': '{}\n',
  'docs/guide.md': '# Guide\n',
  'src/app.ts': 'export {};\n',
  'src/orders/place.ts': 'export {};\n',
  'src/billing/invoice.ts': 'export {};\n',
  'src/billing/tax.ts': 'export {};\n',
  'src/billing/generated/schema.ts': 'export {};\n',
  'src/billing/invoice.test.ts': 'export {};\n',
  'apps/web/main.ts': 'export {};\n',
  'apps/web/routes.ts': 'export {};\n',
  'services/ledger/main.go': 'package main\n',
  'services/ledger/store.go': 'package main\n',
  'scripts/seed.py': 'print(1)\n',
  'scripts/migrate.py': 'print(1)\n',
  'infra/main.tf': '# tf\n',
  'vendor/lib/a.js': '1\n',
  'node_modules/x/index.js': '1\n',
};

describe('has-codeowners', () => {
  it.each([
    ['a catch-all', '* @acme/all\n', 100, 1, ['.github/CODEOWNERS:1']],
    // /src/ owns 4, *.go owns 2; the ownerless rule un-owns src/billing/ (2): 4 of 10
    ['last-match-wins rules', '# owners\n/src/ @acme/dev\n*.go @acme/go\n/src/billing/\n', 40, 2, ['.github/CODEOWNERS:2', '.github/CODEOWNERS:3', 'apps/', 'scripts/', 'src/']],
    // apps/* owns nothing nested; apps/web/* owns 2; **/store.go owns 1
    ['GitHub glob semantics', 'apps/* @w\napps/web/* @a # web\n**/store.go user@example.com\n', 30, 3, ['.github/CODEOWNERS:1', '.github/CODEOWNERS:2', '.github/CODEOWNERS:3', 'src/', 'scripts/', 'services/']],
    // GitLab: a section's default owners apply to its rules that name none; sections add up
    ['GitLab sections with default owners', '[Backend] @acme/backend\n/services/\n/src/billing/\n\n[Scripts][2] @acme/ops\n/scripts/ @acme/dba\n', 60, 3, ['.github/CODEOWNERS:2', '.github/CODEOWNERS:3', '.github/CODEOWNERS:6', 'apps/', 'src/']],
  ])('answers yes for %s with measured coverage of source files', async (_c, codeowners, coverage, rules, locs) => {
    const r = await detect(detector, { ...tree, '.github/CODEOWNERS': codeowners });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['codeowners-coverage']).toEqual({ value: coverage, unit: '%' });
    expect(r.measures?.['codeowners-rules']).toEqual({ value: rules, unit: 'rules' });
    expect(r.measures?.['codeowners-unowned-files']?.value).toBe(10 - coverage / 10);
  });

  it('prefers .github/CODEOWNERS over the root file, as GitHub does', async () => {
    const r = await detect(detector, { ...tree, CODEOWNERS: '* @root\n', '.github/CODEOWNERS': '/services/ @ledger\n' });
    expect(locations(r).slice(0, 1)).toEqual(['.github/CODEOWNERS:1']);
    expect(r.measures?.['codeowners-coverage']?.value).toBe(20);
  });

  it('measures all tracked files when there is no source code', async () => {
    const r = await detect(detector, { 'docs/guide.md': '# G\n', 'docs/runbook.md': '# R\n', 'mkdocs.yml': 'site_name: x\n', '.gitlab/CODEOWNERS': '/docs/ @writers\n' });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['codeowners-coverage']?.value).toBe(50); // docs/guide.md, docs/runbook.md of 4
  });

  it('answers no when the rules own none of the source files', async () => {
    const r = await detect(detector, { ...tree, '.github/CODEOWNERS': '/backend/ @acme/old-team\n' });
    expect(r.outcome).toBe('no');
    expect(r.measures?.['codeowners-coverage']?.value).toBe(0);
    expect(r.summary).toContain('none owns any of the 10 source files');
  });

  it.each([
    ['there is no CODEOWNERS', tree],
    ['CODEOWNERS only has comments', { ...tree, CODEOWNERS: '# * @acme/all\n' }],
    ['rules name no owners', { ...tree, CODEOWNERS: '*\n/docs/\n' }],
    ['CODEOWNERS is in an example folder', { ...tree, 'examples/CODEOWNERS': '* @x\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['codeowners-rules']?.value).toBe(0);
  });
});
