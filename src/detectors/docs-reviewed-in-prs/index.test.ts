import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const template = '## Summary\n\n## Checklist\n- [ ] Tests added\n- [ ] Docs / README updated\n<!-- - [ ] ADR written -->\n';

describe('docs-reviewed-in-prs', () => {
  it.each([
    ['a docs rule after a catch-all owner', { '.github/CODEOWNERS': '# owners\n* @acme/platform\n/docs/ @acme/tech-writers\n', 'docs/guide.md': '# Guide\n' }, ['.github/CODEOWNERS:3']],
    ['a /docs/ rule', { CODEOWNERS: '/src/ @acme/dev\n/docs/ @acme/writers\n', 'docs/guide.md': '# Guide\n' }, ['CODEOWNERS:2']],
    ['a *.md rule', { 'docs/CODEOWNERS': '*.md @alice\n' }, ['docs/CODEOWNERS:1']],
    ['a PR template docs item', { '.github/pull_request_template.md': template }, ['.github/pull_request_template.md:5']],
    ['a GitLab MR template', { '.gitlab/merge_request_templates/Default.md': '- [ ] Documentation updated\n' }, ['.gitlab/merge_request_templates/Default.md:1']],
    [
      'markdownlint and a link check on pull requests',
      { '.github/workflows/docs.yml': 'name: docs\non:\n  pull_request:\n    paths: ["docs/**"]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: DavidAnson/markdownlint-cli2-action@v16\n      - run: lychee --no-progress docs/\n' },
      ['.github/workflows/docs.yml:10', '.github/workflows/docs.yml:11'],
    ],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only a catch-all owner (review in general, not docs review)', { '.github/CODEOWNERS': '# owners\n* @acme/platform\n', 'docs/guide.md': '# Guide\n' }],
    ['markdownlint runs only on a nightly schedule', { '.github/workflows/docs.yml': 'on:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx markdownlint-cli2 "**/*.md"\n' }],
    ['CODEOWNERS only owns code', { CODEOWNERS: '/src/ @acme/dev\n*.ts @acme/dev\n', 'docs/guide.md': '# G\n' }],
    ['docs ownership is removed by a later ownerless rule', { CODEOWNERS: '* @acme/all\n/docs/\n*.md\n' }],
    ['the catch-all is commented out', { CODEOWNERS: '# * @acme/all\n/api/ @acme/api\n' }],
    ['the PR template has no docs item', { '.github/PULL_REQUEST_TEMPLATE.md': '- [ ] Tests added\n- [ ] Lint passes\n' }],
    ['a docs item is commented out in the template', { '.github/pull_request_template.md': '- [ ] Tests\n<!--\n- [ ] Docs updated\n-->\n' }],
    ['a vendored template', { 'vendor/x/.github/pull_request_template.md': '- [ ] Docs updated\n' }],
    ['the README tells you to update docs', { 'README.md': '# App\n- [ ] Docs updated\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
