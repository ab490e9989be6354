import { describe, expect, it } from 'vitest';
import { commandSegments, deployOfStep } from './deploy-commands.ts';

describe('deploy commands', () => {
  it('splits scripts into commands without wrappers and prefixes', () => {
    expect(commandSegments("npm ci && sudo -E true\nFOO=1 poetry run pytest -q | tee out\nsh 'make test'\necho kubectl apply")).toEqual([
      'npm ci',
      'true',
      'pytest -q',
      'tee out',
      'make test',
    ]);
    expect(commandSegments('npx --yes serverless deploy \\\n  --stage prod')).toEqual(['serverless deploy --stage prod']);
  });

  it.each([
    ['kubectl -n prod apply -f k8s/', 'kubectl apply/rollout', false],
    ['helm upgrade --install api ./chart', 'helm upgrade/install', false],
    ['terraform -chdir=infra apply -auto-approve', 'terraform apply', false],
    ['ssh deploy@host "cd app && pm2 reload api"', 'ssh + restart', true],
    ['npm run deploy:prod', 'runs a deploy script', false],
  ])('%s deploys', (text, label, overSsh) => {
    expect(deployOfStep({ text, line: 1 })).toMatchObject({ label, overSsh });
  });

  it.each(['kubectl apply --dry-run=client -f k8s/', 'helm plugin install helm-diff', 'terraform plan -out apply.tfplan', 'npm run deploy:docs', 'echo "kubectl apply"'])(
    '%s does not deploy',
    (text) => {
      expect(deployOfStep({ text, line: 1 })).toBeUndefined();
    },
  );

  it('recognises deploy actions, with their inputs when needed', () => {
    expect(deployOfStep({ text: 'uses: appleboy/ssh-action@v1', uses: 'appleboy/ssh-action@v1', line: 1 })).toEqual({ label: 'deploy over SSH', overSsh: true });
    expect(deployOfStep({ text: 'uses: pulumi/actions@v5\ncommand: preview', uses: 'pulumi/actions@v5', line: 1 })).toBeUndefined();
    expect(deployOfStep({ text: 'uses: pulumi/actions@v5\ncommand: up', uses: 'pulumi/actions@v5', line: 1 })?.label).toBe('pulumi up');
  });
});

describe('deploys read in every CI system', () => {
  it.each([
    ['bundle exec cap production deploy', 'capistrano deploy'],
    ['vendor/bin/dep deploy production', 'Deployer (dep deploy)'],
    ['fab -H web1 deploy', 'fabric deploy'],
    ['pm2 deploy ecosystem.config.js production', 'pm2 deploy'],
    ['ansible-playbook -i inventory/prod deploy.yml', 'ansible deploy playbook'],
  ])('%s deploys over SSH', (text, label) => {
    expect(deployOfStep({ text, line: 1 })).toMatchObject({ label, overSsh: true });
  });

  it.each(['pm2 deploy ecosystem.config.js production setup', 'bundle exec cap production deploy:check', 'ansible-playbook lint.yml'])('%s does not deploy', (text) => {
    expect(deployOfStep({ text, line: 1 })).toBeUndefined();
  });

  it.each([
    ['AzureWebApp@1', 'appName: api', 'Azure deploy task'],
    ['KubernetesManifest@1', 'action: deploy\nmanifests: k8s/*.yaml', 'Kubernetes deploy task'],
    ['HelmDeploy@0', 'command: upgrade\narguments: --atomic', 'helm deploy task'],
    ['atlassian/aws-ecs-deploy:1.12.1', 'CLUSTER_NAME: prod', 'Bitbucket deploy pipe'],
    ['atlassian/ssh-run:0.8.1', 'SERVER: app.example.com', 'deploy over SSH'],
    ['aws-ecs/deploy-service-update', 'family: api', 'CircleCI deploy orb'],
    ['helm/upgrade-helm-chart', 'chart: ./chart', 'CircleCI deploy orb'],
  ])('%s is a deploy', (uses, inputs, label) => {
    expect(deployOfStep({ text: `uses: ${uses}\n${inputs}`, uses, line: 1 })?.label).toBe(label);
  });

  it.each([
    ['KubernetesManifest@1', 'action: bake'],
    ['HelmDeploy@0', 'command: package'],
    ['aws-ecr/build-and-push-image', 'repo: api'],
  ])('%s with %s is not a deploy', (uses, inputs) => {
    expect(deployOfStep({ text: `uses: ${uses}\n${inputs}`, uses, line: 1 })).toBeUndefined();
  });
});
