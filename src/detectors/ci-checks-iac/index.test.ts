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
    ['cfn-lint', '- run: cfn-lint templates/*.yaml'],
    ['cfn-guard', '- run: cfn-guard validate --rules rules/ --data templates/'],
    ['tofu validate', '- run: tofu -chdir=infra validate'],
    ['trivy config', '- run: trivy config --exit-code 1 infra/'],
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

  it('reads the GitLab IaC scanning template', async () => {
    const r = await detect(detector, { '.gitlab-ci.yml': 'include:\n  - template: Jobs/SAST-IaC.gitlab-ci.yml\n  - template: Security/SAST-IaC.latest.gitlab-ci.yml\n' });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['.gitlab-ci.yml:2', '.gitlab-ci.yml:3']);
  });

  it('answers no when the only IaC checks cannot fail the pull request', async () => {
    const r = await detect(detector, {
      '.github/workflows/iac.yml': wf('pull_request', '- run: checkov -d infra || true\n      - uses: bridgecrewio/checkov-action@v12\n        with:\n          directory: infra\n          soft_fail: true'),
    });
    expect(r.outcome).toBe('no');
    expect(r.summary).toContain('checkov at .github/workflows/iac.yml:7');
  });

  it.each([
    ['the PR job is disabled', { '.github/workflows/iac.yml': 'on: pull_request\njobs:\n  iac:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: tflint --recursive\n' }],
    ['IaC is only applied on push', { '.github/workflows/apply.yml': wf('push', '- run: terraform apply -auto-approve') }],
    ['the PR job only installs terraform', { '.github/workflows/iac.yml': wf('pull_request', '- uses: hashicorp/setup-terraform@v3') }],
    ['trivy scans images, not config', { '.github/workflows/iac.yml': wf('pull_request', '- uses: aquasecurity/trivy-action@master') }],
    ['docs describe terraform validate', { 'docs/iac.md': 'terraform validate\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
