import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const envTf = `resource "github_repository" "app" {
  name = "app"
}

resource "github_repository_environment" "prod" {
  environment = "production"
  reviewers {
    teams = [github_team.sre.id]
  }
}
`;

const process = 'Changes to the database schema, authentication or infrastructure are high risk: the author writes a rollback plan, a second engineer approves it, and the change ships behind a flag outside peak hours.';

describe('has-change-management', () => {
  it.each([
    ['CHANGE_MANAGEMENT.md', { 'CHANGE_MANAGEMENT.md': `# Change management\n${process}\n` }, ['CHANGE_MANAGEMENT.md']],
    ['docs/change-management/high-risk.md', { 'docs/change-management/high-risk.md': `# High risk\n${process}\n` }, ['docs/change-management/high-risk.md']],
    ['docs/high-risk-changes.md', { 'docs/high-risk-changes.md': `# High-risk changes\n${process}\n` }, ['docs/high-risk-changes.md']],
    ['RELEASING.md', { 'RELEASING.md': `# Releasing\n${process}\n` }, ['RELEASING.md']],
    ['docs/release-process.md', { 'docs/release-process.md': `# Process\n${process}\n` }, ['docs/release-process.md']],
    ['an RFC folder', { 'rfcs/0000-template.md': `# RFC: <title>\n${process}\n`, 'rfcs/0002-events.md': `# Events\n${process}\n` }, ['rfcs/0002-events.md']],
    ['a PR template rollback section', { '.github/pull_request_template.md': '## Summary\n\n## Rollback plan\n- [ ] Tested\n' }, ['.github/pull_request_template.md:3']],
    ['a PR template migration checklist item', { '.github/pull_request_template.md': '## Summary\n- [ ] Tests\n- [ ] DB migration is backwards compatible\n' }, ['.github/pull_request_template.md:3']],
    ['a GitHub environment with required reviewers', { 'infra/github.tf': envTf }, ['infra/github.tf:7']],
    ['probot settings environments', { '.github/settings.yml': 'environments:\n  - name: production\n    reviewers:\n      - name: sre\n        type: Team\n' }, ['.github/settings.yml:4']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only release notes exist', { 'docs/releases/v1.2.md': '# 1.2\n', 'docs/release-notes.md': '# Notes\n', 'RELEASE.md': '# 1.0\n' }],
    ['a PR checklist item mentions risk in passing', { '.github/pull_request_template.md': '## Context\n- [ ] I accept the risk that this PR may be closed\n- [ ] Tests\n' }],
    ['the PR template has no risk section', { '.github/pull_request_template.md': '## Summary\n- [ ] Tests\n- [ ] Lint\n' }],
    ['the reviewers block belongs to another resource', { 'infra/github.tf': 'resource "github_repository_environment" "dev" {\n  environment = "dev"\n}\nresource "github_team_repository" "x" {\n  reviewers {}\n}\n' }],
    ['the reviewers block is commented out', { 'infra/github.tf': envTf.replace(/ {2}reviewers \{\n.*\n {2}\}/, '  # reviewers {\n  #   teams = []\n  # }') }],
    ['the README mentions rollback', { 'README.md': '# App\n## Rollback\n- [ ] risk\n' }],
    ['RFCs are fixtures', { 'test/fixtures/rfcs/0001.md': `# RFC\n${process}\n` }],
    ['the change-management doc is an empty stub', { 'docs/change-management.md': '# Change management\n\nTODO: agree on the process.\n' }],
    ['the RFC folder holds only its template', { 'rfcs/0000-template.md': `# RFC: <title>\n${process}\n`, 'rfcs/README.md': `# RFCs\n${process}\n` }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
