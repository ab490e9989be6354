import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const wf = (on: string, step: string): string => `on: ${on}\njobs:\n  iac:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      ${step}\n`;

describe('ci-checks-iac', () => {
  it.each([
    ['terraform validate', '- run: terraform init -backend=false && terraform validate'],
    ['terraform fmt -check', '- run: terraform fmt -check -recursive'],
    ['tflint', '- run: tflint --recursive'],
    ['checkov action', '- uses: bridgecrewio/checkov-action@v12'],
    ['pulumi preview', '- run: pulumi preview --stack dev'],
    ['kubeconform', '- run: kustomize build k8s/overlays/prod | kubeconform -strict'],
  ])('answers yes for %s on pull requests', async (_c, step) => {
    const r = await detect(detector, { '.github/workflows/iac.yml': wf('pull_request', step) });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['.github/workflows/iac.yml:7']);
  });

  it('reads GitLab merge-request jobs', async () => {
    const r = await detect(detector, { '.gitlab-ci.yml': 'plan:\n  script:\n    - terraform plan -out plan.tfplan\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "merge_request_event"\n' });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['.gitlab-ci.yml:3']);
  });

  it.each([
    ['IaC is only applied on push', { '.github/workflows/apply.yml': wf('push', '- run: terraform apply -auto-approve') }],
    ['the PR job only installs terraform', { '.github/workflows/iac.yml': wf('pull_request', '- uses: hashicorp/setup-terraform@v3') }],
    ['trivy scans images, not config', { '.github/workflows/iac.yml': wf('pull_request', '- uses: aquasecurity/trivy-action@master') }],
    ['docs describe terraform validate', { 'docs/iac.md': 'terraform validate\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
