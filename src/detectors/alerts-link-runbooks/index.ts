import { defineDetector, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { Match } from '../../core/types.ts';

const ROLES = ['config', 'iac', 'other'] as const;

/** Terraform resources that define one alert (grafana_rule_group holds one per `rule` block). */
const TF_ALERTS =
  'datadog_monitor|grafana_rule_group|aws_cloudwatch_metric_alarm|google_monitoring_alert_policy|newrelic_alert_condition|newrelic_nrql_alert_condition|azurerm_monitor_metric_alert|azurerm_monitor_scheduled_query_rules_alert(?:_v2)?';

interface Alert {
  m: Match;
  end: number;
  name: string;
}

function byFile(list: readonly Match[]): Map<string, Match[]> {
  const out = new Map<string, Match[]>();
  for (const m of list) out.set(m.path, [...(out.get(m.path) ?? []), m]);
  return out;
}

/** First line after `line` among `lines`, or Infinity. */
function nextAfter(lines: readonly number[], line: number): number {
  let best = Infinity;
  for (const l of lines) if (l > line && l < best) best = l;
  return best;
}

export default defineDetector({
  id: 'alerts-link-runbooks',
  pillar: 'observability',
  question: 'Does every alerting rule link to a runbook?',
  rationale: 'An alert that names its runbook tells the person paged at 3 a.m. what to check and how to mitigate.',
  measures: {
    alerts: { unit: 'alerts', description: 'Alerting rules found (Prometheus rules, PrometheusRule, Terraform monitors and alarms)' },
    'alerts-with-runbooks': { unit: 'alerts', description: 'Alerting rules that carry a runbook link' },
    'runbook-share': { unit: '%', description: 'Share of alerting rules with a runbook link' },
  },
  patterns: {
    promAlert: { regex: /^[ \t]*(?:-[ \t]+)?alert:[ \t]*["']?([\w:.-][\w:. -]*)/m, literals: ['alert:'], roles: ROLES, languages: ['yaml'], maxPerFile: 2000 },
    promExpr: { regex: /^[ \t]*(?:-[ \t]+)?expr:/m, literals: ['expr:'], roles: ROLES, languages: ['yaml'], maxPerFile: 1 },
    promItem: { regex: /^[ \t]*-[ \t]+(?:alert|record):/m, literals: ['alert:', 'record:'], roles: ROLES, languages: ['yaml'], maxPerFile: 4000 },
    runbook: {
      regex: /runbook\w*["']?[ \t]*[:=]|https?:\/\/\S*runbook|\brunbooks?\/[\w./#-]+|\brunbook\b[^\n]*https?:\/\//i,
      literals: ['runbook', 'Runbook', 'RUNBOOK'],
      roles: ROLES,
      languages: ['yaml', 'hcl'],
      maxPerFile: 4000,
    },
    tfAlert: { regex: new RegExp(`^[ \\t]*resource[ \\t]+"(${TF_ALERTS})"[ \\t]+"([\\w-]+)"`, 'm'), literals: ['resource'], roles: ['iac'], languages: ['hcl'], maxPerFile: 2000 },
    tfBlock: {
      regex: /^(?:resource|data|module|variable|output|locals|provider|terraform)\b/m,
      literals: ['resource', 'data', 'module', 'variable', 'output', 'locals', 'provider', 'terraform'],
      roles: ['iac'],
      languages: ['hcl'],
      maxPerFile: 4000,
    },
    tfRule: { regex: /^[ \t]*rule[ \t]*\{/m, literals: ['rule'], roles: ['iac'], languages: ['hcl'], maxPerFile: 2000 },
    // CloudWatch alarms that drive autoscaling are not alerts for people.
    tfScaling: { regex: /\baws_(?:app)?autoscaling_policy\./, literals: ['autoscaling_policy.'], roles: ['iac'], languages: ['hcl'], maxPerFile: 2000 },
  },
  detect({ matches }) {
    const alerts: Alert[] = [];
    const exprFiles = new Set(matches('promExpr').map((m) => m.path));
    const items = byFile(matches('promItem'));
    for (const [path, list] of byFile(matches('promAlert'))) {
      if (!exprFiles.has(path)) continue;
      const bounds = [...(items.get(path) ?? []), ...list].map((m) => m.line);
      for (const m of list) alerts.push({ m, end: nextAfter(bounds, m.line), name: (m.groups[0] ?? '').trim() });
    }
    const blocks = byFile(matches('tfBlock'));
    const rules = byFile(matches('tfRule'));
    const scaling = matches('tfScaling');
    for (const m of matches('tfAlert')) {
      const end = nextAfter((blocks.get(m.path) ?? []).map((b) => b.line), m.line);
      const name = `${m.groups[0]}.${m.groups[1]}`;
      if (m.groups[0] === 'aws_cloudwatch_metric_alarm' && scaling.some((s) => s.path === m.path && s.line > m.line && s.line < end)) continue;
      if (m.groups[0] === 'grafana_rule_group') {
        const inside = (rules.get(m.path) ?? []).filter((r) => r.line > m.line && r.line < end);
        const lines = inside.map((r) => r.line);
        for (const r of inside) alerts.push({ m: r, end: Math.min(end, nextAfter(lines, r.line)), name });
      } else {
        alerts.push({ m, end, name });
      }
    }
    if (alerts.length === 0) return unknown('No alerting rules (Prometheus rules, PrometheusRule, Terraform monitors or alarms) found.');

    const runbooks = byFile(matches('runbook'));
    const linked = (a: Alert): boolean => (runbooks.get(a.m.path) ?? []).some((r) => r.line >= a.m.line && r.line < a.end);
    alerts.sort((a, b) => (a.m.path < b.m.path ? -1 : a.m.path > b.m.path ? 1 : a.m.line - b.m.line));
    const withRunbook = alerts.filter(linked);
    const without = alerts.filter((a) => !linked(a));
    const share = Math.round((100 * withRunbook.length) / alerts.length);
    const measures = {
      alerts: { value: alerts.length, unit: 'alerts' },
      'alerts-with-runbooks': { value: withRunbook.length, unit: 'alerts' },
      'runbook-share': { value: share, unit: '%' },
    };
    if (without.length === 0) {
      return yes(`All ${alerts.length} alerting rule(s) link to a runbook.`, withRunbook.slice(0, 10).map((a) => fromMatch(a.m, `${a.name}: runbook linked`)), measures);
    }
    return no(
      `${without.length} of ${alerts.length} alerting rule(s) have no runbook link (${share}% linked).`,
      without.slice(0, 10).map((a) => fromMatch(a.m, `${a.name}: no runbook`)),
      measures,
    );
  },
});
