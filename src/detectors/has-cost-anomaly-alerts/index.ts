import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { attribute, childBlocks, stringAttr } from '../../ecosystems/hcl.ts';
import { IAC_CODE_PATTERNS, IAC_CONTENTS, constructTerraformType, readIac } from '../../ecosystems/iac.ts';

/** Anomaly alerting resources as data: Terraform types, CloudFormation types, constructs (`service.Type`). */
const TF_ANOMALY = /^(?:aws_ce_anomaly_subscription|azurerm_cost_anomaly_alert|vantage_\w*(?:anomaly|alert)\w*)$/;
const CFN_ANOMALY = /^AWS::CE::AnomalySubscription$/;
const CONSTRUCT_ANOMALY = /^(?:ce\.AnomalySubscription|costexplorer\.AnomalySubscription|costmanagement\.AnomalyAlert|costmanagement\.ScheduledAction)$/;

export default defineDetector({
  id: 'has-cost-anomaly-alerts',
  pillar: 'finops',
  question: 'Do cost anomalies or forecast overruns raise alerts, configured as code?',
  rationale: 'Anomaly and forecast alerts catch runaway spend in hours instead of at the end of the month.',
  patterns: { ...IAC_CODE_PATTERNS },
  contents: [...IAC_CONTENTS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const model = readIac(repo, matches);
    for (const r of model.terraform.resources) {
      const at = { path: r.file, line: r.line };
      if (TF_ANOMALY.test(r.type)) evidence.push({ ...at, note: `${r.type}.${r.name}` });
      else if (r.type === 'datadog_monitor' && /^cost alert$/i.test(stringAttr(r.block, 'type') ?? '')) evidence.push({ ...at, note: `Datadog cost monitor ${r.name}` });
      else if (r.type === 'aws_budgets_budget') {
        const n = childBlocks(r.block, 'notification').find((b) => stringAttr(b, 'notification_type') === 'FORECASTED');
        if (n) evidence.push({ path: r.file, line: n.line, note: `budget ${r.name} alerts on forecast` });
      } else if (r.type === 'google_billing_budget') {
        const t = childBlocks(r.block, 'threshold_rules').find((b) => stringAttr(b, 'spend_basis') === 'FORECASTED_SPEND');
        // Budget updates published to Pub/Sub or monitoring channels: the GCP way to act on spend as it happens.
        const push = childBlocks(r.block, 'all_updates_rule').find((b) => attribute(b, 'pubsub_topic') || attribute(b, 'monitoring_notification_channels'));
        if (t) evidence.push({ path: r.file, line: t.line, note: `budget ${r.name} alerts on forecast` });
        else if (push) evidence.push({ path: r.file, line: push.line, note: `budget ${r.name} publishes spend alerts` });
      } else if (/^azurerm_consumption_budget_/.test(r.type)) {
        const n = childBlocks(r.block, 'notification').find((b) => /^forecasted$/i.test(stringAttr(b, 'threshold_type') ?? ''));
        if (n) evidence.push({ path: r.file, line: n.line, note: `budget ${r.name} alerts on forecast` });
      }
    }
    for (const t of model.cfn) {
      for (const r of t.resources) {
        if (CFN_ANOMALY.test(r.type)) evidence.push({ path: r.file, line: r.line, note: `${r.type} ${r.logicalId}` });
        if (r.type === 'AWS::Budgets::Budget') {
          const list = r.properties['NotificationsWithSubscribers'];
          const forecast = Array.isArray(list) && list.some((n) => (n as { Notification?: { NotificationType?: unknown } })?.Notification?.NotificationType === 'FORECASTED');
          if (forecast) evidence.push({ path: r.file, line: r.line, note: `budget ${r.logicalId} alerts on forecast` });
        }
      }
    }
    for (const r of model.azure) {
      if (/^Microsoft\.CostManagement\/scheduledActions$/i.test(r.type) && /InsightAlert/.test(r.body)) evidence.push({ path: r.path, line: r.line, note: `cost anomaly alert ${r.name}` });
      else if (/^Microsoft\.Consumption\/budgets$/i.test(r.type) && /thresholdType['"]?\s*:\s*['"]Forecasted/i.test(r.body)) evidence.push({ path: r.path, line: r.line, note: `budget ${r.name} alerts on forecast` });
    }
    for (const c of model.code.constructs) {
      const hit = c.framework === 'cdktf' ? TF_ANOMALY.test(constructTerraformType(c) ?? '') : CONSTRUCT_ANOMALY.test(c.name);
      if (hit) evidence.push({ path: c.path, line: c.line, excerpt: c.excerpt, note: `${c.framework} ${c.name}` });
    }
    if (evidence.length === 0) return no('No cost anomaly or forecast alert is configured in IaC.');
    return yes(`${evidence.length} cost anomaly/forecast alert${evidence.length === 1 ? '' : 's'} configured as code.`, evidence.slice(0, 10));
  },
});
