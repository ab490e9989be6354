import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('uses-progressive-delivery', () => {
  it.each([
    ['an Argo Rollout canary', { 'k8s/rollout.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 10\n' }, ['k8s/rollout.yaml:2']],
    ['an Argo Rollout blue-green in a Helm chart', { 'charts/api/templates/rollout.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    blueGreen:\n      activeService: {{ .Values.name }}\n' }, ['charts/api/templates/rollout.yaml:2']],
    ['a Flagger canary', { 'deploy/canary.yaml': 'apiVersion: flagger.app/v1beta1\nkind: Canary\n' }, ['deploy/canary.yaml:2']],
    [
      'an Istio weighted split',
      { 'k8s/vs.yaml': 'apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nspec:\n  http:\n    - route:\n        - destination: { host: api, subset: stable }\n          weight: 90\n        - destination: { host: api, subset: canary }\n          weight: 10\n' },
      ['k8s/vs.yaml:2'],
    ],
    [
      'CodeDeploy blue/green in Terraform',
      { 'infra/cd.tf': 'resource "aws_codedeploy_deployment_group" "api" {\n  deployment_config_name = "CodeDeployDefault.ECSAllAtOnce"\n  deployment_style {\n    deployment_type   = "BLUE_GREEN"\n    deployment_option = "WITH_TRAFFIC_CONTROL"\n  }\n}\n' },
      ['infra/cd.tf:4'],
    ],
    ['SAM canary deployment preference', { 'template.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: Canary10Percent5Minutes\n' }, ['template.yaml:3']],
    ['CDK canary config', { 'lib/stack.ts': 'new codedeploy.LambdaDeploymentGroup(this, "G", { deploymentConfig: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES });\n' }, ['lib/stack.ts:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['a plain rolling Deployment', { 'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy:\n    type: RollingUpdate\n' }],
    ['a VirtualService with one route', { 'k8s/vs.yaml': 'apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nspec:\n  http:\n    - route:\n        - destination: { host: api }\n          weight: 100\n' }],
    ['CodeDeploy in-place all at once', { 'infra/cd.tf': 'resource "aws_codedeploy_deployment_group" "api" {\n  deployment_config_name = "CodeDeployDefault.AllAtOnce"\n}\n' }],
    ['docs describe a canary', { 'docs/release.md': 'kind: Rollout\nstrategy:\n  canary:\n' }],
    ['a fixture holds a Rollout', { 'test/fixtures/rollout.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    canary: {}\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('uses-progressive-delivery in pipelines, CDK languages and Helm charts', () => {
  const ROLLOUT = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 10\n';
  it.each([
    ['an Azure KubernetesManifest canary', { 'azure-pipelines.yml': 'trigger: [main]\nsteps:\n  - task: KubernetesManifest@1\n    inputs:\n      action: deploy\n      strategy: canary\n      percentage: 20\n      manifests: k8s/*.yaml\n' }, ['azure-pipelines.yml:3']],
    ['an Azure deployment job with the canary strategy', { 'azure-pipelines.yml': 'trigger: [main]\njobs:\n  - deployment: Api\n    environment: prod.api\n    strategy:\n      canary:\n        increments: [10, 20]\n        deploy:\n          steps:\n            - script: ./deploy.sh\n' }, ['azure-pipelines.yml:6']],
    ['Cloud Run traffic shifting in CI', { '.github/workflows/deploy.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gcloud run deploy api --image $IMAGE --no-traffic --tag canary\n      - run: gcloud run services update-traffic api --to-tags=canary=10\n' }, ['.github/workflows/deploy.yml:9']],
    ['Java CDK canary', { 'src/main/java/acme/Stack.java': 'LambdaDeploymentGroup.Builder.create(this, "G").deploymentConfig(LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES).build();\n' }, ['src/main/java/acme/Stack.java:1']],
    ['Go CDK linear', { 'infra/stack.go': 'awscodedeploy.NewLambdaDeploymentGroup(stack, jsii.String("G"), &awscodedeploy.LambdaDeploymentGroupProps{\n\tDeploymentConfig: awscodedeploy.LambdaDeploymentConfig_LINEAR_10PERCENT_EVERY_1MINUTE(),\n})\n' }, ['infra/stack.go:2']],
    ['a Helm-guarded Rollout switched on', { 'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n', 'charts/api/values.yaml': 'rollout:\n  enabled: true\n', 'charts/api/templates/rollout.yaml': `{{- if .Values.rollout.enabled }}\n${ROLLOUT}{{- end }}\n` }, ['charts/api/templates/rollout.yaml:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['a Helm-guarded Rollout switched off', { 'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n', 'charts/api/values.yaml': 'rollout:\n  enabled: false\n', 'charts/api/templates/rollout.yaml': `{{- if .Values.rollout.enabled }}\n${ROLLOUT}{{- end }}\n` }],
    ['the canary task is in a disabled job', { 'azure-pipelines.yml': 'trigger: [main]\njobs:\n  - job: Canary\n    condition: false\n    steps:\n      - task: KubernetesManifest@1\n        inputs:\n          action: deploy\n          strategy: canary\n' }],
    ['Cloud Run sends all traffic at once', { '.github/workflows/deploy.yml': 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gcloud run services update-traffic api --to-latest\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
