import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const wf = (steps: string): string => `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const ROLLOUT = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 20\n        - analysis:\n            templates:\n              - templateName: success-rate\n';

describe('rolls-back-automatically', () => {
  it.each([
    ['helm --atomic in CI', { '.github/workflows/d.yml': wf('      - run: helm upgrade --install api ./chart --atomic --timeout 5m\n') }, ['.github/workflows/d.yml:6']],
    [
      'an undo step on failure()',
      { '.github/workflows/d.yml': wf('      - run: kubectl apply -f k8s/\n      - if: failure()\n        run: kubectl rollout undo deployment/api\n') },
      ['.github/workflows/d.yml:8'],
    ],
    ['rollout status || undo in a script', { 'scripts/deploy.sh': 'kubectl apply -f k8s/\nkubectl rollout status deploy/api || kubectl rollout undo deploy/api\n' }, ['scripts/deploy.sh:2']],
    ['an Argo Rollout with analysis', { 'k8s/rollout.yaml': ROLLOUT }, ['k8s/rollout.yaml:2']],
    ['a Flagger canary', { 'k8s/canary.yaml': 'apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata:\n  name: api\n' }, ['k8s/canary.yaml:2']],
    [
      'an ECS circuit breaker in Terraform',
      { 'infra/ecs.tf': 'resource "aws_ecs_service" "api" {\n  name = "api"\n  deployment_circuit_breaker {\n    enable   = true\n    rollback = true\n  }\n}\n' },
      ['infra/ecs.tf:3'],
    ],
    [
      'an ECS circuit breaker in CloudFormation',
      { 'template.yaml': 'Resources:\n  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      DeploymentConfiguration:\n        DeploymentCircuitBreaker:\n          Enable: true\n          Rollback: true\n' },
      ['template.yaml:2'],
    ],
    ['CDK circuit breaker', { 'lib/stack.ts': "new ecs.FargateService(this, 'Svc', { circuitBreaker: { rollback: true } });\n" }, ['lib/stack.ts:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only progressDeadlineSeconds is set', { 'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  progressDeadlineSeconds: 600\n' }],
    ['a Rollout has no analysis', { 'k8s/rollout.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 20\n' }],
    ['the circuit breaker does not roll back', { 'infra/ecs.tf': 'resource "aws_ecs_service" "api" {\n  deployment_circuit_breaker {\n    enable   = true\n    rollback = false\n  }\n}\n' }],
    ['the undo step is unconditional', { '.github/workflows/d.yml': wf('      - run: kubectl rollout undo deployment/api\n') }],
    ['helm --atomic is commented out', { 'scripts/deploy.sh': '# helm upgrade api ./chart --atomic\nhelm upgrade api ./chart\n' }],
    ['the runbook says helm rollback', { 'docs/runbook.md': 'helm upgrade --atomic\nhelm rollback api\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
