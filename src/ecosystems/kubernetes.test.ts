import { describe, expect, it } from 'vitest';
import type { Match } from '../core/types.ts';
import { createRepoView } from '../repo/index.ts';
import { autoscalingValuesOutsideCharts, chartOf, chartResolver, groupBy, helmGuards, helmGuardsHold, yamlDocumentKey, yamlScalars, yamlValue } from './kubernetes.ts';

const at = (path: string, line: number, group?: string): Match => ({ path, line, text: '', groups: group === undefined ? [] : [group], excerpt: '' });

const repoOf = (files: Record<string, string>) =>
  createRepoView({
    isGit: false,
    commit: null,
    files: Object.entries(files).map(([path, text]) => ({ path, size: text.length, language: 'yaml' as const, role: 'iac' as const, lines: text.split('\n').length })),
    texts: new Map(Object.entries(files)),
    imports: [],
    history: undefined,
    warnings: [],
  });

describe('kubernetes helpers', () => {
  it('reads the scalar at a dotted path of a values file', () => {
    const values = 'autoscaling:\n  enabled: true # on in prod\n  max: "5"\nworker:\n  autoscaling:\n    enabled: false\n"quoted.key":\n  on: yes\n';
    expect(yamlValue(values, ['autoscaling', 'enabled'])).toBe('true');
    expect(yamlValue(values, ['autoscaling', 'max'])).toBe('5');
    expect(yamlValue(values, ['worker', 'autoscaling', 'enabled'])).toBe('false');
    expect(yamlValue(values, ['quoted.key', 'on'])).toBe('yes');
    expect(yamlValue(values, ['autoscaling'])).toBe('');
    expect(yamlValue(values, ['missing', 'enabled'])).toBeUndefined();
  });

  it('keys matches by the YAML document they are in', () => {
    const docOf = yamlDocumentKey([at('k8s/a.yaml', 1), at('k8s/a.yaml', 10), at('k8s/b.yaml', 4)]);
    expect([at('k8s/a.yaml', 5), at('k8s/a.yaml', 10), at('k8s/a.yaml', 12), at('k8s/b.yaml', 2), at('k8s/c.yaml', 7)].map(docOf)).toEqual([
      'k8s/a.yaml#1',
      'k8s/a.yaml#2',
      'k8s/a.yaml#2',
      'k8s/b.yaml#0',
      'k8s/c.yaml#0',
    ]);
  });

  it('keys matches by document whatever the order of the separators', () => {
    const docOf = yamlDocumentKey([at('k8s/a.yaml', 10), at('k8s/b.yaml', 4), at('k8s/a.yaml', 1), at('k8s/a.yaml', 10)]);
    expect([at('k8s/a.yaml', 0), at('k8s/a.yaml', 1), at('k8s/a.yaml', 9), at('k8s/a.yaml', 10), at('k8s/b.yaml', 5)].map(docOf)).toEqual([
      'k8s/a.yaml#0',
      'k8s/a.yaml#1',
      'k8s/a.yaml#1',
      'k8s/a.yaml#3',
      'k8s/b.yaml#1',
    ]);
  });

  it('parses every key path of a values file once, the first occurrence winning', () => {
    const scalars = yamlScalars('a:\n  b: "x"\n  b: y\nc: 1 # note\n');
    expect(scalars.get(JSON.stringify(['a', 'b']))).toBe('x');
    expect(scalars.get(JSON.stringify(['a']))).toBe('');
    expect(scalars.get(JSON.stringify(['c']))).toBe('1');
    expect(scalars.get(JSON.stringify(['b']))).toBeUndefined();
  });

  it('groups items by key, keeping their order', () => {
    expect([...groupBy([at('a', 3), at('b', 1), at('a', 2)], (m) => m.path)].map(([k, v]) => [k, v.map((m) => m.line)])).toEqual([
      ['a', [3, 2]],
      ['b', [1]],
    ]);
  });

  it('finds the nearest chart of a path, memoised per folder', () => {
    const repo = repoOf({ 'Chart.yaml': '', 'charts/api/Chart.yaml': '', 'charts/api/templates/x/hpa.yaml': '' });
    const resolve = chartResolver(repo);
    expect(resolve('charts/api/templates/x/hpa.yaml')).toBe('charts/api');
    expect(resolve('charts/api/values.yaml')).toBe('charts/api');
    expect(resolve('charts/web/values.yaml')).toBe('');
    expect(chartOf(repo, 'values.yaml')).toBe('');
    expect(chartOf(repoOf({}), 'deploy/values.yaml')).toBeUndefined();
    const noRoot = repoOf({ 'charts/api/Chart.yaml': '' });
    expect(autoscalingValuesOutsideCharts(noRoot, [at('charts/api/values.yaml', 1), at('deploy/values.yaml', 2)]).map((m) => m.path)).toEqual(['deploy/values.yaml']);
  });

  it('checks Helm guards against the chart values and values outside charts', () => {
    const repo = repoOf({
      'charts/api/Chart.yaml': '',
      'charts/api/values.yaml': 'autoscaling:\n  enabled: true\nworker:\n  enabled: false\n',
      'charts/web/Chart.yaml': '',
      'charts/web/values.yaml': 'autoscaling:\n  enabled: false\n',
      'deploy/values-prod.yaml': 'metrics:\n  enabled: yes\n',
    });
    const guards = [
      at('charts/api/templates/hpa.yaml', 1, '.Values.autoscaling.enabled'),
      at('charts/api/templates/worker.yaml', 1, 'and .Values.autoscaling.enabled .Values.worker.enabled'),
      at('charts/web/templates/hpa.yaml', 1, '.Values.autoscaling.enabled'),
      at('charts/web/templates/metrics.yaml', 1, '(.Values.metrics.enabled)'),
      at('charts/web/templates/not.yaml', 1, 'not .Values.metrics.enabled'),
      at('charts/web/templates/plain.yaml', 5, 'eq .Chart.Name "web"'),
    ];
    const hold = helmGuards(repo, guards);
    const verdicts = [
      at('charts/api/templates/hpa.yaml', 2),
      at('charts/api/templates/hpa.yaml', 1),
      at('charts/api/templates/worker.yaml', 2),
      at('charts/web/templates/hpa.yaml', 2),
      at('charts/web/templates/metrics.yaml', 2),
      at('charts/web/templates/not.yaml', 2),
      at('charts/web/templates/plain.yaml', 6),
      at('k8s/hpa.yaml', 2),
    ].map((t) => [hold(t), helmGuardsHold(repo, guards, t)]);
    expect(verdicts).toEqual([
      [true, true],
      [true, true],
      [false, false],
      [false, false],
      [true, true],
      [false, false],
      [true, true],
      [true, true],
    ]);
  });
});
