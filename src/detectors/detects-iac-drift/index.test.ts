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

  it('answers yes for a GitLab scheduled pipeline job and for env0 drift detection', async () => {
    const gl = await detect(detector, { '.gitlab-ci.yml': 'drift:\n  image: hashicorp/terraform:1.9\n  script:\n    - terraform init -input=false\n    - terraform plan -detailed-exitcode -input=false\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "schedule"\n' });
    expect(gl.outcome).toBe('yes');
    expect(locations(gl)).toEqual(['.gitlab-ci.yml:5']);
    const env0 = await detect(detector, { 'infra/env0.tf': 'resource "env0_environment" "prod" {\n  name                 = "prod"\n  drift_detection_cron = "0 6 * * *"\n}\n' });
    expect(env0.outcome).toBe('yes');
    expect(locations(env0)).toEqual(['infra/env0.tf:3']);
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
    ['the scheduled drift job is disabled', { '.github/workflows/drift.yml': 'on:\n  schedule:\n    - cron: "0 6 * * *"\njobs:\n  drift:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform plan -detailed-exitcode\n' }],
    ['the drift step is switched off', { '.github/workflows/drift.yml': 'on:\n  schedule:\n    - cron: "0 6 * * *"\njobs:\n  drift:\n    runs-on: ubuntu-latest\n    steps:\n      - if: false\n        run: terraform plan -detailed-exitcode\n' }],
    ['the drift workflow is commented out', { '.github/workflows/drift.yml': '# on:\n#   schedule:\n#     - cron: "0 6 * * *"\non: workflow_dispatch\njobs:\n  drift:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform plan -detailed-exitcode\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
