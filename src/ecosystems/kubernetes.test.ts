import { describe, expect, it } from 'vitest';
import type { Match } from '../core/types.ts';
import { yamlDocumentKey, yamlValue } from './kubernetes.ts';

const at = (path: string, line: number): Match => ({ path, line, text: '', groups: [], excerpt: '' });

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
});
