import { defineDetector, firstN, no, yes } from '../../core/detector.ts';
import type { RepoView } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, findSteps, readCi } from '../../ecosystems/ci.ts';

/** Spec linters, breaking-change checkers and validators, as commands or CI actions. */
const SPEC_CHECK = new RegExp(
  [
    String.raw`\bspectral(?:-cli)?(?:@[\w.^~-]+)?\s+lint\b`,
    String.raw`stoplightio/spectral-action`,
    String.raw`\boasdiff\b`,
    String.raw`\bopenapi-diff\b`,
    String.raw`\boptic\s+(?:diff|lint|ci|run)\b`,
    String.raw`(?:@redocly/cli|@redocly/openapi-cli|\bredocly|\bopenapi)(?:@[\w.^~-]+)?\s+lint\b`,
    String.raw`\bgraphql-inspector\b`,
    String.raw`\bbuf\s+(?:breaking|lint)\b`,
    String.raw`bufbuild/buf-(?:breaking-|lint-)?action`,
    String.raw`\bopenapi-generator(?:-cli)?(?:@[\w.^~-]+)?\s+validate\b`,
    String.raw`\bswagger-cli(?:@[\w.^~-]+)?\s+validate\b`,
    String.raw`\bopenapi-spec-validator\b`,
    String.raw`\bvacuum\s+lint\b`,
  ].join('|'),
  'i',
);
const SCRIPT_CALL = /\b(?:npm\s+run(?:-script)?|yarn(?:\s+run)?|pnpm(?:\s+run)?|bun\s+run)\s+([\w:.-]+)/g;

/** package.json scripts of the platform's own manifests, by name. */
function scripts(repo: RepoView): Map<string, { path: string; body: string }[]> {
  const out = new Map<string, { path: string; body: string }[]>();
  for (const f of repo.glob('**/package.json', ['config'])) {
    const text = repo.text(f.path);
    if (!text) continue;
    try {
      const s = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
      for (const [name, body] of Object.entries(s)) {
        if (typeof body === 'string') out.set(name, [...(out.get(name) ?? []), { path: f.path, body }]);
      }
    } catch {
      // malformed manifests are reported by the scanner
    }
  }
  return out;
}

/** The script (if any) through which a CI command runs a spec check. */
function viaScript(text: string, byName: Map<string, { path: string; body: string }[]>, depth = 0): string | undefined {
  if (depth > 1) return undefined;
  for (const m of text.matchAll(SCRIPT_CALL)) {
    for (const s of byName.get(m[1]!) ?? []) {
      if (SPEC_CHECK.test(s.body) || viaScript(s.body, byName, depth + 1)) return `${s.path} script "${m[1]}"`;
    }
  }
  return undefined;
}

export default defineDetector({
  id: 'ci-checks-api-spec',
  pillar: 'api',
  question: 'Does CI lint the API specification or check it for breaking changes?',
  rationale: 'A spec gate in CI stops invalid specs and unannounced breaking changes before they reach integrators.',
  contents: [...CI_GLOBS, '**/package.json'],
  detect({ repo }) {
    const ci = readCi(repo);
    const byName = scripts(repo);
    const evidence: EvidenceItem[] = [];
    for (const { job, step } of findSteps(ci, /[\s\S]/)) {
      let note: string | undefined;
      if (SPEC_CHECK.test(step.text)) note = 'API spec check';
      else {
        const via = viaScript(step.text, byName);
        if (via) note = `API spec check via ${via}`;
      }
      if (!note) continue;
      const first = step.text.split('\n').find((l) => SPEC_CHECK.test(l) || new RegExp(SCRIPT_CALL.source).test(l)) ?? step.text.split('\n')[0]!;
      const excerpt = first.trim();
      evidence.push({ path: job.file, line: step.line, excerpt: excerpt.length > 160 ? `${excerpt.slice(0, 159)}…` : excerpt, note: `${note} (job ${job.name})` });
    }
    if (evidence.length === 0) {
      const why = ci.jobs.length === 0 ? 'no CI pipeline was found' : 'no CI step runs a spec linter or breaking-change check';
      return no(`The API specification is not checked in CI: ${why}.`);
    }
    return yes(`CI checks the API specification (${evidence[0]!.path}:${evidence[0]!.line}).`, firstN(evidence));
  },
});
