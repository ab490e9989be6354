import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { autoscalingValuesOutsideCharts, HELM_PATTERNS, HELM_VALUES_GLOBS, helmGuards, YAML_MANIFESTS } from '../../ecosystems/kubernetes.ts';


export default defineDetector({
  id: 'autoscales-on-metrics',
  pillar: 'scalability',
  question: 'Is autoscaling on measured signals configured (HPA, KEDA, target-tracking policies, cloud autoscalers)?',
  rationale: 'Scaling on CPU, latency or queue depth follows real load; a fixed instance count is either wasted money or an outage at peak.',
  patterns: {
    k8sAutoscaler: {
      regex: /^[ \t]*kind:[ \t]*["']?(HorizontalPodAutoscaler|ScaledObject|ScaledJob)\b/m,
      literals: ['HorizontalPodAutoscaler', 'ScaledObject', 'ScaledJob'],
      ...YAML_MANIFESTS,
    },
    // Helm templates render a manifest only when their `{{ if .Values... }}` guards hold.
    ...HELM_PATTERNS,
    tfAutoscaling: {
      regex: /^[ \t]*resource[ \t]+"(aws_appautoscaling_policy|aws_autoscaling_policy|google_compute_autoscaler|google_compute_region_autoscaler|azurerm_monitor_autoscale_setting)"/m,
      literals: ['resource'],
      roles: ['iac'],
      languages: ['hcl'],
    },
    cfnAutoscaling: {
      regex: /AWS::ApplicationAutoScaling::ScalingPolicy|AWS::AutoScaling::ScalingPolicy/,
      literals: ['AutoScaling::ScalingPolicy'],
      roles: ['iac', 'config'],
      languages: ['yaml', 'json'],
    },
    knative: {
      regex: /autoscaling\.knative\.dev\/(?:target|metric|class|min-?[Ss]cale|max-?[Ss]cale)\b/,
      literals: ['autoscaling.knative.dev/'],
      roles: ['iac', 'config', 'other'],
      languages: ['yaml', 'hcl'],
      maxPerFile: 1,
    },
  },
  contents: HELM_VALUES_GLOBS,
  detect({ repo, matches }) {
    const enabledValues = autoscalingValuesOutsideCharts(repo, matches('valuesAutoscaling'));
    const guardsHold = helmGuards(repo, matches('helmIf'));
    const evidence: EvidenceItem[] = [
      ...matches('k8sAutoscaler').filter(guardsHold).map((m) => fromMatch(m, `${m.groups[0]}`)),
      ...enabledValues.map((m) => fromMatch(m, 'autoscaling enabled (Helm values)')),
      ...matches('tfAutoscaling').map((m) => fromMatch(m, `${m.groups[0]}`)),
      ...matches('cfnAutoscaling').map((m) => fromMatch(m, 'CloudFormation scaling policy')),
      ...matches('knative').map((m) => fromMatch(m, 'Knative / Cloud Run autoscaling')),
    ];
    if (evidence.length === 0) return no('No autoscaling on measured signals (HPA, KEDA, scaling policies, cloud autoscalers) is configured.');
    evidence.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    return yes(`Autoscaling on measured signals is configured at ${evidence.length} place(s).`, evidence.slice(0, 10));
  },
});
