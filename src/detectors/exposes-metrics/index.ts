import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const METRICS = CAPABILITIES['metrics'];

export default defineDetector({
  id: 'exposes-metrics',
  pillar: 'observability',
  question: 'Does production code record metrics with a metrics library (Prometheus, OpenTelemetry metrics, StatsD, Datadog)?',
  rationale:
    'Metrics on the golden signals (latency, traffic, errors, saturation) are what dashboards and alerts are built on.',
  patterns: {
    // The OpenTelemetry Node SDK exports metrics when given a metric reader.
    otelMetricReader: { regex: /\bmetricReaders?\s*:/, literals: ['metricReader'], languages: ['javascript', 'typescript'], maxPerFile: 1 },
    // Spring Boot / JVM registries declared in the build.
    jvmBuild: {
      regex: /micrometer-registry-[\w-]+|io\.prometheus:simpleclient|prometheus-metrics-core/,
      literals: ['micrometer-registry-', 'simpleclient', 'prometheus-metrics-core'],
      roles: ['config', 'source', 'other'],
      paths: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const names = new Set<string>();
    for (const u of usedLibraries(repo, METRICS)) {
      names.add(u.library);
      evidence.push(...u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
    }
    const sdkNode = new Set(repo.imports().filter((s) => s.role === 'source' && s.specifier === '@opentelemetry/sdk-node').map((s) => s.path));
    for (const m of matches('otelMetricReader')) {
      if (!sdkNode.has(m.path)) continue;
      names.add('OpenTelemetry metrics (sdk-node)');
      evidence.push(fromMatch(m, 'OpenTelemetry SDK configured with a metric reader'));
    }
    for (const key of ['jvmBuild']) {
      for (const m of matches(key)) {
        names.add(m.groups[0] ?? m.text);
        evidence.push(fromMatch(m, `${m.groups[0] ?? m.text} used`));
      }
    }
    if (names.size === 0) return no('No metrics library is used by production code.');
    return yes(`Metrics recorded with ${[...names].join(', ')}.`, evidence.slice(0, 10));
  },
});
