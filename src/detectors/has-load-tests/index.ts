import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { packageOfSpecifier } from '../../ecosystems/imports.ts';
import { importNames } from '../../ecosystems/capability.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';

/** Load tests are usually kept with tests or in their own folder; never in docs, fixtures or vendored code. */
const ROLES: readonly FileRole[] = ['source', 'test', 'config', 'other', 'ci'];

export default defineDetector({
  id: 'has-load-tests',
  pillar: 'scalability',
  question: 'Does the repository contain load tests (k6, Artillery, Locust, Gatling, JMeter, autocannon)?',
  rationale: 'Load tests show where the platform saturates before customers find out, and make capacity claims checkable.',
  measures: { 'load-test-files': { unit: 'files', description: 'Files that define load tests' } },
  patterns: {
    // Artillery: a YAML script with config.target and scenarios.
    artilleryConfig: { regex: /^config:[ \t]*$/m, literals: ['config:'], roles: ROLES, languages: ['yaml'], maxPerFile: 1 },
    artilleryTarget: { regex: /^[ \t]+target:[ \t]*\S/m, literals: ['target:'], roles: ROLES, languages: ['yaml'], maxPerFile: 1 },
    artilleryScenarios: { regex: /^scenarios:/m, literals: ['scenarios:'], roles: ROLES, languages: ['yaml'], maxPerFile: 1 },
    gatling: {
      regex: /\bextends\s+Simulation\b|:\s*Simulation\s*\(\s*\)/,
      literals: ['Simulation'],
      roles: ROLES,
      paths: ['**/*.scala', '**/*.java', '**/*.kt'],
      maxPerFile: 1,
    },
    vegeta: { regex: /"github\.com\/tsenart\/vegeta/, literals: ['tsenart/vegeta'], roles: ROLES, languages: ['go'], maxPerFile: 1 },
    nbomber: { regex: /^[ \t]*using[ \t]+NBomber\b/m, literals: ['NBomber'], roles: ROLES, languages: ['csharp'], maxPerFile: 1 },
  },
  detect({ repo, matches }) {
    const found = new Map<string, EvidenceItem>();
    const add = (e: EvidenceItem): void => {
      if (!found.has(e.path)) found.set(e.path, e);
    };
    // k6, artillery, autocannon, locust... imported by a script. No manifest check: k6 is a binary.
    const cap = CAPABILITIES['load-testing'];
    for (const [eco, entries] of Object.entries(cap.libraries)) {
      const names = new Set((entries ?? []).flatMap((e) => [...importNames(e)]));
      for (const s of repo.imports()) {
        if (s.ecosystem !== eco || !ROLES.includes(s.role)) continue;
        const pkg = packageOfSpecifier(s.ecosystem, s.specifier);
        if ((pkg && names.has(pkg)) || names.has(s.specifier)) add(fromImport(s, `${pkg ?? s.specifier} load test`));
      }
    }
    for (const f of repo.glob(['**/locustfile.py', '**/locustfile*.py', '**/*.jmx'], [...ROLES])) add({ path: f.path, note: f.path.endsWith('.jmx') ? 'JMeter test plan' : 'Locust file' });
    const target = new Set(matches('artilleryTarget').map((m) => m.path));
    const scenarios = new Set(matches('artilleryScenarios').map((m) => m.path));
    for (const m of matches('artilleryConfig')) if (target.has(m.path) && scenarios.has(m.path)) add(fromMatch(m, 'Artillery script'));
    for (const m of matches('gatling')) add(fromMatch(m, 'Gatling simulation'));
    for (const m of matches('vegeta')) add(fromMatch(m, 'Vegeta load test'));
    for (const m of matches('nbomber')) add(fromMatch(m, 'NBomber load test'));

    const items = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    const measures = { 'load-test-files': { value: items.length, unit: 'files' } };
    if (items.length === 0) return no('No load-test scripts (k6, Artillery, Locust, Gatling, JMeter, autocannon) found.', [], measures);
    return yes(`${items.length} load-test file(s) found.`, items.slice(0, 10), measures);
  },
});
