import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { FileRole, Match } from '../../core/types.ts';

/** A spec is the platform's own unless it sits in tests, fixtures, vendored or generated code. */
const OWN_ROLES: readonly FileRole[] = ['source', 'config', 'other', 'docs', 'iac', 'ci'];

const KIND: Record<string, string> = {
  yamlSpec: 'spec',
  jsonSpec: 'spec',
  graphql: 'GraphQL schema',
  proto: 'protobuf service',
};

export default defineDetector({
  id: 'has-api-spec',
  pillar: 'api',
  question: 'Does the repository contain an API specification (OpenAPI, AsyncAPI, GraphQL SDL or protobuf)?',
  rationale: 'A written specification is the contract integrators build against and the basis for checking breaking changes.',
  measures: {
    'spec-files': { unit: 'files', description: 'API specification files (OpenAPI/Swagger, AsyncAPI, GraphQL SDL, protobuf services).' },
  },
  patterns: {
    // A top-level key with a version: `openapi: 3.0.3`, `swagger: "2.0"`, `asyncapi: 2.6.0`.
    yamlSpec: {
      regex: /^(openapi|swagger|asyncapi)[ \t]*:[ \t]*["']?\d/m,
      literals: ['openapi', 'swagger', 'asyncapi'],
      roles: OWN_ROLES,
      paths: ['**/*.{yaml,yml}'],
      maxPerFile: 1,
    },
    jsonSpec: {
      regex: /"(openapi|swagger|asyncapi)"\s*:\s*"\d/,
      literals: ['"openapi"', '"swagger"', '"asyncapi"'],
      roles: OWN_ROLES,
      paths: ['**/*.json'],
      code: false,
      maxPerFile: 1,
    },
    graphql: {
      regex: /^[ \t]*(?:extend[ \t]+)?(?:type[ \t]+(Query|Mutation|Subscription)\b|(schema)[ \t]*\{)/m,
      literals: ['type Query', 'type Mutation', 'type Subscription', 'schema'],
      roles: OWN_ROLES,
      paths: ['**/*.{graphql,gql,graphqls}'],
      code: false,
      maxPerFile: 1,
    },
    proto: {
      regex: /^[ \t]*service[ \t]+\w+[ \t]*\{/m,
      literals: ['service'],
      roles: OWN_ROLES,
      paths: ['**/*.proto'],
      code: false,
      maxPerFile: 1,
    },
  },
  detect({ matches }) {
    const found: { m: Match; kind: string }[] = [];
    for (const name of ['yamlSpec', 'jsonSpec', 'graphql', 'proto'] as const) {
      for (const m of matches(name)) {
        const kind = KIND[name] === 'spec' ? ({ openapi: 'OpenAPI', swagger: 'Swagger', asyncapi: 'AsyncAPI' } as Record<string, string>)[m.groups[0]!]! : KIND[name]!;
        found.push({ m, kind });
      }
    }
    found.sort((a, b) => a.m.path.localeCompare(b.m.path));
    const measures = { 'spec-files': { value: found.length, unit: 'files' } };
    if (found.length === 0) return no('No API specification file (OpenAPI, Swagger, AsyncAPI, GraphQL schema or protobuf service) was found.', [], measures);
    const kinds = [...new Set(found.map((f) => f.kind))];
    return yes(`${found.length} API specification file(s): ${kinds.join(', ')} (first: ${found[0]!.m.path}).`, firstN(found.map((f) => fromMatch(f.m, f.kind))), measures);
  },
});
