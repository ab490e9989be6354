import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const openslo = `apiVersion: openslo/v1
kind: Service
metadata:
  name: checkout
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  objectives:
    - target: 0.999
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-latency
`;

const sloth = `version: "prometheus/v1"
service: "api"
slos:
  - name: "requests-availability"
    objective: 99.9
  - name: "requests-latency"
    objective: 99
`;

describe('defines-slos', () => {
  it.each([
    ['OpenSLO documents (Service and SLI kinds are not SLOs)', { 'slo/checkout.yaml': openslo }, ['slo/checkout.yaml:7', 'slo/checkout.yaml:15'], 2],
    ['a Sloth spec with two objectives', { 'monitoring/sloth/api.yml': sloth }, ['monitoring/sloth/api.yml:5', 'monitoring/sloth/api.yml:7'], 2],
    ['a Pyrra CRD', { 'k8s/slo.yaml': 'apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  name: api\nspec:\n  target: "99.5"\n' }, ['k8s/slo.yaml:2'], 1],
    ['terraform SLO resources', {
      'infra/slo.tf': 'resource "google_monitoring_slo" "api" {\n  goal = 0.999\n}\n\nresource "datadog_service_level_objective" "web" {\n  name = "web"\n}\n',
    }, ['infra/slo.tf:1', 'infra/slo.tf:5'], 2],
  ])('answers yes for %s', async (_c, files, locs, n) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures).toEqual({ slos: { value: n, unit: 'objectives' } });
  });

  it.each([
    ['only docs describe SLOs', { 'docs/slo.md': 'apiVersion: openslo/v1\nkind: SLO\n' }],
    ['a fixture holds an SLO', { 'test/fixtures/slo.yaml': 'apiVersion: openslo/v1\nkind: SLO\n' }],
    ['an SLO document is commented out', { 'slo.yaml': '# apiVersion: openslo/v1\n# kind: SLO\n' }],
    ['a yaml has kind SLO but no SLO api', { 'x.yaml': 'apiVersion: v1\nkind: SLO\n' }],
    ['a commented-out terraform resource', { 'infra/slo.tf': '# resource "google_monitoring_slo" "api" {}\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['slos']?.value).toBe(0);
  });
});
