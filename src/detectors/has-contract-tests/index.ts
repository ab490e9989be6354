import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, ImportSite } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

export default defineDetector({
  id: 'has-contract-tests',
  pillar: 'api',
  question: 'Are there consumer-driven contract tests (Pact or similar)?',
  rationale: 'Contract tests prove that a provider still satisfies what its consumers rely on before either is deployed.',
  patterns: {
    // A pact file written by consumer tests: `"provider": { "name": ... }`.
    pactFile: {
      regex: /"provider"\s*:\s*\{/,
      literals: ['"provider"'],
      roles: ['config', 'test', 'other', 'source'],
      paths: ['**/pacts/**/*.json'],
      code: false,
      maxPerFile: 1,
    },
    // Spring Cloud Contract: contracts in the Groovy DSL or YAML under a contracts folder of the tests.
    springContract: {
      regex: /\bContract\.make\s*\{|^request:\s*$[\s\S]*^response:\s*$/m,
      literals: ['Contract.make', 'request:'],
      roles: ['test'],
      paths: ['**/contracts/**/*.groovy', '**/contracts/**/*.kts', '**/contracts/**/*.yml', '**/contracts/**/*.yaml'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const uses: { library: string; sites: readonly ImportSite[] }[] = usedLibraries(repo, CAPABILITIES['contract-testing'], ['test']);
    for (const u of uses) evidence.push(...u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported by a test`)));
    evidence.push(...matches('pactFile').slice(0, 3).map((m) => fromMatch(m, 'pact file')));
    evidence.push(...matches('springContract').slice(0, 3).map((m) => fromMatch(m, 'Spring Cloud Contract definition')));
    if (evidence.length === 0) return no('No contract-testing library is imported by tests and no pact file exists.');
    const libs = uses.map((u) => u.library);
    const kind = libs.length > 0 ? libs.join(', ') : matches('pactFile').length > 0 ? 'Pact' : 'Spring Cloud Contract';
    return yes(`Contract tests: ${kind} (${evidence[0]!.path}).`, firstN(evidence));
  },
});
