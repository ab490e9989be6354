import { describe, expect, it } from 'vitest';
import { scriptRunning, stepCommands, toolRuns, toolSteps, type CiConfig, type CiJob, type CiStep } from './ci.ts';

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
