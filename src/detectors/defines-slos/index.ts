import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { Match } from '../../core/types.ts';

const ROLES = ['config', 'iac', 'other'] as const;

export default defineDetector({
  id: 'defines-slos',
  pillar: 'observability',
  question: 'Are service level objectives defined as code (OpenSLO, Sloth, Pyrra, Nobl9, or SLO resources in Terraform)?',
  rationale: 'SLOs written as code are reviewed, versioned and evaluated automatically; an error budget needs a defined objective.',
  measures: { slos: { unit: 'objectives', description: 'SLO definitions found (SLO documents, Sloth objectives, SLO resources)' } },
  patterns: {
    sloApi: {
      regex: /^[ \t]*apiVersion:\s*["']?(openslo\/v1(?:alpha)?|n9\/v1alpha|sloth\.slok\.dev\/v1|pyrra\.dev\/v1alpha1|sre\.google\.com\/v2)\b/m,
      literals: ['openslo/', 'n9/v1alpha', 'sloth.slok.dev', 'pyrra.dev', 'sre.google.com'],
      roles: ROLES,
      languages: ['yaml'],
    },
    sloKind: { regex: /^[ \t]*kind:\s*["']?(?:SLO|ServiceLevelObjective)["']?\s*$/m, literals: ['SLO', 'ServiceLevelObjective'], roles: ROLES, languages: ['yaml'] },
    // Sloth's own spec format (not the CRD): `version: "prometheus/v1"` with a list of slos.
    slothSpec: { regex: /^version:\s*["']?prometheus\/v1["']?\s*$/m, literals: ['prometheus/v1'], roles: ROLES, languages: ['yaml'], maxPerFile: 1 },
    slothObjective: { regex: /^[ \t]*(?:-\s+)?objective:\s*["']?\d/m, literals: ['objective'], roles: ROLES, languages: ['yaml'], maxPerFile: 500 },
    tfSlo: {
      regex:
        /^[ \t]*resource\s+"(google_monitoring_slo|datadog_service_level_objective|newrelic_service_level|grafana_slo|dynatrace_slo(?:_v2)?|honeycombio_slo|sumologic_slo|aws_\w*service_level_objective|chronosphere_slo|nobl9_slo)"/m,
      literals: ['resource'],
      roles: ['iac'],
      languages: ['hcl'],
      maxPerFile: 500,
    },
    cfnSlo: { regex: /AWS::ApplicationSignals::ServiceLevelObjective/, literals: ['AWS::ApplicationSignals'], roles: ROLES, languages: ['yaml', 'json'] },
  },
  detect({ matches }) {
    const found: { m: Match; note: string }[] = [];
    const byFile = (name: string): Map<string, Match[]> => {
      const out = new Map<string, Match[]>();
      for (const m of matches(name)) out.set(m.path, [...(out.get(m.path) ?? []), m]);
      return out;
    };
    const api = byFile('sloApi');
    const kinds = byFile('sloKind');
    const objectives = byFile('slothObjective');
    const slothFiles = new Set([...matches('slothSpec').map((m) => m.path), ...matches('sloApi').filter((m) => m.groups[0] === 'sloth.slok.dev/v1').map((m) => m.path)]);
    for (const path of slothFiles) for (const m of objectives.get(path) ?? []) found.push({ m, note: 'Sloth SLO objective' });
    for (const [path, apis] of api) {
      if (slothFiles.has(path)) continue;
      for (const m of kinds.get(path) ?? []) found.push({ m, note: `${apis[0]!.groups[0]} SLO` });
    }
    for (const m of matches('tfSlo')) found.push({ m, note: `${m.groups[0]} resource` });
    for (const m of matches('cfnSlo')) found.push({ m, note: 'CloudFormation SLO' });
    found.sort((a, b) => (a.m.path < b.m.path ? -1 : a.m.path > b.m.path ? 1 : a.m.line - b.m.line));
    const measures = { slos: { value: found.length, unit: 'objectives' } };
    if (found.length === 0) return no('No SLO definitions (OpenSLO, Sloth, Pyrra, Nobl9, Terraform SLO resources) found.', [], measures);
    const files = new Set(found.map((f) => f.m.path)).size;
    return yes(`${found.length} SLO(s) defined as code in ${files} file(s).`, found.slice(0, 10).map((f) => fromMatch(f.m, f.note)), measures);
  },
});
