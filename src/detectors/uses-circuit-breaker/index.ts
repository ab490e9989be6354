import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';
import { declaredPipelines, RESILIENCE_PIPELINE_PATTERN, RESILIENCE_PIPELINES } from '../../ecosystems/capabilities/circuit-breaker.ts';

const BREAKERS = CAPABILITIES['circuit-breaker'];
/** Resilience toolkits that also do retries and timeouts: they count where their breaker API is used. */
const TOOLKITS = new Set(['cockatiel', 'Polly']);

export default defineDetector({
  id: 'uses-circuit-breaker',
  pillar: 'reliability',
  question: 'Are calls to dependencies protected by circuit breakers (a breaker library, or mesh outlier detection)?',
  rationale: 'A breaker stops hammering a failing dependency and fails fast, so one slow service does not exhaust every caller.',
  patterns: {
    breakerApi: {
      regex: /\b(?:circuitBreaker|CircuitBreaker\w*|ConsecutiveBreaker|SamplingBreaker|CountBreaker|AddCircuitBreaker)\b/,
      literals: ['Breaker', 'breaker'],
      languages: ['javascript', 'typescript', 'csharp'],
      maxPerFile: 1,
    },
    resiliencePipeline: RESILIENCE_PIPELINE_PATTERN,
    // Ruby stoplight's entry point is a method named like its constant: `Stoplight("payments").run { ... }`.
    stoplight: { regex: /(?<![\w:.])Stoplight\s*\(\s*['"]/, literals: ['Stoplight'], languages: ['ruby'], maxPerFile: 1 },
    // Istio DestinationRule outlier detection and Envoy circuit_breakers eject failing hosts.
    meshKind: { regex: /^[ \t]*kind:\s*["']?DestinationRule\b/m, literals: ['DestinationRule'], roles: ['config', 'iac'], languages: ['yaml'] },
    meshBreaker: { regex: /^[ \t]*(?:outlierDetection|circuit_breakers):/m, literals: ['outlierDetection', 'circuit_breakers'], roles: ['config', 'iac'], languages: ['yaml'] },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const names = new Set<string>();
    const breakerFiles = new Set(matches('breakerApi').map((m) => m.path));
    for (const u of usedLibraries(repo, BREAKERS)) {
      const sites = TOOLKITS.has(u.library) ? u.sites.filter((s) => breakerFiles.has(s.path)) : u.sites;
      if (sites.length === 0) continue;
      names.add(u.library);
      evidence.push(...sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
    }
    // A Rails app loads stoplight with Bundler.require and calls `Stoplight("name")` without a constant path.
    if (!names.has('stoplight') && repo.dependencies().some((d) => d.ecosystem === 'ruby' && d.name === 'stoplight' && !d.dev)) {
      const calls = matches('stoplight');
      if (calls.length > 0) names.add('stoplight');
      evidence.push(...calls.slice(0, 3).map((m) => fromMatch(m, 'Stoplight circuit breaker')));
    }
    const destinationRules = new Set(matches('meshKind').map((m) => m.path));
    for (const m of matches('meshBreaker')) {
      if (m.text.includes('outlierDetection') && !destinationRules.has(m.path)) continue;
      names.add(m.text.includes('outlierDetection') ? 'Istio outlier detection' : 'Envoy circuit breakers');
      evidence.push(fromMatch(m, 'circuit breaking in the service mesh'));
    }
    if (declaredPipelines(repo.dependencies()).length > 0) {
      for (const m of matches('resiliencePipeline').slice(0, 3)) {
        names.add('standard resilience handler');
        evidence.push(fromMatch(m, RESILIENCE_PIPELINES[0].note));
      }
    }
    if (names.size === 0) return no('No circuit breaker protects calls from production code.');
    return yes(`Circuit breakers in use: ${[...names].join(', ')}.`, evidence.slice(0, 10));
  },
});
