import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-cost-anomaly-alerts', () => {
  it.each([
    [
      'an AWS anomaly monitor with a subscription',
      { 'infra/ce.tf': 'resource "aws_ce_anomaly_monitor" "svc" {\n  monitor_type = "DIMENSIONAL"\n}\n\nresource "aws_ce_anomaly_subscription" "alerts" {\n  frequency = "DAILY"\n}\n' },
      ['infra/ce.tf:5'],
    ],
    [
      'an AWS budget with a forecast notification',
      { 'infra/budget.tf': 'resource "aws_budgets_budget" "m" {\n  notification {\n    notification_type = "ACTUAL"\n  }\n  notification {\n    notification_type = "FORECASTED"\n  }\n}\n' },
      ['infra/budget.tf:5'],
    ],
    ['a GCP budget on forecasted spend', { 'infra/b.tf': 'resource "google_billing_budget" "b" {\n  threshold_rules {\n    threshold_percent = 1.0\n    spend_basis       = "FORECASTED_SPEND"\n  }\n}\n' }, ['infra/b.tf:2']],
    ['an Azure anomaly alert', { 'infra/a.tf': 'resource "azurerm_cost_anomaly_alert" "a" {}\n' }, ['infra/a.tf:1']],
    ['a CloudFormation anomaly subscription', { 'cfn/cost.yaml': 'Resources:\n  Sub:\n    Type: AWS::CE::AnomalySubscription\n' }, ['cfn/cost.yaml:2']],
    ['a GCP budget publishing to Pub/Sub', { 'infra/b.tf': 'resource "google_billing_budget" "b" {\n  threshold_rules {\n    threshold_percent = 0.9\n  }\n  all_updates_rule {\n    pubsub_topic = google_pubsub_topic.budget.id\n  }\n}\n' }, ['infra/b.tf:5']],
    ['a CDK anomaly subscription in Python', { 'infra/cost_stack.py': 'from aws_cdk import aws_ce as ce\n\nce.CfnAnomalySubscription(self, "Alerts", frequency="DAILY", monitor_arn_list=[m.attr_monitor_arn], subscribers=[], threshold=100)\n' }, ['infra/cost_stack.py:3']],
    ['a Bicep anomaly alert (scheduled action of kind InsightAlert)', { 'infra/cost.bicep': "resource alert 'Microsoft.CostManagement/scheduledActions@2023-08-01' = {\n  name: 'daily-anomaly'\n  kind: 'InsightAlert'\n}\n" }, ['infra/cost.bicep:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['a monitor without a subscription alerts nobody', { 'infra/ce.tf': 'resource "aws_ce_anomaly_monitor" "svc" {}\n' }],
    ['a budget alerts only on actual spend', { 'infra/budget.tf': 'resource "aws_budgets_budget" "m" {\n  notification {\n    notification_type = "ACTUAL"\n  }\n}\n' }],
    ['the subscription is commented out', { 'infra/ce.tf': '/*\nresource "aws_ce_anomaly_subscription" "a" {}\n*/\n' }],
    ['docs describe one', { 'docs/finops.md': 'resource "aws_ce_anomaly_subscription" "a" {}\n' }],
    ['a GCP budget on actual spend that only emails at thresholds', { 'infra/b.tf': 'resource "google_billing_budget" "b" {\n  threshold_rules {\n    threshold_percent = 0.9\n  }\n}\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
