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

describe('rolls-back-automatically across CI systems and IaC languages', () => {
  it.each([
    ['a GitLab job on failure', { '.gitlab-ci.yml': 'deploy:\n  script:\n    - kubectl apply -f k8s/\nrollback:\n  when: on_failure\n  script:\n    - kubectl rollout undo deployment/api\n' }, ['.gitlab-ci.yml:7']],
    ['a Jenkins post failure block', { Jenkinsfile: "pipeline {\n  agent any\n  stages {\n    stage('Deploy') { steps { sh 'kubectl apply -f k8s/' } }\n  }\n  post {\n    failure {\n      sh 'kubectl rollout undo deployment/api'\n    }\n  }\n}\n" }, ['Jenkinsfile:8']],
    ['a CircleCI on_fail step', { '.circleci/config.yml': 'version: 2.1\njobs:\n  deploy:\n    steps:\n      - run: helm upgrade api ./chart\n      - run:\n          command: helm rollback api\n          when: on_fail\nworkflows:\n  main:\n    jobs: [deploy]\n' }, ['.circleci/config.yml:7']],
    ['an Azure HelmDeploy task with --atomic', { 'azure-pipelines.yml': 'trigger: [main]\nsteps:\n  - task: HelmDeploy@0\n    inputs:\n      command: upgrade\n      chartPath: charts/api\n      arguments: --atomic --timeout 5m\n' }, ['azure-pipelines.yml:3']],
    ['a Terraform ECS module with the circuit breaker', { 'infra/ecs.tf': 'module "api" {\n  source = "terraform-aws-modules/ecs/aws//modules/service"\n  deployment_circuit_breaker = {\n    enable   = true\n    rollback = true\n  }\n}\n' }, ['infra/ecs.tf:3']],
    ['Java CDK circuit breaker', { 'src/main/java/acme/ApiStack.java': 'FargateService.Builder.create(this, "Api")\n    .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())\n    .build();\n' }, ['src/main/java/acme/ApiStack.java:2']],
    ['C# CDK circuit breaker', { 'src/Infra/ApiStack.cs': 'new FargateService(this, "Api", new FargateServiceProps {\n    CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true }\n});\n' }, ['src/Infra/ApiStack.cs:2']],
    ['Go CDK circuit breaker', { 'infra/stack.go': 'awsecs.NewFargateService(stack, jsii.String("Api"), &awsecs.FargateServiceProps{\n\tCircuitBreaker: &awsecs.DeploymentCircuitBreaker{Rollback: jsii.Bool(true)},\n})\n' }, ['infra/stack.go:2']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['helm --atomic only in a disabled job', { '.github/workflows/d.yml': wf('      - run: helm upgrade --install api ./chart --atomic\n').replace('  deploy:\n', '  deploy:\n    if: false\n') }],
    ['the undo step is switched off', { '.github/workflows/d.yml': wf('      - run: kubectl apply -f k8s/\n      - if: ${{ false }}\n        run: kubectl rollout undo deployment/api\n') }],
    ['a GitLab rollback job runs by hand', { '.gitlab-ci.yml': 'deploy:\n  script:\n    - kubectl apply -f k8s/\nrollback:\n  when: manual\n  script:\n    - kubectl rollout undo deployment/api\n' }],
    ['the Argo Rollout template is switched off in values', {
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n',
      'charts/api/values.yaml': 'rollout:\n  enabled: false\n',
      'charts/api/templates/rollout.yaml': `{{- if .Values.rollout.enabled }}\n${ROLLOUT}{{- end }}\n`,
    }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
