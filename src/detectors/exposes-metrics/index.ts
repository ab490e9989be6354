import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { METRICS_BUILD_DEPENDENCIES, METRICS_DJANGO_APPS } from '../../ecosystems/capabilities/metrics.ts';
import { distroInstrumented } from '../../ecosystems/capabilities/tracing.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const METRICS = CAPABILITIES['metrics'];

export default defineDetector({
  id: 'exposes-metrics',
  pillar: 'observability',
  question: 'Does production code record metrics with a metrics library (Prometheus, OpenTelemetry metrics, StatsD, Datadog)?',
  rationale:
    'Metrics on the golden signals (latency, traffic, errors, saturation) are what dashboards and alerts are built on.',
  patterns: {
    // Django apps named by dotted path in settings (INSTALLED_APPS, MIDDLEWARE, url includes).
    djangoApp: {
      regex: new RegExp(`(['"])(${METRICS_DJANGO_APPS.map((a) => a.module).join('|')})(?:\\.[\\w.]+)?\\1`),
      literals: METRICS_DJANGO_APPS.map((a) => a.module),
      languages: ['python'],
      maxPerFile: 1,
    },
    // The OpenTelemetry Node SDK exports metrics when given a metric reader.
    otelMetricReader: { regex: /\bmetricReaders?\s*:/, literals: ['metricReader'], languages: ['javascript', 'typescript'], maxPerFile: 1 },
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
    // Registries declared for production in the build (parsed manifests: comments and test scopes excluded).
    for (const d of repo.dependencies()) {
      if (d.dev || !METRICS_BUILD_DEPENDENCIES[d.ecosystem]?.test(d.name)) continue;
      names.add(d.name);
      evidence.push({ path: d.manifest, ...(d.line !== undefined ? { line: d.line } : {}), note: `${d.name} declared (auto-configured registry)` });
    }
    const python = new Set(repo.dependencies().filter((d) => d.ecosystem === 'python' && !d.dev).map((d) => d.name.toLowerCase().replace(/[-_.]+/g, '-')));
    for (const m of matches('djangoApp')) {
      const app = METRICS_DJANGO_APPS.find((a) => a.module === m.groups[1]);
      if (!app || !python.has(app.package)) continue;
      names.add(app.package);
      evidence.push(fromMatch(m, `${app.package} enabled in Django settings`));
    }
    const distro = distroInstrumented(repo.dependencies(), repo.imports(), 'metrics');
    if (distro.length > 0) {
      names.add('OpenTelemetry API with the distro (metrics)');
      evidence.push(...distro.slice(0, 3).map((s) => fromImport(s, 'OpenTelemetry API; SDK configured by opentelemetry-distro at launch')));
    }
    if (names.size === 0) return no('No metrics library is used by production code.');
    return yes(`Metrics recorded with ${[...names].join(', ')}.`, evidence.slice(0, 10));
  },
});
