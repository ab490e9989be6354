import { defineDetector, fromImport, fromMatch, no, notApplicable, yes } from '../../core/detector.ts';
import type { Match } from '../../core/types.ts';
import HTTP_CLIENT from '../../ecosystems/capabilities/http-client.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';
import { declaredPipelines, RESILIENCE_PIPELINE_PATTERN, RESILIENCE_PIPELINES } from '../../ecosystems/capabilities/circuit-breaker.ts';

const JS = ['javascript', 'typescript'] as const;
/** Browser code calls its own backend; its requests are not service-to-service calls. */
const UI_FILE = /\.[jt]sx$|(^|\/)(frontend|web|public|static|www)\//;

export default defineDetector({
  id: 'sets-outbound-timeouts',
  pillar: 'reliability',
  question: 'Do outbound HTTP calls set timeouts?',
  rationale: 'Without a timeout, one hung dependency holds connections and workers forever and the outage spreads to every caller.',
  measures: { 'timeout-sites': { unit: 'sites', description: 'Places where production code sets a timeout on outbound HTTP calls' } },
  patterns: {
    resiliencePipeline: RESILIENCE_PIPELINE_PATTERN,
    // In files that import an HTTP client: axios/got/ky/undici options, superagent .timeout().
    jsTimeoutOption: { regex: /\btimeout\s*:\s*[\w({]/, literals: ['timeout'], languages: JS },
    jsTimeoutCall: { regex: /\.defaults\.timeout\s*=|\.timeout\s*\(\s*[\d{]/, literals: ['timeout'], languages: JS },
    // Anywhere: fetch with AbortSignal.timeout, undici timeouts.
    abortTimeout: { regex: /\bAbortSignal\.timeout\s*\(/, literals: ['AbortSignal.timeout'], languages: JS },
    undiciTimeouts: { regex: /\b(?:headersTimeout|bodyTimeout|connectTimeout)\s*:/, literals: ['headersTimeout', 'bodyTimeout', 'connectTimeout'], languages: JS },
    // AbortController aborted by a timer.
    abortTimer: { regex: /\bsetTimeout\s*\([^;]{0,80}?\.abort\s*\(/, literals: ['abort'], languages: JS },
    fetchCall: { regex: /(?<![\w.$])fetch\s*\(/, literals: ['fetch'], languages: JS },
    pyTimeout: {
      regex: /\btimeout\s*=\s*(?!None\b)[\w.(]|\b(?:httpx\.Timeout|ClientTimeout|urllib3\.Timeout)\s*\(/,
      literals: ['timeout', 'Timeout'],
      languages: ['python'],
    },
    // Faraday options, Net::HTTP attributes, HTTParty / RestClient / Excon options, http.rb `.timeout(5)`.
    rubyTimeout: {
      regex: /\b(?:open_timeout|read_timeout|write_timeout|connect_timeout|timeout)\s*(?:=(?!=)|:)\s*(?!nil\b)[\w(]|\.timeout\s*\(\s*[\d:]/,
      literals: ['timeout'],
      languages: ['ruby'],
    },
    // Guzzle / Symfony HttpClient options (`'timeout' => 5`, RequestOptions::TIMEOUT), Laravel's `Http::timeout(5)`.
    phpTimeout: {
      regex: /(['"])(?:timeout|connect_timeout|read_timeout|max_duration)\1\s*=>\s*(?!null\b)[\w$(.]|\bRequestOptions::(?:TIMEOUT|CONNECT_TIMEOUT|READ_TIMEOUT)\b|(?:->|::)(?:timeout|connectTimeout)\s*\(\s*[\d$]/,
      literals: ['timeout', 'TIMEOUT', 'max_duration', 'connectTimeout'],
      languages: ['php'],
    },
    goClientTimeout: { regex: /\bhttp\.Client\s*\{[^}]{0,400}?\bTimeout\s*:|\b(?:ResponseHeaderTimeout|TLSHandshakeTimeout)\s*:/, literals: ['Timeout'], languages: ['go'] },
    goCtxTimeout: { regex: /\bcontext\.WithTimeout\s*\(/, literals: ['context.WithTimeout'], languages: ['go'] },
    goRequest: { regex: /\bhttp\.(?:NewRequestWithContext|NewRequest|Get|Post|PostForm|Head)\s*\(|\bhttp\.Client\s*\{/, literals: ['http.'], languages: ['go'] },
    jvmTimeout: {
      regex: /\.(?:connectTimeout|readTimeout|setConnectTimeout|setReadTimeout|responseTimeout|callTimeout|setConnectionRequestTimeout)\s*\(|\.timeout\s*\(\s*Duration\./,
      literals: ['Timeout', 'timeout'],
      languages: ['java', 'kotlin'],
    },
    dotnetTimeout: { regex: /\.Timeout\s*=\s*TimeSpan\./, literals: ['Timeout'], languages: ['csharp'] },
  },
  detect({ repo, matches }) {
    const clients = usedLibraries(repo, HTTP_CLIENT);
    const clientFiles = new Set(clients.flatMap((u) => u.sites.map((s) => s.path)));
    const notUi = (m: Match): boolean => !UI_FILE.test(m.path);
    const goRequestFiles = new Set(matches('goRequest').map((m) => m.path));
    const sites: { m: Match; note: string }[] = [
      ...[...matches('jsTimeoutOption'), ...matches('jsTimeoutCall'), ...matches('pyTimeout'), ...matches('rubyTimeout'), ...matches('phpTimeout')]
        .filter((m) => clientFiles.has(m.path) && notUi(m))
        .map((m) => ({ m, note: 'HTTP client timeout' })),
      ...matches('abortTimeout').filter(notUi).map((m) => ({ m, note: 'fetch with AbortSignal.timeout' })),
      ...matches('abortTimer').filter(notUi).map((m) => ({ m, note: 'request aborted by a timer' })),
      ...matches('undiciTimeouts').map((m) => ({ m, note: 'undici timeout' })),
      ...matches('goClientTimeout').map((m) => ({ m, note: 'http.Client timeout' })),
      ...matches('goCtxTimeout').filter((m) => goRequestFiles.has(m.path)).map((m) => ({ m, note: 'request context with timeout' })),
      ...matches('jvmTimeout').map((m) => ({ m, note: 'HTTP client timeout' })),
      ...matches('dotnetTimeout').map((m) => ({ m, note: 'HttpClient timeout' })),
      ...(declaredPipelines(repo.dependencies()).length > 0 ? matches('resiliencePipeline') : []).map((m) => ({ m, note: RESILIENCE_PIPELINES[0].note })),
    ].sort((a, b) => (a.m.path < b.m.path ? -1 : a.m.path > b.m.path ? 1 : a.m.line - b.m.line));
    const measures = { 'timeout-sites': { value: sites.length, unit: 'sites' } };
    if (sites.length > 0) {
      return yes(`Outbound calls set timeouts at ${sites.length} site(s).`, sites.slice(0, 10).map((s) => fromMatch(s.m, s.note)), measures);
    }
    const outbound = [
      ...clients.flatMap((u) => u.sites.filter((s) => !UI_FILE.test(s.path)).slice(0, 3).map((s) => fromImport(s, `${u.library} used without a timeout`))),
      ...matches('fetchCall').filter(notUi).slice(0, 3).map((m) => fromMatch(m, 'fetch without a timeout')),
      ...matches('goRequest').slice(0, 3).map((m) => fromMatch(m, 'HTTP call without a timeout')),
    ];
    if (outbound.length === 0) return notApplicable('Production code makes no outbound HTTP calls that could be recognised.');
    return no('Outbound HTTP calls are made without any timeout setting.', outbound.slice(0, 10), measures);
  },
});
