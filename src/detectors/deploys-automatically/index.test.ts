import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const wf = (on: string, step: string): string =>
  `name: deploy\non: ${on}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      ${step}\n`;

describe('deploys-automatically', () => {
  it.each([
    ['kubectl apply on push', 'push', '- run: kubectl apply -f k8s/'],
    ['helm upgrade on tags', '{ push: { tags: ["v*"] } }', '- run: helm upgrade --install api ./chart'],
    ['an ECS deploy action on release', 'release', '- uses: aws-actions/amazon-ecs-deploy-task-definition@v1'],
    ['serverless deploy with env prefix', 'push', '- run: SLS_DEBUG=1 npx serverless deploy --stage prod'],
    ['fly deploy', '[push]', '- run: flyctl deploy --remote-only'],
    ['ssh-action (over SSH)', 'push', '- uses: appleboy/ssh-action@v1'],
    ['compose up with a deploy file', 'push', '- run: docker compose -f compose.yml -f compose.deploy.yml up -d'],
  ])('answers yes for %s', async (_c, on, step) => {
    const r = await detect(detector, { '.github/workflows/deploy.yml': wf(on, step) });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['.github/workflows/deploy.yml:8']);
    expect(r.measures).toEqual({ 'deploy-jobs': { value: 1, unit: 'jobs' } });
  });

  it('notes deploys started by hand through workflow_dispatch', async () => {
    const r = await detect(detector, { '.github/workflows/deploy.yml': wf('workflow_dispatch', '- run: terraform apply -auto-approve') });
    expect(r.outcome).toBe('yes');
    expect(r.summary).toContain('started by hand');
  });

  it('counts GitLab deploy jobs and Argo CD applications', async () => {
    const r = await detect(detector, {
      '.gitlab-ci.yml': 'deploy:\n  stage: deploy\n  script:\n    - gcloud run deploy api --image $IMAGE\n',
      'deploy/argocd/app.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['.gitlab-ci.yml:4', 'deploy/argocd/app.yaml:2']);
  });

  it.each([
    ['deploys run only on pull requests (previews)', { '.github/workflows/p.yml': wf('pull_request', '- run: vercel deploy --prod') }],
    ['the step is a dry run', { '.github/workflows/d.yml': wf('push', '- run: kubectl apply --dry-run=client -f k8s/') }],
    ['CI starts test services with compose', { '.github/workflows/t.yml': wf('push', '- run: docker compose up -d db') }],
    ['the workflow only builds', { '.github/workflows/b.yml': wf('push', '- run: docker build -t api .') }],
    ['a plain kustomization is not Flux', { 'k8s/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n' }],
    ['the README explains kubectl apply', { 'README.md': 'kubectl apply -f k8s/\n' }],
    ['the deploy script only publishes docs', { '.github/workflows/docs.yml': wf('push', '- run: npm run deploy:docs') }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('answers unknown when nothing deploys but a workflow cannot be parsed', async () => {
    expect((await detect(detector, { '.github/workflows/d.yml': 'on: [push\n' })).outcome).toBe('unknown');
  });
});

describe('deploys-automatically across CI systems', () => {
  it.each([
    ['an Azure deployment job on main', { 'azure-pipelines.yml': "trigger: [main]\npr: none\nstages:\n  - stage: Deploy\n    jobs:\n      - deployment: Prod\n        environment: prod\n        strategy:\n          runOnce:\n            deploy:\n              steps:\n                - task: AzureWebApp@1\n                  inputs:\n                    appName: api\n" }, 'azure-pipelines.yml:12'],
    ['a Bitbucket deploy pipe on main', { 'bitbucket-pipelines.yml': 'pipelines:\n  branches:\n    main:\n      - step:\n          deployment: production\n          script:\n            - pipe: atlassian/aws-ecs-deploy:1.12.1\n              variables:\n                CLUSTER_NAME: prod\n' }, 'bitbucket-pipelines.yml:7'],
    ['a CircleCI deploy orb job', { '.circleci/config.yml': 'version: 2.1\norbs:\n  aws-ecs: circleci/aws-ecs@4.0\nworkflows:\n  deploy:\n    jobs:\n      - aws-ecs/deploy-service-update:\n          family: api\n          filters:\n            branches:\n              only: main\n' }, '.circleci/config.yml:7'],
    ['a Jenkins stage on main', { Jenkinsfile: "pipeline {\n  agent any\n  stages {\n    stage('Deploy') {\n      when { branch 'main' }\n      steps { sh 'helm upgrade --install api ./chart' }\n    }\n  }\n}\n" }, 'Jenkinsfile:6'],
    ['a reusable deploy workflow called on push', {
      '.github/workflows/main.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    uses: ./.github/workflows/deploy.yml\n',
      '.github/workflows/deploy.yml': 'on: workflow_call\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: flyctl deploy --remote-only\n',
    }, '.github/workflows/deploy.yml:6'],
  ])('answers yes for %s', async (_c, files, loc) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual([loc]);
  });

  it.each([
    ['the deploy job is switched off', { '.github/workflows/d.yml': wf('push', '- run: kubectl apply -f k8s/').replace('  deploy:\n', '  deploy:\n    if: false\n') }],
    ['the deploy step is switched off', { '.github/workflows/d.yml': wf('push', '- if: ${{ false }}\n        run: kubectl apply -f k8s/') }],
    ['the deploy is in a reusable workflow nobody calls', { '.github/workflows/deploy.yml': 'on: workflow_call\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -f k8s/\n' }],
    ['the GitLab deploy job never runs', { '.gitlab-ci.yml': 'deploy:\n  script:\n    - helm upgrade --install api ./chart\n  rules:\n    - when: never\n' }],
    ['the Azure deploy stage runs only for pull requests', { 'azure-pipelines.yml': "trigger: [main]\nstages:\n  - stage: Preview\n    condition: eq(variables['Build.Reason'], 'PullRequest')\n    jobs:\n      - job: Preview\n        steps:\n          - script: az webapp up --name preview\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
