import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const template = '## Summary\n\n## Checklist\n- [ ] Tests added\n- [ ] Docs / README updated\n<!-- - [ ] ADR written -->\n';

describe('docs-reviewed-in-prs', () => {
  it.each([
    ['a catch-all owner', { '.github/CODEOWNERS': '# owners\n* @acme/platform\n' }, ['.github/CODEOWNERS:2']],
    ['a /docs/ rule', { CODEOWNERS: '/src/ @acme/dev\n/docs/ @acme/writers\n', 'docs/guide.md': '# Guide\n' }, ['CODEOWNERS:2']],
    ['a *.md rule', { 'docs/CODEOWNERS': '*.md @alice\n' }, ['docs/CODEOWNERS:1']],
    ['a PR template docs item', { '.github/pull_request_template.md': template }, ['.github/pull_request_template.md:5']],
    ['a GitLab MR template', { '.gitlab/merge_request_templates/Default.md': '- [ ] Documentation updated\n' }, ['.gitlab/merge_request_templates/Default.md:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
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
