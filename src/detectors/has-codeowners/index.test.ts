import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

// 10 tracked non-vendored files (CODEOWNERS included) + 2 vendored ones.
const tree = {
  'README.md': '# App\n',
  'package.json': '{}\n',
  'src/app.ts': 'export {};\n',
  'src/billing/invoice.ts': 'export {};\n',
  'src/billing/generated/schema.ts': 'export {};\n',
  'docs/guide.md': '# Guide\n',
  'docs/api/errors.md': '# Errors\n',
  'apps/web/main.ts': 'export {};\n',
  'infra/main.tf': '# tf\n',
  'vendor/lib/a.js': '1\n',
  'node_modules/x/index.js': '1\n',
};

describe('has-codeowners', () => {
  it.each([
    // catch-all owns all 10
    ['a catch-all', '* @acme/all\n', 100, 1, ['.github/CODEOWNERS:1']],
    // /src/ owns 3, *.md owns README.md + docs/guide.md + docs/api/errors.md = 6; an ownerless rule un-owns generated (5)
    ['last-match-wins rules', '# owners\n/src/ @acme/dev\n*.md @acme/docs\n/src/billing/generated/\n', 50, 2, ['.github/CODEOWNERS:2', '.github/CODEOWNERS:3']],
    // docs/* owns only docs/guide.md (not nested); apps/ owns apps/web/main.ts; **/main.tf owns infra/main.tf
    ['GitHub glob semantics', 'docs/* @w\napps/ @a # web\n**/main.tf user@example.com\n', 30, 3, ['.github/CODEOWNERS:1', '.github/CODEOWNERS:2', '.github/CODEOWNERS:3']],
    // GitLab sections are not rules
    ['GitLab sections', '[Backend] @acme/backend\n/src/billing/ @acme/billing\n', 20, 1, ['.github/CODEOWNERS:2']],
  ])('answers yes for %s with measured coverage', async (_c, codeowners, coverage, rules, locs) => {
    const r = await detect(detector, { ...tree, '.github/CODEOWNERS': codeowners });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures).toEqual({
      'codeowners-rules': { value: rules, unit: 'rules' },
      'codeowners-coverage': { value: coverage, unit: '%' },
    });
  });

  it('prefers .github/CODEOWNERS over the root file, as GitHub does', async () => {
    const r = await detect(detector, { ...tree, CODEOWNERS: '* @root\n', '.github/CODEOWNERS': '/docs/ @docs\n' });
    // .github/CODEOWNERS + root CODEOWNERS = 11 files; docs/ owns 2 -> 18%
    expect(locations(r)).toEqual(['.github/CODEOWNERS:1']);
    expect(r.measures?.['codeowners-coverage']?.value).toBe(18);
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
