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
