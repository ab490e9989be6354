import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const DEPLOY_SH = '#!/bin/bash\nset -e\nrsync -avz dist/ deploy@app.example.com:/srv/app\nssh deploy@app.example.com "cd /srv/app && pm2 restart api"\n';

describe('deploys-manually', () => {
  it('answers yes for an ssh + pm2 restart script with no CI deploy, citing the runbook', async () => {
    const r = await detect(detector, {
      'scripts/deploy.sh': DEPLOY_SH,
      'docs/DEPLOY.md': '# Deploy\n\n    ssh deploy@app.example.com\n    sudo systemctl restart api\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['scripts/deploy.sh:3', 'scripts/deploy.sh:4', 'docs/DEPLOY.md:3']);
  });

  it.each([
    ['a Makefile target', { Makefile: 'deploy:\n\tscp app.tar.gz root@10.0.0.5:/opt/\n\tssh root@10.0.0.5 systemctl restart app\n' }, ['Makefile:2', 'Makefile:3']],
    ['a package.json script', { 'package.json': '{\n  "scripts": {\n    "deploy": "ssh ubuntu@$DEPLOY_HOST \'git pull && pm2 reload all\'"\n  }\n}\n' }, ['package.json:3', 'package.json:3']],
    ['a PM2 ecosystem deploy section', { 'ecosystem.config.js': "module.exports = {\n  deploy: {\n    production: {\n      'post-deploy': 'npm ci && pm2 reload ecosystem.config.js',\n    },\n  },\n};\n" }, ['ecosystem.config.js:4']],
    ['a Fabric file', { 'fabfile.py': 'from fabric import task\n\n@task\ndef deploy(c):\n    c.run("sudo service gunicorn restart")\n' }, ['fabfile.py:5']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['CI runs the same script', { 'scripts/deploy.sh': DEPLOY_SH, '.github/workflows/d.yml': 'on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/deploy.sh\n' }],
    ['CI deploys with kubectl', { 'scripts/deploy.sh': DEPLOY_SH, '.gitlab-ci.yml': 'deploy:\n  script:\n    - kubectl apply -f k8s/\n' }],
    ['only the docs describe ssh + restart', { 'docs/ops.md': 'ssh admin@host\nsudo systemctl restart api\n' }],
    ['the ssh lines are commented out', { 'scripts/deploy.sh': '#!/bin/sh\n# ssh deploy@host "pm2 restart api"\n# pm2 restart api\n' }],
    ['a local restart has no remote host', { 'scripts/dev.sh': 'pm2 restart api\nrsync -a ./a ./b\n' }],
    ['a fixture holds the script', { 'fixtures/legacy/deploy.sh': DEPLOY_SH }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('deploys-manually: deploy tools run from a workstation', () => {
  const CAPFILE = "require 'capistrano/setup'\nrequire 'capistrano/deploy'\n";
  const DEPLOY_PHP = "<?php\nnamespace Deployer;\n\nrequire 'recipe/laravel.php';\n\nhost('app.example.com')->set('remote_user', 'deploy');\n";

  it('answers yes for Capistrano documented for people, citing the README', async () => {
    const r = await detect(detector, { Capfile: CAPFILE, 'README.md': '## Deploy\n\nRun `bundle exec cap production deploy` from your machine.\n' });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['Capfile:1', 'README.md:3']);
  });

  it('answers yes for a Deployer recipe', async () => {
    const r = await detect(detector, { 'deploy.php': DEPLOY_PHP, 'composer.json': '{ "require-dev": { "deployer/deployer": "^7.4" } }\n' });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['deploy.php:2']);
  });

  it.each([
    ['CI runs cap deploy on push', { Capfile: CAPFILE, '.gitlab-ci.yml': 'deploy:\n  script:\n    - bundle exec cap production deploy\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n' }],
    ['CI runs dep deploy on push', { 'deploy.php': DEPLOY_PHP, '.github/workflows/deploy.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: vendor/bin/dep deploy production\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it.each([
    ['the CI deploy job is switched off', { 'scripts/deploy.sh': DEPLOY_SH, '.github/workflows/d.yml': 'on: push\njobs:\n  d:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/deploy.sh\n' }],
    ['CI runs the deploy only for pull-request previews', { 'deploy.php': "<?php\nnamespace Deployer;\n", '.github/workflows/d.yml': 'on: pull_request\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dep deploy preview\n' }],
  ])('answers yes when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('yes');
  });
});
