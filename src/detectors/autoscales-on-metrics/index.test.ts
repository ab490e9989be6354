import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const hpaTemplate = '{{- if .Values.autoscaling.enabled }}\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n{{- end }}\n';

describe('autoscales-on-metrics', () => {
  it.each([
    ['an HPA on CPU', { 'k8s/hpa.yaml': 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  metrics:\n    - type: Resource\n' }, ['k8s/hpa.yaml:2']],
    ['a KEDA ScaledObject', { 'deploy/keda.yaml': 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\n' }, ['deploy/keda.yaml:2']],
    ['a target-tracking policy', {
      'infra/scaling.tf': 'resource "aws_appautoscaling_target" "t" {}\n\nresource "aws_appautoscaling_policy" "cpu" {\n  policy_type = "TargetTrackingScaling"\n}\n',
    }, ['infra/scaling.tf:3']],
    ['a nested guard that holds in the chart values', {
      'charts/sentry/Chart.yaml': 'name: sentry\n',
      'charts/sentry/templates/relay/hpa.yaml': '{{- if and .Values.relay.enabled .Values.relay.autoscaling.enabled }}\nkind: HorizontalPodAutoscaler\n{{- end }}\n',
      'charts/sentry/values.yaml': 'relay:\n  enabled: true\n  # autoscaling: off by default\n  autoscaling:\n    enabled: true\n    minReplicas: 2\n',
    }, ['charts/sentry/templates/relay/hpa.yaml:2']],
    ['values enabling autoscaling of a remote chart', { 'deploy/api-values.yaml': 'image: x\nautoscaling:\n  enabled: true\n' }, ['deploy/api-values.yaml:2']],
    ['a Helm HPA enabled in values', {
      'charts/api/templates/hpa.yaml': hpaTemplate,
      'charts/api/values.yaml': 'autoscaling:\n  enabled: true\n  targetCPUUtilizationPercentage: 70\n',
    }, ['charts/api/templates/hpa.yaml:3', 'charts/api/values.yaml:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['the default helm chart keeps autoscaling disabled', { 'charts/api/templates/hpa.yaml': hpaTemplate, 'charts/api/values.yaml': 'autoscaling:\n  enabled: false\n' }],
    ['another chart enables autoscaling, not this one', {
      'charts/api/templates/hpa.yaml': hpaTemplate,
      'charts/api/values.yaml': 'autoscaling:\n  enabled: false\n',
      'charts/web/templates/deploy.yaml': 'kind: Deployment\n{{- if not .Values.autoscaling.enabled }}\n',
      'charts/web/values.yaml': 'autoscaling:\n  enabled: true\n',
      'charts/web/Chart.yaml': 'name: web\n',
      'charts/api/Chart.yaml': 'name: api\n',
    }],
    ['a nested guard that is off in the chart values', {
      'charts/sentry/Chart.yaml': 'name: sentry\n',
      'charts/sentry/templates/relay/hpa.yaml': '{{- if and .Values.relay.enabled .Values.relay.autoscaling.enabled }}\nkind: HorizontalPodAutoscaler\n{{- end }}\n',
      'charts/sentry/values.yaml': 'relay:\n  enabled: true\n  autoscaling:\n    enabled: false\n',
    }],
    ['only an autoscaling target with fixed capacity', { 'infra/s.tf': 'resource "aws_appautoscaling_target" "t" {\n  min_capacity = 2\n}\n' }],
    ['only docs describe an HPA', { 'docs/scaling.md': 'kind: HorizontalPodAutoscaler\n' }],
    ['the HPA is commented out', { 'k8s/hpa.yaml': '# kind: HorizontalPodAutoscaler\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
