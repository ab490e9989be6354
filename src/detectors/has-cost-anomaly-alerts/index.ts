import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CFN_GLOBS, parseCloudFormation, readTerraform, type HclBlock } from '../../ecosystems/terraform.ts';

const IAC_ROLES: readonly FileRole[] = ['iac', 'config', 'other', 'source'];

function attr(b: HclBlock, name: string): string | undefined {
  return b.attributes.find((a) => a.name === name)?.expr.replace(/^"|"$/g, '');
}

function blocksNamed(b: HclBlock, type: string): HclBlock[] {
  return b.blocks.filter((x) => x.type === type);
}

export default defineDetector({
  id: 'has-cost-anomaly-alerts',
  pillar: 'finops',
  question: 'Do cost anomalies or forecast overruns raise alerts, configured as code?',
  rationale: 'Anomaly and forecast alerts catch runaway spend in hours instead of at the end of the month.',
  patterns: {
    construct: { regex: /\bnew\s+(?:aws\.costexplorer\.AnomalySubscription|ce\.CfnAnomalySubscription)\s*\(|\bce\.CfnAnomalySubscription\(\s*self\b/, literals: ['AnomalySubscription'], languages: ['typescript', 'javascript', 'python'], maxPerFile: 3 },
  },
  contents: ['**/*.tf', ...CFN_GLOBS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const tf = readTerraform(repo.glob('**/*.tf', IAC_ROLES).map((f) => ({ path: f.path, text: repo.text(f.path) ?? '' })));
    for (const r of tf.resources) {
      const at = { path: r.file, line: r.line };
      if (r.type === 'aws_ce_anomaly_subscription') evidence.push({ ...at, note: `anomaly alert ${r.name}` });
      else if (r.type === 'azurerm_cost_anomaly_alert') evidence.push({ ...at, note: `Azure cost anomaly alert ${r.name}` });
      else if (/^vantage_\w*(?:anomaly|alert)\w*$/.test(r.type)) evidence.push({ ...at, note: `${r.type}.${r.name}` });
      else if (r.type === 'datadog_monitor' && /^cost alert$/i.test(attr(r.block, 'type') ?? '')) evidence.push({ ...at, note: `Datadog cost monitor ${r.name}` });
      else if (r.type === 'aws_budgets_budget') {
        const n = blocksNamed(r.block, 'notification').find((b) => attr(b, 'notification_type') === 'FORECASTED');
        if (n) evidence.push({ path: r.file, line: n.line, note: `budget ${r.name} alerts on forecast` });
      } else if (r.type === 'google_billing_budget') {
        const t = blocksNamed(r.block, 'threshold_rules').find((b) => attr(b, 'spend_basis') === 'FORECASTED_SPEND');
        if (t) evidence.push({ path: r.file, line: t.line, note: `budget ${r.name} alerts on forecast` });
      } else if (/^azurerm_consumption_budget_/.test(r.type)) {
        const n = blocksNamed(r.block, 'notification').find((b) => /^forecasted$/i.test(attr(b, 'threshold_type') ?? ''));
        if (n) evidence.push({ path: r.file, line: n.line, note: `budget ${r.name} alerts on forecast` });
      }
    }
    for (const f of repo.glob([...CFN_GLOBS], IAC_ROLES)) {
      for (const r of parseCloudFormation(f.path, repo.text(f.path) ?? '')?.resources ?? []) {
        if (r.type === 'AWS::CE::AnomalySubscription') evidence.push({ path: r.file, line: r.line, note: `anomaly alert ${r.logicalId}` });
        if (r.type === 'AWS::Budgets::Budget') {
          const list = r.properties['NotificationsWithSubscribers'];
          const forecast = Array.isArray(list) && list.some((n) => (n as { Notification?: { NotificationType?: unknown } })?.Notification?.NotificationType === 'FORECASTED');
          if (forecast) evidence.push({ path: r.file, line: r.line, note: `budget ${r.logicalId} alerts on forecast` });
        }
      }
    }
    evidence.push(...matches('construct').map((m) => fromMatch(m, 'anomaly subscription (CDK/Pulumi)')));
    if (evidence.length === 0) return no('No cost anomaly or forecast alert is configured in IaC.');
    return yes(`${evidence.length} cost anomaly/forecast alert${evidence.length === 1 ? '' : 's'} configured as code.`, evidence.slice(0, 10));
  },
});
