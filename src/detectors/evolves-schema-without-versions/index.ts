import { defineDetector, firstN, fromImport, fromMatch, no, notApplicable, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { CI_GLOBS, findSteps, readCi } from '../../ecosystems/ci.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';
import { analyseRoutes, ROUTE_PATTERNS } from '../uses-versioned-routes/routes.ts';

// A GraphQL or gRPC API has no URL version by design: its contract is the schema, and it evolves
// by adding fields, deprecating the old ones and never reusing a removed one. What stands in for
// a URL version is the evidence of that discipline. A REST API is still judged by its routes.

/** The platform's own schema files, not tests, fixtures, vendored or generated copies. */
const OWN: readonly FileRole[] = ['source', 'config', 'other', 'docs', 'iac'];

/** CI steps that fail on a breaking schema change. */
const BREAKING_CHECK = /\bbuf\s+breaking\b|bufbuild\/buf-(?:breaking-)?action|\bgraphql-inspector\b|\brover\s+(?:sub)?graph\s+check\b|\bapollo\s+(?:service|client):check\b/;

const KIND: Record<string, string> = {
  sdlDeprecated: '@deprecated field in the GraphQL schema',
  codeDeprecated: 'deprecation reason in the code-first schema',
  protoReserved: 'reserved field in the protobuf schema',
  protoDeprecated: 'deprecated option in the protobuf schema',
  protoPackage: 'versioned protobuf package',
};

export default defineDetector({
  id: 'evolves-schema-without-versions',
  pillar: 'api',
  question: 'Does a GraphQL or gRPC API (with no REST routes) evolve its schema compatibly: deprecated or reserved fields, versioned proto packages, breaking-change checks in CI?',
  rationale: 'A schema API is versionless by design; deprecations and breaking-change checks are what keep its integrators safe instead of a /v1 prefix.',
  contents: CI_GLOBS,
  patterns: {
    ...ROUTE_PATTERNS,
    sdlDeprecated: {
      regex: /^[^#\n]*@deprecated\b/m,
      literals: ['@deprecated'],
      roles: OWN,
      paths: ['**/*.{graphql,gql,graphqls}'],
      code: false,
      maxPerFile: 3,
    },
    // graphql-js/type-graphql/Nest/Pothos `deprecationReason`, Strawberry/Graphene `deprecation_reason=`,
    // graphql-ruby `deprecation_reason:`, Hot Chocolate `[GraphQLDeprecated(...)]`.
    codeDeprecated: {
      regex: /\bdeprecation_?[rR]eason\b\s*[:=]|\[\s*GraphQLDeprecated\s*\(|@GraphQLDeprecated\b/,
      literals: ['eprecation', 'GraphQLDeprecated'],
      languages: ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'csharp', 'php'],
      maxPerFile: 3,
    },
    protoReserved: {
      regex: /^[ \t]*reserved[ \t]+(?:\d|["'])/m,
      literals: ['reserved'],
      roles: OWN,
      paths: ['**/*.proto'],
      maxPerFile: 3,
    },
    protoDeprecated: {
      regex: /\[[ \t]*deprecated[ \t]*=[ \t]*true[ \t]*\]|^[ \t]*option[ \t]+deprecated[ \t]*=[ \t]*true/m,
      literals: ['deprecated'],
      roles: OWN,
      paths: ['**/*.proto'],
      maxPerFile: 3,
    },
    protoPackage: {
      regex: /^[ \t]*package[ \t]+[\w.]*\bv\d+(?:(?:alpha|beta)\d*)?[ \t]*;/m,
      literals: ['package'],
      roles: OWN,
      paths: ['**/*.proto'],
      maxPerFile: 1,
    },
  },
  detect(ctx) {
    const { repo, matches } = ctx;
    const rest = analyseRoutes(ctx);
    if (rest.length > 0) {
      return notApplicable(`The platform serves ${rest.length} REST route(s) (first: ${rest[0]!.route.file}:${rest[0]!.route.match.line}), so its versioning is judged by its URLs.`);
    }
    const apis = usedLibraries(repo, CAPABILITIES['schema-api']);
    if (apis.length === 0) return notApplicable('No GraphQL or gRPC server library is used by production code.');
    const evidence: EvidenceItem[] = [];
    for (const name of Object.keys(KIND)) evidence.push(...matches(name).map((m) => fromMatch(m, KIND[name]!)));
    for (const { job, step } of findSteps(readCi(repo), BREAKING_CHECK)) {
      const line = step.text.split('\n').find((l) => BREAKING_CHECK.test(l))?.trim() ?? '';
      evidence.push({ path: job.file, line: step.line, excerpt: line.length > 160 ? `${line.slice(0, 159)}…` : line, note: `breaking-change check of the schema (job ${job.name})` });
    }
    const libs = apis.map((u) => u.library).join(', ');
    if (evidence.length === 0) {
      return no(`The API is served with ${libs} and has no REST routes, but nothing shows how its schema evolves: no @deprecated or reserved field, no versioned proto package, no breaking-change check in CI.`);
    }
    const kinds = [...new Set(evidence.map((e) => e.note!.replace(/ \(job .*\)$/, '')))];
    return yes(
      `The schema API (${libs}) evolves without URL versions: ${kinds.join('; ')} (${evidence[0]!.path}${evidence[0]!.line ? `:${evidence[0]!.line}` : ''}).`,
      firstN([...evidence, ...apis.slice(0, 1).flatMap((u) => u.sites.slice(0, 1).map((s) => fromImport(s, `${u.library} serves the API`)))]),
    );
  },
});
