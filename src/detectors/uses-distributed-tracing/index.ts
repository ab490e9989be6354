import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import ERROR_TRACKING from '../../ecosystems/capabilities/error-tracking.ts';
import { distroInstrumented, TRACING_BUILD_DEPENDENCIES } from '../../ecosystems/capabilities/tracing.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const TRACING = CAPABILITIES['tracing'];

export default defineDetector({
  id: 'uses-distributed-tracing',
  pillar: 'observability',
  question: 'Does the platform record distributed traces (OpenTelemetry SDK, an APM agent, or Sentry with tracing enabled)?',
  rationale: 'Traces show where the time and the errors of one request go across services; logs and metrics alone cannot.',
  patterns: {
    // Sentry traces only with a non-zero sample rate or a sampler.
    sentryTracing: {
      regex: /\b(?:tracesSampleRate\s*:\s*(?!0(?:\.0*)?\s*[,}\n])\S|tracesSampler\s*:|enableTracing\s*:\s*true|traces_sample_rate\s*=\s*(?!0(?:\.0*)?\s*[,)\n])\S|traces_sampler\s*=|enable_tracing\s*=\s*True)/,
      literals: ['tracesSample', 'tracesSampler', 'enableTracing', 'traces_sample', 'enable_tracing'],
      languages: ['javascript', 'typescript', 'python', 'ruby'],
    },
    // Laravel / Symfony config: `'traces_sample_rate' => 0.2` (the published config's
    // `env(...) === null ? null : ...` leaves tracing off unless the variable is set: not counted).
    sentryTracingPhp: {
      regex: /(['"])traces_sample_rate\1\s*=>\s*(?!null\b|0(?:\.0*)?\s*[,\n]|env\([^()]*\)\s*===\s*null)\S|(['"])traces_sampler\2\s*=>|^[ \t]*traces_sample_rate:[ \t]*(?!0(?:\.0*)?[ \t]*$|null|~)\S/m,
      literals: ['traces_sample'],
      languages: ['php', 'yaml'],
      roles: ['source', 'config'],
    },
    // Zero-code agents started from the runtime command line (Dockerfile, package.json, Procfile, manifests).
    agentFlag: {
      regex:
        /(?:--require|-r|--import)['",\s=]+(?:@opentelemetry\/auto-instrumentations-node\/register|dd-trace\/init|elastic-apm-node\/start|newrelic)\b|\bopentelemetry-instrument\b(?!-)|\bddtrace-run\b|-javaagent:\S*(?:opentelemetry-javaagent|dd-java-agent|elastic-apm-agent|newrelic)/,
      literals: ['auto-instrumentations-node/register', 'dd-trace/init', 'elastic-apm-node/start', 'newrelic', 'opentelemetry-instrument', 'ddtrace-run', '-javaagent'],
      roles: ['config', 'iac', 'other'],
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const names = new Set<string>();
    for (const u of usedLibraries(repo, TRACING)) {
      names.add(u.library);
      evidence.push(...u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
    }
    const sentry = usedLibraries(repo, ERROR_TRACKING);
    const sampling = [...matches('sentryTracing'), ...matches('sentryTracingPhp')];
    if (sentry.length > 0 && sampling.length > 0) {
      names.add(`${sentry.map((u) => u.library).join(', ')} with tracing`);
      evidence.push(...sampling.slice(0, 3).map((m) => fromMatch(m, 'Sentry tracing enabled')));
    }
    // Tracing auto-configured from a production dependency (Micrometer Tracing bridges in Spring Boot).
    for (const d of repo.dependencies()) {
      if (d.dev || !TRACING_BUILD_DEPENDENCIES[d.ecosystem]?.test(d.name)) continue;
      names.add(d.name);
      evidence.push({ path: d.manifest, ...(d.line !== undefined ? { line: d.line } : {}), note: `${d.name} declared (auto-configured tracing)` });
    }
    for (const m of matches('agentFlag')) {
      names.add('tracing agent');
      evidence.push(fromMatch(m, 'tracing agent started with the process'));
    }
    const distro = distroInstrumented(repo.dependencies(), repo.imports(), 'traces');
    if (distro.length > 0) {
      names.add('OpenTelemetry API with the distro (traces)');
      evidence.push(...distro.slice(0, 3).map((s) => fromImport(s, 'OpenTelemetry API; SDK configured by opentelemetry-distro at launch')));
    }
    if (names.size === 0) {
      const note = sentry.length > 0 ? ' Sentry is used without a traces sample rate, so it records errors only.' : '';
      return no(`No tracing SDK or agent is set up by production code.${note}`);
    }
    return yes(`Distributed tracing with ${[...names].join(', ')}.`, evidence.slice(0, 10));
  },
});
