import { describe, expect, it } from 'vitest';
import { ciRepoOf as repoOf } from '../../test/shared/ci-repo.ts';
import { findSteps, readCi, toolRuns, type CiJob } from './ci.ts';
import { readAzure, readBitbucket, readBuildkite, readCircleci, readJenkinsfile } from './ci-providers.ts';

/** The parts of jobs a test asserts on. */
const summary = (jobs: CiJob[]) => jobs.map((j) => ({ name: j.name, line: j.line, triggers: [...j.triggers].sort(), branches: j.branches, disabled: j.disabled }));
const stepsOf = (jobs: CiJob[], name: string) => jobs.find((j) => j.name === name)?.steps.map((s) => [s.line, s.uses ?? s.text]);

const CIRCLECI = `version: 2.1
orbs:
  node: circleci/node@5.1.0
jobs:
  test:
    docker:
      - image: cimg/node:20.11
    steps:
      - checkout
      - node/install-packages:
          pkg-manager: npm
      - run: npm run lint
      - run:
          name: Unit tests
          command: npm test -- --ci
      - when:
          condition: false
          steps:
            - run: npm run e2e
  deploy:
    docker:
      - image: cimg/base:stable
    steps:
      - checkout
      - run: ./scripts/deploy.sh production
  nightly-audit:
    docker:
      - image: cimg/node:20.11
    steps:
      - run: npm audit --audit-level=high
  legacy-lint:
    docker:
      - image: cimg/node:20.11
    steps:
      - run: npx eslint .
workflows:
  build-and-deploy:
    jobs:
      - test
      - deploy:
          requires: [test]
          filters:
            branches:
              only: main
      - node/test:
          version: '20.11'
  release:
    jobs:
      - deploy:
          filters:
            branches:
              ignore: /.*/
            tags:
              only: /^v.*/
  nightly:
    triggers:
      - schedule:
          cron: "0 3 * * *"
          filters:
            branches:
              only: [main]
    jobs:
      - nightly-audit
`;

const JENKINSFILE = `// Declarative pipeline for the API service
pipeline {
    agent { docker { image 'maven:3.9-eclipse-temurin-17' } }
    triggers {
        cron('H 2 * * *')
    }
    options { timeout(time: 30, unit: 'MINUTES') }
    stages {
        stage('Build') {
            steps {
                sh 'mvn -B -DskipTests clean package'
            }
        }
        stage('Test') {
            parallel {
                stage('Unit') {
                    steps {
                        sh "mvn -B test -Dgroups=\\"unit\\""
                    }
                }
                stage('Windows') {
                    agent { label 'windows' }
                    steps {
                        bat 'mvnw.cmd verify'
                        powershell(script: '''
                            Get-ChildItem target
                        ''')
                    }
                }
            }
        }
        stage('Deploy') {
            when { branch 'main' }
            steps {
                script {
                    /* sh 'echo skipped' inside a comment */
                    sh """
                        ./deploy.sh \${env.BUILD_NUMBER}
                    """
                }
            }
        }
        stage('Release') {
            when { buildingTag() }
            steps { sh label: 'publish', script: 'mvn -B deploy' }
        }
        stage('Legacy') {
            when { expression { return false } }
            steps { sh 'make legacy' }
        }
    }
    post { always { junit 'target/surefire-reports/*.xml' } }
}
`;

const AZURE = `trigger:
  branches:
    include:
      - main
      - release/*
pr:
  branches:
    include: ['*']
schedules:
  - cron: "0 0 * * *"
    displayName: Nightly
    branches:
      include: [main]
stages:
  - stage: Build
    jobs:
      - job: Test
        pool:
          vmImage: ubuntu-latest
        steps:
          - checkout: self
          - task: NodeTool@0
            inputs:
              versionSpec: '20.x'
          - script: |
              npm ci
              npm test
            displayName: Run tests
          - bash: npx eslint .
            enabled: false
      - job: Windows
        condition: false
        pool:
          vmImage: windows-latest
        steps:
          - pwsh: ./build.ps1
  - stage: Deploy
    dependsOn: Build
    condition: and(succeeded(), eq(variables['Build.SourceBranch'], 'refs/heads/main'))
    jobs:
      - deployment: Production
        environment: prod
        strategy:
          runOnce:
            deploy:
              steps:
                - task: AzureWebApp@1
                  inputs:
                    appName: my-app
                - powershell: Write-Host done
`;

const BITBUCKET = `image: node:20

definitions:
  steps:
    - step: &test
        name: Test
        caches: [node]
        script:
          - npm ci
          - npm test

pipelines:
  default:
    - step: *test
  branches:
    main:
      - step: *test
      - step:
          name: Deploy to production
          deployment: production
          trigger: manual
          script:
            - pipe: atlassian/aws-s3-deploy:1.1.0
              variables:
                S3_BUCKET: my-bucket
    'release/*':
      - parallel:
          - step:
              name: Lint
              script:
                - npm run lint
          - step:
              name: Audit
              script:
                - npm audit
  pull-requests:
    '**':
      - step:
          name: PR checks
          script:
            - npm ci
            - npm run test:ci
  tags:
    'v*':
      - step:
          name: Publish
          script:
            - npm publish
  custom:
    reindex:
      - step:
          script:
            - ./scripts/reindex.sh
`;

const BUILDKITE = `env:
  NODE_ENV: test
steps:
  - label: ":eslint: Lint"
    command: npm run lint
    plugins:
      - docker#v5.9.0:
          image: node:20
  - label: ":jest: Tests"
    commands:
      - npm ci
      - npm test
  - wait
  - block: ":rocket: Release?"
    branches: main
  - label: ":rocket: Deploy"
    command: ./deploy.sh
    branches: "main release/*"
  - label: ":package: Publish"
    command: npm publish
    if: build.tag != null
  - label: ":mag: PR preview"
    command: ./preview.sh
    if: build.pull_request.id != null
  - label: "Old flaky suite"
    command: npm run test:flaky
    skip: "Flaky, see #123"
  - group: ":hammer: Nightly"
    if: build.source == "schedule"
    steps:
      - label: Audit
        command: npm audit
`;

describe('CircleCI reader', () => {
  const jobs = readCircleci('.circleci/config.yml', CIRCLECI);

  it('triggers jobs from workflows: branch and tag filters, schedules, jobs in no workflow disabled', () => {
    expect(summary(jobs)).toEqual([
      { name: 'test', line: 5, triggers: ['pull_request', 'push'], branches: [], disabled: false },
      { name: 'deploy', line: 20, triggers: ['push', 'tag'], branches: ['main'], disabled: false },
      { name: 'nightly-audit', line: 26, triggers: ['schedule'], branches: ['main'], disabled: false },
      { name: 'legacy-lint', line: 31, triggers: [], branches: [], disabled: true },
      { name: 'node/test', line: 45, triggers: ['pull_request', 'push'], branches: [], disabled: false },
    ]);
  });

  it('reads run steps (string and command), named steps and orb commands, dropping `when: false` steps', () => {
    expect(stepsOf(jobs, 'test')).toEqual([
      [9, 'checkout'],
      [10, 'node/install-packages'],
      [12, 'npm run lint'],
      [15, 'npm test -- --ci'],
    ]);
    expect(jobs[0]!.steps[1]!.text).toBe('uses: node/install-packages\npkg-manager: npm');
    expect(stepsOf(jobs, 'node/test')).toEqual([[45, 'node/test']]);
  });

  it('runs the `build` job on push when there are no workflows (CircleCI 2.0)', () => {
    const legacy = readCircleci('.circleci/config.yml', 'version: 2\njobs:\n  build:\n    steps:\n      - run: make test\n  other:\n    steps:\n      - run: make other\n');
    expect(summary(legacy).map((j) => [j.name, j.triggers, j.disabled])).toEqual([
      ['build', ['pull_request', 'push'], false],
      ['other', [], true],
    ]);
  });

  it('rejects malformed configs', () => {
    expect(() => readCircleci('.circleci/config.yml', 'jobs:\n  - test\n')).toThrow(/`jobs` is not a mapping/);
    expect(() => readCircleci('.circleci/config.yml', 'jobs: [test\n')).toThrow();
  });
});

describe('Jenkinsfile reader', () => {
  const jobs = readJenkinsfile('Jenkinsfile', JENKINSFILE);

  it('makes one job per stage with steps, with when-branch, tag and expression conditions', () => {
    expect(summary(jobs)).toEqual([
      { name: 'Build', line: 9, triggers: ['pull_request', 'push', 'schedule'], branches: [], disabled: false },
      { name: 'Unit', line: 16, triggers: ['pull_request', 'push', 'schedule'], branches: [], disabled: false },
      { name: 'Windows', line: 21, triggers: ['pull_request', 'push', 'schedule'], branches: [], disabled: false },
      { name: 'Deploy', line: 32, triggers: ['push'], branches: ['main'], disabled: false },
      { name: 'Release', line: 43, triggers: ['tag'], branches: [], disabled: false },
      { name: 'Legacy', line: 47, triggers: ['pull_request', 'push', 'schedule'], branches: [], disabled: true },
    ]);
    expect(jobs.find((j) => j.name === 'Deploy')?.condition).toBe("when { branch 'main' }");
  });

  it('reads sh, bat and powershell in single, double and triple quotes, skipping comments', () => {
    expect(stepsOf(jobs, 'Build')).toEqual([[11, 'mvn -B -DskipTests clean package']]);
    expect(stepsOf(jobs, 'Unit')).toEqual([[18, 'mvn -B test -Dgroups="unit"']]);
    expect(stepsOf(jobs, 'Windows')).toEqual([[24, 'mvnw.cmd verify'], [25, 'Get-ChildItem target']]);
    expect(stepsOf(jobs, 'Deploy')).toEqual([[37, './deploy.sh ${env.BUILD_NUMBER}']]);
    expect(stepsOf(jobs, 'Release')).toEqual([[45, 'mvn -B deploy']]);
  });

  it('reads `tag`, `changeRequest()` and nested `when` of enclosing stages', () => {
    const text = "pipeline {\n  agent any\n  stages {\n    stage('PR') {\n      when { changeRequest() }\n      steps { sh 'make lint' }\n    }\n    stage('Ship') {\n      when { tag pattern: 'v\\\\d+', comparator: 'REGEXP' }\n      stages {\n        stage('Push') { steps { sh 'make push' } }\n      }\n    }\n  }\n}\n";
    expect(summary(readJenkinsfile('Jenkinsfile', text))).toEqual([
      { name: 'PR', line: 4, triggers: ['pull_request'], branches: [], disabled: false },
      { name: 'Push', line: 11, triggers: ['tag'], branches: [], disabled: false },
    ]);
  });

  it('reads a scripted pipeline as one job with each shell call a step', () => {
    const scripted = "node('linux') {\n  stage('Checkout') { checkout scm }\n  stage('Test') {\n    sh './gradlew test'\n    // sh 'not this'\n  }\n}\n";
    expect(readJenkinsfile('Jenkinsfile', scripted).map((j) => [j.name, j.steps])).toEqual([['Jenkinsfile', [{ text: './gradlew test', line: 4 }]]]);
  });

  it('rejects unbalanced braces and unterminated strings', () => {
    expect(() => readJenkinsfile('Jenkinsfile', "pipeline {\n  stages {\n    stage('a') { steps { sh 'make' } }\n")).toThrow(/unclosed \{ of stages at line 2/);
    expect(() => readJenkinsfile('Jenkinsfile', "pipeline { stages { stage('a') { steps { sh 'make } } } }\n")).toThrow(/unterminated string at line 1/);
  });
});

describe('Azure Pipelines reader', () => {
  const jobs = readAzure('azure-pipelines.yml', AZURE);

  it('reads trigger, pr and schedules, and the jobs of every stage with their conditions', () => {
    expect(summary(jobs)).toEqual([
      { name: 'Test', line: 17, triggers: ['pull_request', 'push', 'schedule'], branches: ['main', 'release/*'], disabled: false },
      { name: 'Windows', line: 31, triggers: ['pull_request', 'push', 'schedule'], branches: ['main', 'release/*'], disabled: true },
      // The stage runs only for builds of main: not for pull requests.
      { name: 'Production', line: 41, triggers: ['push', 'schedule'], branches: ['main'], disabled: false },
    ]);
    expect(jobs[2]!.condition).toMatch(/refs\/heads\/main/);
  });

  it('reads script, bash, pwsh and powershell steps and tasks as uses, with deployment strategies', () => {
    expect(stepsOf(jobs, 'Test')).toEqual([[22, 'NodeTool@0'], [25, 'npm ci\nnpm test\n'], [29, 'npx eslint .']]);
    expect(jobs[0]!.steps[0]!.text).toBe("uses: NodeTool@0\nversionSpec: 20.x");
    expect(jobs[0]!.steps[2]!.condition).toBe('false');
    expect(stepsOf(jobs, 'Production')).toEqual([[47, 'AzureWebApp@1'], [50, 'Write-Host done']]);
  });

  it('reads `trigger: none` with `pr: none` as queued by hand, and top-level steps as one job', () => {
    const manual = readAzure('azure-pipelines.yml', 'trigger: none\npr: none\npool:\n  vmImage: ubuntu-latest\nsteps:\n  - script: make release\n');
    expect(summary(manual)).toEqual([{ name: 'Job', line: 6, triggers: ['manual'], branches: [], disabled: false }]);
    expect(stepsOf(manual, 'Job')).toEqual([[6, 'make release']]);
    const list = readAzure('azure-pipelines.yml', 'trigger:\n  - main\njobs:\n  - job: Build\n    steps:\n      - bash: make\n');
    expect(summary(list)).toEqual([{ name: 'Build', line: 4, triggers: ['pull_request', 'push'], branches: ['main'], disabled: false }]);
  });

  it('rejects malformed pipelines', () => {
    expect(() => readAzure('azure-pipelines.yml', 'jobs:\n  job: Build\n')).toThrow(/`jobs` is not a list/);
    expect(() => readAzure('azure-pipelines.yml', '- script: make\n')).toThrow(/not a mapping/);
  });
});

describe('Bitbucket Pipelines reader', () => {
  const jobs = readBitbucket('bitbucket-pipelines.yml', BITBUCKET);

  it('reads default, branch, pull-request, tag and custom pipelines, parallel steps and anchors', () => {
    expect(summary(jobs)).toEqual([
      { name: 'Test', line: 14, triggers: ['push'], branches: [], disabled: false },
      { name: 'Test', line: 17, triggers: ['push'], branches: ['main'], disabled: false },
      { name: 'Deploy to production', line: 18, triggers: ['manual'], branches: ['main'], disabled: false },
      { name: 'Lint', line: 28, triggers: ['push'], branches: ['release/*'], disabled: false },
      { name: 'Audit', line: 32, triggers: ['push'], branches: ['release/*'], disabled: false },
      { name: 'PR checks', line: 38, triggers: ['pull_request'], branches: [], disabled: false },
      { name: 'Publish', line: 45, triggers: ['tag'], branches: [], disabled: false },
      { name: 'custom reindex step 1', line: 51, triggers: ['manual'], branches: [], disabled: false },
    ]);
  });

  it('reads script lines and pipes as uses', () => {
    expect(stepsOf(jobs, 'Test')).toEqual([[9, 'npm ci'], [10, 'npm test']]);
    expect(stepsOf(jobs, 'Deploy to production')).toEqual([[23, 'atlassian/aws-s3-deploy:1.1.0']]);
    expect(jobs[2]!.steps[0]!.text).toBe('uses: atlassian/aws-s3-deploy:1.1.0\nS3_BUCKET: my-bucket');
    expect(stepsOf(jobs, 'PR checks')).toEqual([[41, 'npm ci'], [42, 'npm run test:ci']]);
  });

  it('rejects files without pipelines or with a pipeline that is not a list', () => {
    expect(() => readBitbucket('bitbucket-pipelines.yml', 'image: node:20\n')).toThrow(/no `pipelines` section/);
    expect(() => readBitbucket('bitbucket-pipelines.yml', 'pipelines:\n  default:\n    step:\n      script: [make]\n')).toThrow(/`default` is not a list/);
  });
});

describe('Buildkite reader', () => {
  const jobs = readBuildkite('.buildkite/pipeline.yml', BUILDKITE);

  it('reads command steps with branches and if conditions, skipping wait and block steps', () => {
    expect(summary(jobs)).toEqual([
      { name: ':eslint: Lint', line: 4, triggers: ['pull_request', 'push'], branches: [], disabled: false },
      { name: ':jest: Tests', line: 9, triggers: ['pull_request', 'push'], branches: [], disabled: false },
      { name: ':rocket: Deploy', line: 16, triggers: ['push'], branches: ['main', 'release/*'], disabled: false },
      { name: ':package: Publish', line: 19, triggers: ['tag'], branches: [], disabled: false },
      { name: ':mag: PR preview', line: 22, triggers: ['pull_request'], branches: [], disabled: false },
      { name: 'Old flaky suite', line: 25, triggers: ['pull_request', 'push'], branches: [], disabled: true },
      { name: 'Audit', line: 31, triggers: ['schedule'], branches: [], disabled: false },
    ]);
  });

  it('reads command and commands lines, and plugins as uses', () => {
    expect(stepsOf(jobs, ':eslint: Lint')).toEqual([[7, 'docker#v5.9.0'], [5, 'npm run lint']]);
    expect(jobs[0]!.steps[0]!.text).toBe('uses: docker#v5.9.0\nimage: node:20');
    expect(stepsOf(jobs, ':jest: Tests')).toEqual([[11, 'npm ci'], [12, 'npm test']]);
  });

  it('rejects steps that are not a list', () => {
    expect(() => readBuildkite('.buildkite/pipeline.yml', 'steps:\n  command: make\n')).toThrow(/`steps` is not a list/);
  });
});

describe('readCi dispatch', () => {
  it('uses the structured readers, so steps of jobs that never run are not found', () => {
    const ci = readCi(repoOf({ '.circleci/config.yml': CIRCLECI, Jenkinsfile: JENKINSFILE, 'azure-pipelines.yml': AZURE, 'bitbucket-pipelines.yml': BITBUCKET, '.buildkite/pipeline.yml': BUILDKITE }));
    expect(ci.problems).toEqual([]);
    expect(new Set(ci.jobs.map((j) => j.provider))).toEqual(new Set(['circleci', 'jenkins', 'azure-pipelines', 'bitbucket', 'buildkite']));
    // legacy-lint (no workflow) and the Azure step with `enabled: false` are not runs of eslint.
    expect(toolRuns(ci, /\beslint\b/).map((r) => `${r.job.file}:${r.step.line}`)).toEqual([]);
    expect(findSteps(ci, /make legacy|npm run e2e|test:flaky/)).toEqual([]);
    expect(findSteps(ci, /\bnpm test\b/, ['pull_request']).map((r) => `${r.job.file}:${r.step.line}`)).toEqual([
      '.circleci/config.yml:15',
      'azure-pipelines.yml:25',
      '.buildkite/pipeline.yml:12',
    ]);
  });

  it('records malformed files of every provider as problems instead of throwing', () => {
    const ci = readCi(repoOf({
      '.circleci/config.yml': 'jobs: [test\n',
      Jenkinsfile: "pipeline { stages { stage('a') {\n",
      'azure-pipelines.yml': 'steps: make\n',
      'bitbucket-pipelines.yml': 'image: node\n',
      '.buildkite/pipeline.yml': 'steps: {}\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    steps:\n      - run: make\n',
    }));
    expect(ci.problems.map((p) => p.file).sort()).toEqual(['.buildkite/pipeline.yml', '.circleci/config.yml', 'Jenkinsfile', 'azure-pipelines.yml', 'bitbucket-pipelines.yml']);
    expect(ci.problems.every((p) => p.message.length > 0 && !p.message.includes('\n'))).toBe(true);
    expect(ci.jobs.map((j) => j.provider)).toEqual(['github-actions']);
  });

  it('keeps the line reader for Travis', () => {
    const ci = readCi(repoOf({ '.travis.yml': 'language: node_js\nscript:\n  - npm test\n' }));
    expect(ci.jobs.map((j) => [j.provider, j.triggers, j.steps.length])).toEqual([['travis', ['push', 'pull_request'], 3]]);
  });
});

describe('CircleCI workflow conditions', () => {
  it('reads approval gates, expression filters, pipeline parameters and scheduled pipelines', () => {
    const config = `version: 2.1
parameters:
  run-release:
    type: boolean
    default: false
jobs:
  test:
    steps:
      - run: npm test
  deploy:
    steps:
      - run: ./deploy.sh
      - run:
          command: kubectl rollout undo deployment/api
          when: on_fail
  publish:
    steps:
      - run: npm publish
  audit:
    steps:
      - run: npm audit
  canary:
    steps:
      - run: ./canary.sh
workflows:
  main:
    jobs:
      - test
      - hold:
          type: approval
          requires: [test]
      - deploy:
          requires: [hold]
          filters: pipeline.git.branch == "main"
  release:
    when: << pipeline.parameters.run-release >>
    jobs:
      - publish
  nightly:
    when:
      equal: [ scheduled_pipeline, << pipeline.trigger_source >> ]
    jobs:
      - audit
  off:
    when: false
    jobs:
      - canary
`;
    const jobs = readCircleci('.circleci/config.yml', config);
    expect(summary(jobs).map((j) => [j.name, j.triggers, j.branches, j.disabled])).toEqual([
      ['test', ['pull_request', 'push'], [], false],
      ['deploy', ['manual'], ['main'], false],
      ['publish', ['manual'], [], false],
      ['audit', ['schedule'], [], false],
      ['canary', [], [], true],
    ]);
    expect(jobs.find((j) => j.name === 'deploy')!.steps[1]).toMatchObject({ text: 'kubectl rollout undo deployment/api', condition: 'on_fail' });
  });

  it('keeps scheduled pipelines out of a workflow guarded by `not: equal: [scheduled_pipeline, ...]`', () => {
    const config = 'version: 2.1\njobs:\n  build:\n    steps:\n      - run: make\nworkflows:\n  ci:\n    when:\n      not:\n        equal: [ scheduled_pipeline, << pipeline.trigger_source >> ]\n    jobs:\n      - build:\n          filters:\n            branches:\n              only: [main]\n';
    expect(summary(readCircleci('.circleci/config.yml', config)).map((j) => [j.name, j.triggers, j.branches])).toEqual([['build', ['push'], ['main']]]);
  });
});

describe('Jenkinsfile manual stages and failure handlers', () => {
  it('reads input directives and steps, parameter-driven stages and triggeredBy causes as started by hand', () => {
    const text = `pipeline {
  agent any
  parameters { booleanParam(name: 'DEPLOY', defaultValue: false) }
  stages {
    stage('Build') { steps { sh './gradlew build' } }
    stage('Approve and ship') {
      when { branch 'main' }
      input { message 'Ship it?' }
      steps { sh './deploy.sh prod' }
    }
    stage('Ship by step') {
      steps {
        input message: 'Deploy?'
        sh './deploy.sh staging'
      }
    }
    stage('Param deploy') {
      when { expression { return params.DEPLOY } }
      steps { sh 'helm upgrade api ./chart' }
    }
    stage('By user') {
      when { triggeredBy cause: 'UserIdCause' }
      steps { sh 'make release' }
    }
  }
  post {
    failure { sh 'kubectl rollout undo deployment/api' }
    always { junit 'build/test-results/**/*.xml' }
  }
}
`;
    const jobs = readJenkinsfile('Jenkinsfile', text);
    expect(summary(jobs).map((j) => [j.name, j.triggers, j.branches])).toEqual([
      ['Build', ['pull_request', 'push'], []],
      ['Approve and ship', ['manual'], ['main']],
      ['Ship by step', ['manual'], []],
      ['Param deploy', ['manual'], []],
      ['By user', ['manual'], []],
      ['pipeline post failure', ['pull_request', 'push'], []],
    ]);
    expect(jobs[5]).toMatchObject({ condition: 'post { failure }', line: 27 });
    expect(stepsOf(jobs, 'pipeline post failure')).toEqual([[27, 'kubectl rollout undo deployment/api']]);
  });
});

describe('Azure template expressions and conditions', () => {
  it('expands ${{ if }} entries, drops ${{ if false }}, and narrows jobs by Build.Reason, Build.SourceBranch and parameters', () => {
    const text = `trigger:
  branches:
    include: [main]
  tags:
    include: ['v*']
pr:
  branches:
    include: ['*']
parameters:
  - name: runRelease
    type: boolean
    default: false
stages:
  - stage: Build
    jobs:
      - job: Build
        steps:
          - script: dotnet build
          - \${{ if eq(variables['Build.Reason'], 'PullRequest') }}:
              - script: dotnet test
          - \${{ if false }}:
              - script: ./never.sh
  - \${{ if ne(variables['Build.Reason'], 'PullRequest') }}:
      - stage: Deploy
        jobs:
          - deployment: Prod
            environment: prod
            strategy:
              runOnce:
                deploy:
                  steps:
                    - script: az webapp deploy --name api --src-path app.zip
                on:
                  failure:
                    steps:
                      - script: az webapp deployment slot swap --name api --slot staging
  - stage: Tags
    condition: startsWith(variables['Build.SourceBranch'], 'refs/tags/')
    jobs:
      - job: Publish
        steps:
          - script: dotnet nuget push
  - stage: Release
    condition: eq(parameters.runRelease, true)
    jobs:
      - job: Release
        steps:
          - script: ./release.sh
  - stage: Nightly
    condition: eq(variables['Build.Reason'], 'Schedule')
    jobs:
      - job: Nightly
        steps:
          - script: ./nightly.sh
`;
    const jobs = readAzure('azure-pipelines.yml', text);
    expect(summary(jobs).map((j) => [j.name, j.triggers, j.branches, j.disabled])).toEqual([
      ['Build', ['pull_request', 'push', 'tag'], ['main'], false],
      ['Prod', ['push', 'tag'], ['main'], false],
      ['Publish', ['tag'], ['main'], false],
      ['Release', ['manual'], ['main'], false],
      ['Nightly', [], ['main'], true],
    ]);
    expect(jobs[0]!.steps.map((s) => [s.line, s.text, s.condition])).toEqual([
      [18, 'dotnet build', undefined],
      [20, 'dotnet test', "eq(variables['Build.Reason'], 'PullRequest')"],
    ]);
    expect(jobs[1]!.steps.map((s) => [s.text, s.condition])).toEqual([
      ['az webapp deploy --name api --src-path app.zip', undefined],
      ['az webapp deployment slot swap --name api --slot staging', 'failed()'],
    ]);
  });
});

describe('Bitbucket changeset conditions', () => {
  it('reads includePaths as the condition, and an empty list as a step that never runs', () => {
    const text = `pipelines:
  branches:
    main:
      - step:
          name: Deploy API
          condition:
            changesets:
              includePaths: ["api/**", "Dockerfile"]
          script:
            - ./deploy.sh
      - step:
          name: Never
          condition:
            changesets:
              includePaths: []
          script:
            - ./never.sh
`;
    const jobs = readBitbucket('bitbucket-pipelines.yml', text);
    expect(jobs.map((j) => [j.name, j.condition, j.disabled])).toEqual([
      ['Deploy API', 'changesets.includePaths: api/**, Dockerfile', false],
      ['Never', 'changesets.includePaths: ', true],
    ]);
  });
});

describe('Buildkite dynamic pipelines and block steps', () => {
  it('gives uploaded pipelines the triggers of the step that uploads them; steps after a block are started by hand', () => {
    const ci = readCi(repoOf({
      '.buildkite/pipeline.yml': `steps:
  - label: Test
    command: npm test
  - label: Upload deploy
    command: buildkite-agent pipeline upload .buildkite/deploy.yml
    branches: main
  - label: Upload old
    command: buildkite-agent pipeline upload .buildkite/old.yml
    skip: true
  - label: Generated
    command: ./gen.sh | buildkite-agent pipeline upload
`,
      '.buildkite/deploy.yml': `steps:
  - label: Deploy
    command: helm upgrade --install api ./chart --atomic
  - block: Promote?
  - label: Promote
    command: ./promote.sh
`,
      '.buildkite/old.yml': 'steps:\n  - label: Old deploy\n    command: ./old-deploy.sh\n',
    }));
    expect(summary(ci.jobs).map((j) => [j.name, j.triggers, j.branches, j.disabled])).toEqual([
      ['Test', ['pull_request', 'push'], [], false],
      ['Upload deploy', ['push'], ['main'], false],
      ['Upload old', ['pull_request', 'push'], [], true],
      ['Generated', ['pull_request', 'push'], [], false],
      ['Deploy', ['push'], ['main'], false],
      ['Promote', ['manual'], ['main'], false],
      ['Old deploy', [], [], true],
    ]);
  });
});
