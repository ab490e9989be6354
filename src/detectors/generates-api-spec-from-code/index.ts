import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

/** Libraries whose import alone does not produce a spec: they need a setup call too. */
const NEEDS_SETUP: Record<string, string> = {
  // @nestjs/swagger decorators describe the API; SwaggerModule.createDocument builds the spec.
  '@nestjs/swagger': 'swaggerModule',
};

/**
 * Libraries that generate the spec without being imported: Spring Boot auto-configures springdoc
 * from the classpath; ASP.NET Core registers Swashbuckle/NSwag/OpenApi through extension methods
 * whose namespace is implicit. They count when declared for production and, where given, set up.
 */
const WITHOUT_IMPORT: Record<string, { server: 'jvm' | 'dotnet'; setup?: string }> = {
  'org.springdoc': { server: 'jvm' },
  'Swashbuckle.AspNetCore': { server: 'dotnet', setup: 'aspnetOpenApi' },
  'NSwag.AspNetCore': { server: 'dotnet', setup: 'aspnetOpenApi' },
  'Microsoft.AspNetCore.OpenApi': { server: 'dotnet', setup: 'aspnetOpenApi' },
};

/** Frameworks that build the OpenAPI document from their route definitions by design. */
const BY_DESIGN = ['fastapi', 'litestar', 'django-ninja', 'apiflask'];

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
    aspnetOpenApi: {
      regex: /\.\s*(?:AddSwaggerGen|AddOpenApi|AddOpenApiDocument|AddSwaggerDocument)\s*[<(]/,
      literals: ['AddSwaggerGen', 'AddOpenApi', 'AddSwaggerDocument'],
      languages: ['csharp'],
    },
    // A Spring or ASP.NET server in production code, for the libraries that are never imported.
    jvmServer: {
      regex: /^[ \t]*import[ \t]+org\.springframework\.(?:web|http)\b/m,
      literals: ['org.springframework'],
      languages: ['java', 'kotlin'],
      maxPerFile: 1,
    },
    dotnetServer: {
      regex: /\bWebApplication\s*\.\s*Create(?:Slim)?Builder\s*\(|\bMicrosoft\.AspNetCore\.Mvc\b/,
      literals: ['WebApplication', 'Microsoft.AspNetCore.Mvc'],
      languages: ['csharp'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const libs: string[] = [];
    const capability = CAPABILITIES['api-spec-generator'];
    for (const u of usedLibraries(repo, capability)) {
      const setup = NEEDS_SETUP[u.library] ?? WITHOUT_IMPORT[u.library]?.setup;
      if (setup) {
        const calls = matches(setup);
        if (calls.length === 0) continue;
        evidence.push(...calls.slice(0, 3).map((m) => fromMatch(m, `${u.library} builds the spec`)));
      } else {
        evidence.push(...u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
      }
      libs.push(u.library);
    }
    for (const d of repo.dependencies()) {
      const library = Object.keys(WITHOUT_IMPORT).find((l) => d.ecosystem === WITHOUT_IMPORT[l]!.server && (d.name === l || d.name.startsWith(`${l}:`) || d.name.startsWith(`${l}.`)));
      if (!library || d.dev || libs.includes(library)) continue;
      const { server, setup } = WITHOUT_IMPORT[library]!;
      const servers = matches(`${server}Server`);
      const calls = setup ? matches(setup) : [];
      if (servers.length === 0 || (setup && calls.length === 0)) continue;
      libs.push(library);
      evidence.push({ path: d.manifest, ...(d.line ? { line: d.line } : {}), note: `${d.name} declared` }, ...[...calls, ...servers].slice(0, 2).map((m) => fromMatch(m, setup && calls.includes(m) ? `${library} builds the spec` : 'server the spec is generated from')));
    }
    if (libs.length === 0) return no('No library that generates an API specification from code is used by production code.');
    const byDesign = libs.filter((l) => BY_DESIGN.includes(l));
    const how = byDesign.length === libs.length ? ' (the framework generates OpenAPI by design)' : '';
    return yes(`The API specification is generated from code with ${libs.join(', ')}${how}.`, firstN(evidence));
  },
});
