import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { QUEUE_DASHBOARD_SETTINGS } from '../../ecosystems/capabilities/queue-dashboard.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

/** A metric name about queue health: depth, backlog, waiting/failed jobs. */
const QUEUE_NAME = String.raw`(?:queue|backlog|jobs?[_.:](?:waiting|active|failed|delayed|pending|queued|processed|completed|duration)|(?:waiting|pending|queued|failed)[_.:]jobs)`;

export default defineDetector({
  id: 'exposes-queue-metrics',
  pillar: 'background',
  question: 'Is queue health (depth, backlog, failures) observable through a dashboard or metrics?',
  rationale:
    'A queue whose depth and failure rate nobody sees fails silently; backlog metrics are what SLOs and autoscaling act on.',
  patterns: {
    jsMetric: {
      // prom-client `new Gauge({ name: 'queue_depth' ... })`.
      regex: new RegExp(String.raw`\bnew\s+(?:[\w$]+\.)?(?:Gauge|Counter|Histogram|Summary)\s*\(\s*\{[^}]{0,300}?\bname\s*:\s*(['"\`])([^'"\`]*?${QUEUE_NAME}[^'"\`]*)\1`, 'i'),
      literals: ['Gauge', 'Counter', 'Histogram', 'Summary'],
      languages: ['javascript', 'typescript'],
    },
    callMetric: {
      // OpenTelemetry meters and StatsD clients: `meter.createObservableGauge('queue.depth')`, `statsd.gauge('jobs.waiting', n)`.
      regex: new RegExp(String.raw`\.(?:create(?:Observable)?(?:Gauge|Counter|UpDownCounter|Histogram)|gauge|histogram|increment|timing|distribution)\s*\(\s*(['"\`])([^'"\`]*?${QUEUE_NAME}[^'"\`]*)\1`, 'i'),
      literals: ['create', 'gauge', 'histogram', 'increment', 'timing', 'distribution'],
      languages: ['javascript', 'typescript', 'python'],
    },
    pyMetric: {
      // prometheus_client `Gauge('celery_queue_length', ...)`.
      regex: new RegExp(String.raw`\b(?:Gauge|Counter|Histogram|Summary)\s*\(\s*(?:name\s*=\s*)?(['"])([^'"]*?${QUEUE_NAME}[^'"]*)\1`, 'i'),
      literals: ['Gauge', 'Counter', 'Histogram', 'Summary'],
      languages: ['python'],
    },
    jvmMetric: {
      // Micrometer `Gauge.builder("jobs.queue.depth", ...)`, `registry.gauge("queue.size", ...)`.
      regex: new RegExp(String.raw`\b(?:(?:Gauge|Counter|Timer|DistributionSummary)\.builder|\.(?:gauge|counter|timer|summary))\s*\(\s*"([^"]*?${QUEUE_NAME}[^"]*)"`, 'i'),
      literals: ['builder', 'gauge', 'counter', 'timer', 'summary'],
      languages: ['java', 'kotlin', 'csharp'],
    },
    dashboardSetting: {
      regex: new RegExp(QUEUE_DASHBOARD_SETTINGS.map((d) => d.regex.source).join('|')),
      literals: QUEUE_DASHBOARD_SETTINGS.flatMap((d) => d.literals),
      languages: [...new Set(QUEUE_DASHBOARD_SETTINGS.flatMap((d) => d.languages))],
      roles: ['source', 'config', 'other'],
    },
    goMetric: {
      regex: new RegExp(String.raw`\b(?:Gauge|Counter|Histogram|Summary)Opts\s*\{[^}]{0,300}?\bName:\s*"([^"]*?${QUEUE_NAME}[^"]*)"`, 'i'),
      literals: ['Opts'],
      languages: ['go'],
    },
    jobCounts: {
      regex: /\.(?:getJobCounts|getJobCountByTypes|getWaitingCount|getActiveCount|getFailedCount|getDelayedCount|getJobCount)\s*\(/,
      literals: ['getJobCount', 'getWaitingCount', 'getActiveCount', 'getFailedCount', 'getDelayedCount'],
      languages: ['javascript', 'typescript'],
    },
    gauge: {
      // A metrics sink in the same file as the job counts.
      regex: /\b\w*(?:Gauge|gauge)\w*\b/,
      literals: ['Gauge', 'gauge'],
      languages: ['javascript', 'typescript'],
      maxPerFile: 1,
    },
    flower: {
      // Celery Flower started as a process (Procfile, compose, Dockerfile, k8s).
      regex: /\bcelery\b[^\n]*\bflower\b|\bmher\/flower\b/,
      literals: ['flower'],
      roles: ['config', 'iac', 'other', 'source'],
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const kinds: string[] = [];
    const dashboards = usedLibraries(repo, CAPABILITIES['queue-dashboard']);
    if (dashboards.length > 0) {
      kinds.push(`queue dashboard (${dashboards.map((u) => u.library).join(', ')})`);
      for (const u of dashboards) evidence.push(...u.sites.slice(0, 2).map((s) => fromImport(s, `${u.library} imported`)));
    }
    const settings = matches('dashboardSetting').filter((m) => !/^(#|;|--|\/\/)/.test(m.excerpt));
    if (settings.length > 0) {
      const names = QUEUE_DASHBOARD_SETTINGS.filter((d) => settings.some((m) => d.regex.test(m.text))).map((d) => d.name);
      kinds.push(`queue dashboard (${names.join(', ')})`);
      evidence.push(...settings.slice(0, 2).map((m) => fromMatch(m, 'queue dashboard switched on')));
    }
    const named = [...matches('jsMetric'), ...matches('callMetric'), ...matches('pyMetric'), ...matches('goMetric'), ...matches('jvmMetric')];
    if (named.length > 0) {
      kinds.push('queue metrics registered');
      evidence.push(...named.slice(0, 5).map((m) => fromMatch(m, `queue metric '${m.groups[m.groups.length - 1] ?? ''}'`)));
    }
    // Job counts read in a file that also feeds a gauge or imports a metrics library.
    const metricModules = new Set(
      Object.values(CAPABILITIES.metrics.libraries).flatMap((entries) => (entries ?? []).flatMap((e) => (typeof e === 'string' ? [e] : [...e.imports]))),
    );
    const metricFiles = new Set(matches('gauge').map((m) => m.path));
    for (const s of repo.imports()) if (s.role === 'source' && metricModules.has(s.specifier)) metricFiles.add(s.path);
    const exported = matches('jobCounts').filter((m) => metricFiles.has(m.path));
    if (exported.length > 0) {
      kinds.push('job counts exported to metrics');
      evidence.push(...exported.slice(0, 3).map((m) => fromMatch(m, 'queue job counts read for metrics')));
    }
    const flower = matches('flower');
    if (flower.length > 0) {
      kinds.push('Celery Flower');
      evidence.push(...flower.slice(0, 2).map((m) => fromMatch(m, 'Celery Flower dashboard')));
    }
    if (kinds.length === 0) {
      return no('No queue dashboard, queue-depth metric or exported job count was found in production code or deployment config.');
    }
    return yes(`Queue health is observable: ${kinds.join('; ')}.`, firstN(evidence, 10));
  },
});
