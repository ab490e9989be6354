import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

/** Libraries whose import alone does not produce a spec: they need a setup call too. */
const NEEDS_SETUP: Record<string, string> = {
  // @nestjs/swagger decorators describe the API; SwaggerModule.createDocument builds the spec.
  '@nestjs/swagger': 'swaggerModule',
};

export default defineDetector({
  id: 'generates-api-spec-from-code',
  pillar: 'api',
  question: 'Is the API specification generated from the code (so it cannot drift from it)?',
  rationale: 'A spec generated from the routes and types that serve requests stays true without anyone remembering to update it.',
  patterns: {
    swaggerModule: {
      regex: /\bSwaggerModule\s*\.\s*(?:createDocument|setup)\s*\(/,
      literals: ['SwaggerModule'],
      languages: ['typescript', 'javascript'],
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const libs: string[] = [];
    for (const u of usedLibraries(repo, CAPABILITIES['api-spec-generator'])) {
      const setup = NEEDS_SETUP[u.library];
      if (setup) {
        const calls = matches(setup);
        if (calls.length === 0) continue;
        evidence.push(...calls.slice(0, 3).map((m) => fromMatch(m, `${u.library} builds the spec`)));
      } else {
        evidence.push(...u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
      }
      libs.push(u.library);
    }
    if (libs.length === 0) return no('No library that generates an API specification from code is used by production code.');
    const byDesign = libs.filter((l) => ['fastapi', 'litestar', 'django-ninja', 'apiflask'].includes(l));
    const how = byDesign.length === libs.length ? ' (the framework generates OpenAPI by design)' : '';
    return yes(`The API specification is generated from code with ${libs.join(', ')}${how}.`, firstN(evidence));
  },
});
