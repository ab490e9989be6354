import { describe, expect, it } from 'vitest';
import { ciRepoOf as repoOf } from '../../test/shared/ci-repo.ts';
import { classifyStep, findSteps, readCi, runnableJobs, runsOnFailure, scriptRunning, stepCommands, toolRuns, toolSteps, type CiConfig, type CiJob, type CiStep } from './ci.ts';

const jobsOf = (ci: CiConfig) => ci.jobs.map((j) => [j.name, [...j.triggers].sort(), j.branches, j.disabled]);

const job = (steps: CiStep[], triggers: CiJob['triggers'] = ['pull_request']): CiJob => ({
  file: '.github/workflows/ci.yml',
  provider: 'github-actions',
  name: 'check',
  line: 1,
  triggers,
  branches: [],
  steps,
  disabled: false,
});

describe('CI step matching', () => {
  it('reads what a step runs: action reference and command inputs, or script commands without comments', () => {
    expect(stepCommands({ text: 'uses: a/b@v1\nscan-type: fs\npath: semgrep/', uses: 'a/b@v1', line: 3 })).toEqual(['uses: a/b@v1', 'scan-type: fs']);
    expect(stepCommands({ text: '# bandit -r .\npip install bandit && bandit -r src; echo done', line: 3 })).toEqual(['pip install bandit', 'bandit -r src', 'echo done']);
  });

  it('finds tool runs, skipping installs and steps switched off', () => {
    const ci: CiConfig = {
      jobs: [
        job([
          { text: 'pip install bandit', line: 5 },
          { text: 'pip install bandit\nbandit -r src', line: 7 },
          { text: 'bandit -r src', line: 9, condition: '${{ false }}' },
        ]),
      ],
      problems: [],
    };
    expect(toolRuns(ci, /\bbandit\b/).map((r) => [r.step.line, r.command])).toEqual([[7, 'bandit -r src']]);
  });

  it('labels steps by action rules (with required inputs) and by the first matching command', () => {
    const jobs = [
      job([
        { text: 'uses: aquasecurity/trivy-action@v1\nscan-type: fs', uses: 'aquasecurity/trivy-action@v1', line: 2 },
        { text: 'uses: aquasecurity/trivy-action@v1\nscan-type: config', uses: 'aquasecurity/trivy-action@v1', line: 4 },
        { text: 'tflint --init && terraform plan -out p', line: 6 },
        { text: 'echo tflint', line: 8 },
      ]),
    ];
    const steps = toolSteps(jobs, [[/^terraform\b.*\splan\b/, 'plan'], [/^tflint\b/, 'tflint']], [[/^aquasecurity\/trivy-action@/, /scan-type:\s*config/, 'trivy config']]);
    expect(steps.map((s) => [s.step.line, s.label, s.shown])).toEqual([
      [4, 'trivy config', 'uses: aquasecurity/trivy-action@v1'],
      [6, 'tflint', 'tflint --init'],
    ]);
  });

  it('follows package.json scripts, at most two levels deep', () => {
    const scripts = new Map([
      ['check', [{ path: 'package.json', body: 'npm run lint:spec && npm test' }]],
      ['lint:spec', [{ path: 'package.json', body: 'spectral lint openapi.yaml' }]],
      ['spectral', [{ path: 'api/package.json', body: 'spectral lint api.yaml' }]],
      ['deep', [{ path: 'package.json', body: 'npm run check' }]],
    ]);
    const spec = /\bspectral\s+lint\b/;
    expect(scriptRunning('npm run check', spec, scripts)).toEqual({ path: 'package.json', body: 'npm run lint:spec && npm test', name: 'check' });
    expect(scriptRunning('pnpm spectral', spec, scripts)?.name).toBe('spectral');
    // deep -> check -> lint:spec is one level too many.
    expect(scriptRunning('npm run deep', spec, scripts)).toBeUndefined();
    expect(scriptRunning('spectral lint openapi.yaml', spec, scripts)).toBeUndefined();
  });
});

describe('GitHub Actions job conditions and reusable workflows', () => {
  it('narrows jobs by event name, ref, tags and merged pull requests; `if: false` never runs', () => {
    const ci = readCi(repoOf({
      '.github/workflows/ci.yml': `on:
  push:
    branches: [main]
  pull_request:
    types: [opened, synchronize, closed]
  workflow_dispatch:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
  deploy:
    if: github.event_name == 'push' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install api ./chart --atomic
  on-merge:
    if: github.event.pull_request.merged == true
    runs-on: ubuntu-latest
    steps:
      - run: ./scripts/deploy.sh
  release:
    if: startsWith(github.ref, 'refs/tags/')
    runs-on: ubuntu-latest
    steps:
      - run: npm publish
  nightly:
    if: github.event_name == 'schedule'
    runs-on: ubuntu-latest
    steps:
      - run: npm audit
  off:
    if: \${{ false }}
    runs-on: ubuntu-latest
    steps:
      - run: make legacy
`,
    }));
    expect(jobsOf(ci)).toEqual([
      ['test', ['manual', 'pull_request', 'push'], ['main'], false],
      ['deploy', ['push'], ['main'], false],
      ['on-merge', ['push'], ['main'], false],
      // Pushes filtered to branches never carry a tag.
      ['release', [], ['main'], true],
      ['nightly', [], ['main'], true],
      ['off', ['manual', 'pull_request', 'push'], ['main'], true],
    ]);
  });

  it('gives reusable workflows the triggers of their callers, and none when nobody calls them', () => {
    const ci = readCi(repoOf({
      '.github/workflows/main.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  ship:\n    uses: ./.github/workflows/deploy.yml\n    secrets: inherit\n',
      '.github/workflows/deploy.yml': 'on:\n  workflow_call:\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -f k8s/\n  promote:\n    uses: ./.github/workflows/promote.yml\n',
      '.github/workflows/promote.yml': 'on: workflow_call\njobs:\n  promote:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./promote.sh\n',
      '.github/workflows/orphan.yml': 'on:\n  workflow_call:\n    inputs:\n      env: { type: string }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -f old/\n',
      '.github/workflows/both.yml': 'on: [workflow_call, workflow_dispatch]\njobs:\n  db:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./migrate.sh\n',
    }));
    expect(ci.jobs.map((j) => [j.file.slice(18), j.name, [...j.triggers].sort(), j.branches, j.disabled]).sort((a, b) => String(a).localeCompare(String(b)))).toEqual([
      ['both.yml', 'db', ['manual'], [], false],
      ['deploy.yml', 'deploy', ['push'], ['main'], false],
      ['deploy.yml', 'promote', ['push'], ['main'], false],
      ['main.yml', 'ship', ['push'], ['main'], false],
      ['orphan.yml', 'deploy', [], [], true],
      ['promote.yml', 'promote', ['push'], ['main'], false],
    ]);
    expect(findSteps(ci, /kubectl apply/).map((r) => r.job.file)).toEqual(['.github/workflows/deploy.yml']);
  });
});

describe('GitLab CI rules, only/except and templates', () => {
  it('evaluates rules (first match wins, when: never/manual), only/except, workflow rules and extends with !reference', () => {
    const ci = readCi(repoOf({
      '.gitlab-ci.yml': `workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "web"
      when: never
    - when: always

.deploy:
  image: alpine/helm
  before_script:
    - helm repo update
  script:
    - helm upgrade --install api ./chart --atomic

.setup:
  script:
    - npm ci

test:
  script:
    - !reference [.setup, script]
    - npm test
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

deploy_prod:
  extends: .deploy
  rules:
    - if: $CI_COMMIT_BRANCH == "main"

deploy_manual:
  extends: .deploy
  rules:
    - if: $CI_COMMIT_TAG
      when: manual

never_job:
  script: [make legacy]
  rules:
    - when: never

old_style:
  script: [make release]
  only: [tags]

no_schedules:
  script: [make lint]
  except: [schedules, tags]

rollback:
  stage: .post
  when: on_failure
  script:
    - helm rollback api
`,
    }));
    expect(jobsOf(ci)).toEqual([
      ['test', ['pull_request', 'push'], [], false],
      ['deploy_prod', ['push'], ['main'], false],
      ['deploy_manual', ['manual'], [], false],
      ['never_job', [], [], true],
      ['old_style', ['tag'], [], false],
      ['no_schedules', ['pull_request', 'push'], [], false],
      ['rollback', ['pull_request', 'push'], [], false],
    ]);
    const job = (n: string) => ci.jobs.find((j) => j.name === n)!;
    expect(job('test').steps.map((s) => [s.line, s.text])).toEqual([[16, 'npm ci'], [21, 'npm test']]);
    expect(job('deploy_prod').steps.map((s) => [s.line, s.text])).toEqual([[10, 'helm repo update'], [12, 'helm upgrade --install api ./chart --atomic']]);
    expect(runsOnFailure(job('rollback'), job('rollback').steps[0]!)).toBe(true);
  });

  it('reads `$CI_COMMIT_TAG == null` as a branch pipeline, not a tag', () => {
    const ci = readCi(repoOf({ '.gitlab-ci.yml': 'deploy:\n  script: [./deploy.sh]\n  rules:\n    - if: $CI_COMMIT_TAG == null && $CI_COMMIT_BRANCH == "main"\n' }));
    expect(jobsOf(ci)).toEqual([['deploy', ['push'], ['main'], false]]);
  });

  it('creates no pipeline when every workflow rule says never', () => {
    const ci = readCi(repoOf({ '.gitlab-ci.yml': 'workflow:\n  rules:\n    - when: never\nbuild:\n  script: [make]\n' }));
    expect(jobsOf(ci)).toEqual([['build', [], [], true]]);
  });
});

describe('step classification', () => {
  it.each([
    ['npm ci && npm test -- --ci', ['test']],
    ['./gradlew build', ['build']],
    ['mvn -B verify', ['test', 'build']],
    ['poetry run pytest -q', ['test']],
    ['go vet ./... && golangci-lint run', ['lint']],
    ['bundle exec rspec && bundle exec rubocop', ['test', 'lint']],
    ['vendor/bin/phpunit', ['test']],
    ['dotnet test --no-build', ['test']],
    ['docker build -t api . && docker push api', ['build']],
    ['trivy image api:latest', ['scan']],
    ['helm upgrade --install api ./chart --atomic --timeout 5m', ['deploy', 'rollback']],
    ['kubectl rollout undo deployment/api', ['rollback']],
    ['echo "npm test"', []],
  ])('%s', (text, kinds) => {
    expect(classifyStep({ text, line: 1 })).toEqual(['build', 'test', 'lint', 'scan', 'deploy', 'rollback'].filter((k) => kinds.includes(k)));
  });

  it('classifies actions, orbs and tasks by reference and inputs', () => {
    expect(classifyStep({ text: 'uses: docker/build-push-action@v6\npush: true', uses: 'docker/build-push-action@v6', line: 1 })).toEqual(['build']);
    expect(classifyStep({ text: 'uses: github/codeql-action/analyze@v3', uses: 'github/codeql-action/analyze@v3', line: 1 })).toEqual(['scan']);
    expect(classifyStep({ text: 'uses: DotNetCoreCLI@2\ncommand: test', uses: 'DotNetCoreCLI@2', line: 1 })).toEqual(['test']);
    expect(classifyStep({ text: 'uses: actions/checkout@v4', uses: 'actions/checkout@v4', line: 1 })).toEqual([]);
  });

  it('sets kinds on every step readCi returns, and runnableJobs leaves out what cannot run', () => {
    const ci = readCi(repoOf({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm test\n      - if: false\n        run: npm run build\n  b:\n    if: false\n    runs-on: x\n    steps:\n      - run: make\n',
    }));
    expect(ci.jobs[0]!.steps.map((s) => s.kinds)).toEqual([['test'], ['build']]);
    expect(runnableJobs(ci).map((j) => [j.name, j.steps.map((s) => s.text)])).toEqual([['a', ['npm test']]]);
    expect(runnableJobs(ci, ['pull_request'])).toEqual([]);
  });
});
