import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { Language } from '../../core/types.ts';

const CODE: readonly Language[] = ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'csharp', 'php'];

export default defineDetector({
  id: 'has-deprecation-policy',
  pillar: 'api',
  question: 'Is there a documented API deprecation policy (or do responses announce deprecation with Deprecation/Sunset headers)?',
  rationale: 'Integrators can only plan for a change that is announced ahead of time by a known rule.',
  patterns: {
    // A document about deprecation: its first heading or line.
    deprecationDoc: {
      regex: /^.*\S.*$/m,
      roles: ['docs'],
      languages: ['markdown'],
      paths: ['**/*[dD]eprecat*', '**/*DEPRECAT*'],
      code: false,
      maxPerFile: 1,
    },
    policyHeading: {
      regex: /^#{1,6}[ \t]+.*(?:deprecation[ \t]+(?:policy|process|schedule)|versioning[ \t]+policy)|^.*(?:deprecation[ \t]+(?:policy|process|schedule)|versioning[ \t]+policy).*\r?\n[=\-~^"]{3,}[ \t]*$/im,
      literals: ['eprecation', 'EPRECATION', 'ersioning', 'ERSIONING'],
      roles: ['docs'],
      languages: ['markdown'],
      code: false,
      maxPerFile: 3,
    },
    // `res.set('Deprecation', ...)`, `w.Header().Set("Sunset", ...)`, `Response.Headers.Append("Sunset", ...)`,
    // `response.headers["Sunset"] = ...`, and Django's `response["Deprecation"] = ...`.
    header: {
      regex: /\b(?:set|append|add|Add|Set|Append|TryAdd)\s*\(\s*['"`](Deprecation|Sunset)['"`]\s*,|\b(?:setHeader|header|Header|appendHeader|add_header|addHeader|set_header|withHeader|withAddedHeader)\s*\(\s*['"`]([Dd]eprecation|[Ss]unset)['"`]\s*,|\b[Hh]eaders\s*\[\s*['"]([Dd]eprecation|[Ss]unset)['"]\s*\]\s*=(?!=)|\b\w+\s*\[\s*['"](Deprecation|Sunset)['"]\s*\]\s*=(?!=)/,
      literals: ['eprecation', 'unset'],
      languages: CODE,
    },
  },
  detect({ matches }) {
    const docs = [...matches('deprecationDoc').map((m) => fromMatch(m, 'deprecation document')), ...matches('policyHeading').map((m) => fromMatch(m, 'policy heading'))];
    const headers = matches('header').map((m) => fromMatch(m, `${m.groups.find((g) => g !== undefined)} header set`));
    if (docs.length === 0 && headers.length === 0) {
      return no('No deprecation policy document or heading, and no Deprecation/Sunset response header in production code.');
    }
    const parts = [
      docs.length > 0 ? `documented at ${docs[0]!.path}${docs[0]!.line ? `:${docs[0]!.line}` : ''}` : '',
      headers.length > 0 ? `Deprecation/Sunset headers set in production code (${headers[0]!.path}:${headers[0]!.line})` : '',
    ].filter(Boolean);
    return yes(`Deprecation policy ${parts.join('; ')}.`, firstN([...docs, ...headers]));
  },
});
