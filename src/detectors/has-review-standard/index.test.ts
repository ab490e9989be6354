import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const guide = 'Every pull request needs one approval from a code owner. Reviewers check tests, naming, error handling and the migration plan, and answer within one working day.';

describe('has-review-standard', () => {
  it.each([
    ['CODEOWNERS', { '.github/CODEOWNERS': '# team\n/src/ @acme/dev\n' }, ['.github/CODEOWNERS:2']],
    ['a PR template', { '.github/pull_request_template.md': '## What changed\n' }, ['.github/pull_request_template.md:1']],
    ['a code review section in CONTRIBUTING', { 'CONTRIBUTING.md': `# Contributing\n\n## Code review\n${guide}\n` }, ['CONTRIBUTING.md:3']],
    ['review guidelines under docs', { 'docs/engineering/reviewing.md': `# Reviewing pull requests\n${guide}\n` }, ['docs/engineering/reviewing.md:1']],
    ['a numbered review-process heading', { 'docs/process.md': `# Process\n## 3. Review process:\n${guide}\n` }, ['docs/process.md:2']],
    ['Terraform branch protection', { 'infra/github.tf': 'resource "github_branch_protection" "main" {\n  pattern = "main"\n  required_pull_request_reviews {\n    required_approving_review_count = 2\n  }\n}\n' }, ['infra/github.tf:3']],
    ['probot settings.yml', { '.github/settings.yml': 'branches:\n  - name: main\n    protection:\n      required_pull_request_reviews:\n        dismiss_stale_reviews: true\n' }, ['.github/settings.yml:4']],
    ['a ruleset export', { '.github/rulesets/main.json': '{ "rules": [{ "type": "pull_request", "parameters": { "required_approving_review_count": 1 } }] }\n' }, ['.github/rulesets/main.json:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only the README has a review heading', { 'README.md': '# App\n## Code review\n' }],
    ['product docs describe a review feature', { 'docs/usage/automerge.md': '### Required Pull Request reviews\n', 'docs/triage.md': '### Request PR reviews\n' }],
    ['a docs heading mentions review in another sense', { 'docs/roadmap.md': '# Quarterly business review\n## Review of Q3 metrics\n' }],
    ['branch protection is commented out', { 'infra/github.tf': '# required_pull_request_reviews {\n#   required_approving_review_count = 1\n# }\n' }],
    ['protection requires zero approvals', { 'infra/github.tf': 'resource "x" "y" {\n  required_approving_review_count = 0\n}\n' }],
    ['CODEOWNERS names nobody', { CODEOWNERS: '*\n' }],
    ['a vendored contributing guide', { 'vendor/lib/CONTRIBUTING.md': `## Code review\n${guide}\n` }],
    ['the review section of CONTRIBUTING is one line', { 'CONTRIBUTING.md': '# Contributing\n\n## Code review\nTBD.\n\n## Setup\n' + guide + '\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
