import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const wf = (on: string, run: string): string => `on:\n${on}\njobs:\n  drift:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: hashicorp/setup-terraform@v3\n      - run: ${run}\n`;
const NIGHTLY = '  schedule:\n    - cron: "0 6 * * *"';

describe('detects-iac-drift', () => {
  it.each([
    ['terraform plan -detailed-exitcode', 'terraform plan -detailed-exitcode -lock=false'],
    ['tofu in a sub-folder', 'tofu -chdir=infra plan -input=false -detailed-exitcode'],
    ['driftctl', 'driftctl scan --from tfstate+s3://bucket/state'],
    ['pulumi preview', 'pulumi preview --stack prod --expect-no-changes'],
  ])('answers yes for a scheduled %s', async (_c, run) => {
    const r = await detect(detector, { '.github/workflows/drift.yml': wf(NIGHTLY, run) });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['.github/workflows/drift.yml:9']);
  });

  it('answers yes for Terraform Cloud assessments', async () => {
    const r = await detect(detector, { 'infra/tfe.tf': 'resource "tfe_workspace" "prod" {\n  name                = "prod"\n  assessments_enabled = true\n}\n' });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['infra/tfe.tf:3']);
  });

  it.each([
    ['the plan runs on pull requests only', { '.github/workflows/plan.yml': wf('  pull_request: {}', 'terraform plan -detailed-exitcode') }],
    ['the scheduled plan does not check for changes', { '.github/workflows/plan.yml': wf(NIGHTLY, 'terraform plan') }],
    ['assessments are off', { 'infra/tfe.tf': 'resource "tfe_workspace" "w" {\n  assessments_enabled = false\n}\n' }],
    ['the runbook describes a drift check', { 'docs/drift.md': 'terraform plan -detailed-exitcode\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
