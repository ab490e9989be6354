import { defineDetector, firstN, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, findSteps, packageScripts, readCi, SCRIPT_CALL, scriptRunning, type PackageScript } from '../../ecosystems/ci.ts';

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
    // Apollo GraphOS schema checks, and the OpenAPI Generator Gradle/Maven validate tasks.
    String.raw`\brover\s+(?:sub)?graph\s+(?:check|lint)\b`,
    String.raw`\bopenApiValidate\b`,
    String.raw`\bopenapi-generator:validate\b`,
  ].join('|'),
  'i',
);
/** The script (if any) through which a CI command runs a spec check. */
function viaScript(text: string, byName: Map<string, PackageScript[]>): string | undefined {
  const s = scriptRunning(text, SPEC_CHECK, byName);
  return s && `${s.path} script "${s.name}"`;
}

export default defineDetector({
  id: 'ci-checks-api-spec',
  pillar: 'api',
  question: 'Does CI lint the API specification or check it for breaking changes?',
  rationale: 'A spec gate in CI stops invalid specs and unannounced breaking changes before they reach integrators.',
  contents: [...CI_GLOBS, '**/package.json'],
  detect({ repo }) {
    const ci = readCi(repo);
    const byName = packageScripts(repo);
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
