import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const checklist = '## What\n\n## Checklist\n- [ ] Tests added\n* [x] Lint passes\n1. [ ] Migration reviewed\n<!-- - [ ] hidden -->\n```\n- [ ] in code\n```\n';

describe('has-pr-template', () => {
  it.each([
    ['.github/pull_request_template.md', ['.github/pull_request_template.md:4', '.github/pull_request_template.md:5', '.github/pull_request_template.md:6']],
    ['.github/PULL_REQUEST_TEMPLATE.md', ['.github/PULL_REQUEST_TEMPLATE.md:4', '.github/PULL_REQUEST_TEMPLATE.md:5', '.github/PULL_REQUEST_TEMPLATE.md:6']],
    ['.github/PULL_REQUEST_TEMPLATE/feature.md', ['.github/PULL_REQUEST_TEMPLATE/feature.md:4', '.github/PULL_REQUEST_TEMPLATE/feature.md:5', '.github/PULL_REQUEST_TEMPLATE/feature.md:6']],
    ['docs/pull_request_template.md', ['docs/pull_request_template.md:4', 'docs/pull_request_template.md:5', 'docs/pull_request_template.md:6']],
    ['.gitlab/merge_request_templates/Default.md', ['.gitlab/merge_request_templates/Default.md:4', '.gitlab/merge_request_templates/Default.md:5', '.gitlab/merge_request_templates/Default.md:6']],
    ['.azuredevops/pull_request_template.md', ['.azuredevops/pull_request_template.md:4', '.azuredevops/pull_request_template.md:5', '.azuredevops/pull_request_template.md:6']],
    ['.azuredevops/pull_request_template/branches/main.md', ['.azuredevops/pull_request_template/branches/main.md:4', '.azuredevops/pull_request_template/branches/main.md:5', '.azuredevops/pull_request_template/branches/main.md:6']],
  ])('answers yes for %s with 3 items', async (path, locs) => {
    const r = await detect(detector, { [path]: checklist });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures).toEqual({ 'checklist-items': { value: 3, unit: 'items' } });
  });

  it('answers no, with the template as evidence, when it has one checklist item', async () => {
    const r = await detect(detector, { 'PULL_REQUEST_TEMPLATE.md': '## Why\n- [ ] Tests\n<!-- - [ ] Docs -->\n' });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['PULL_REQUEST_TEMPLATE.md:1']);
    expect(r.measures).toEqual({ 'checklist-items': { value: 1, unit: 'items' } });
  });

  it.each([
    ['there is no template', { 'README.md': '- [ ] a\n- [ ] b\n' }],
    ['the template lives in a fixture', { 'test/fixtures/.github/pull_request_template.md': checklist }],
    ['an issue template has the checklist', { '.github/ISSUE_TEMPLATE/bug.md': checklist }],
    ['the template is headings and prompts without a checklist', { '.github/pull_request_template.md': '## What does this change?\n\n## How was it tested?\n\n## Screenshots\n' }],
    ['the template is empty', { '.github/pull_request_template.md': '' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['checklist-items']?.value).toBe(0);
  });
});
