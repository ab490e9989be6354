import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const rules = `groups:
  - name: api
    rules:
      - alert: HighErrorRate
        expr: rate(http_errors_total[5m]) > 0.05
        for: 10m
        annotations:
          summary: Too many errors
          runbook_url: https://wiki.example.com/runbooks/high-error-rate
      - record: job:http_requests:rate5m
        expr: rate(http_requests_total[5m])
      - alert: HighLatency
        expr: histogram_quantile(0.99, rate(latency_bucket[5m])) > 1
        annotations:
          description: "p99 over 1s. See docs/runbooks/latency.md"
      - alert: DiskFull
        expr: disk_free < 0.1
        annotations:
          summary: Disk almost full
`;

const m = (alerts: number, linked: number, share: number) => ({
  alerts: { value: alerts, unit: 'alerts' },
  'alerts-with-runbooks': { value: linked, unit: 'alerts' },
  'runbook-share': { value: share, unit: '%' },
});

describe('alerts-link-runbooks', () => {
  it('answers no and lists the alerts without runbooks', async () => {
    const r = await detect(detector, { 'monitoring/alerts.yml': rules });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['monitoring/alerts.yml:16']);
    expect(r.measures).toEqual(m(3, 2, 67));
  });

  it('answers yes for a PrometheusRule whose alerts all link runbooks', async () => {
    const r = await detect(detector, {
      'k8s/rules.yaml':
        'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nspec:\n  groups:\n    - name: x\n      rules:\n        - alert: PodCrashLooping\n          expr: x > 0\n          annotations:\n            runbook_url: https://runbooks.example.com/pod-crash\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['k8s/rules.yaml:7']);
    expect(r.measures).toEqual(m(1, 1, 100));
  });

  it('reads terraform monitors, alarms and grafana rule groups', async () => {
    const tf = `resource "datadog_monitor" "cpu" {
  name    = "CPU high"
  message = "CPU high. Runbook: https://wiki.example.com/cpu @pagerduty"
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name = "5xx"
}

resource "aws_cloudwatch_metric_alarm" "scale_up" {
  alarm_actions = [aws_appautoscaling_policy.up.arn]
}

resource "grafana_rule_group" "api" {
  rule {
    name        = "Latency"
    annotations = { runbook_url = "https://r.example.com/latency" }
  }
  rule {
    name = "Errors"
  }
}
`;
    const r = await detect(detector, { 'infra/alerts.tf': tf });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['infra/alerts.tf:6', 'infra/alerts.tf:19']);
    expect(r.measures).toEqual(m(4, 2, 50));
  });

  it.each([
    ['there are no alert rules', { 'package.json': '{}' }],
    ['alerts live only in docs', { 'docs/alerts.yml': rules }],
    ['alerts live only in a fixture', { 'test/fixtures/alerts.yml': rules }],
    ['an `alert:` key appears outside a rule file', { 'config/app.yml': 'notifications:\n  alert: email\n' }],
  ])('answers unknown when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('unknown');
  });
});
