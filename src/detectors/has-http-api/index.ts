import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, ImportSite } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

/** Next.js serves an API only from API routes and route handlers; pages alone are a website. */
const NEXT_API_FILE = /(^|\/)pages\/api\/|(^|\/)app\/(?:.*\/)?route\.[cm]?[jt]sx?$/;

/**
 * Libraries of the capability that are also clients or front-end frameworks: only some of their
 * import sites show an HTTP server.
 */
const SERVER_SITE: Record<string, (s: ImportSite) => boolean> = {
  // aiohttp is mostly used as an HTTP client; `aiohttp.web` is its server.
  aiohttp: (s) => s.specifier.startsWith('aiohttp.web') || /\bimport\b[^#\n]*\bweb\b/.test(s.excerpt),
  next: (s) => NEXT_API_FILE.test(s.path),
};

/** Servers seen by a call or a namespace rather than by an import the ecosystem layer reads. */
const SERVER_PATTERNS: { pattern: string; name: string; declared?: RegExp }[] = [
  { pattern: 'goServer', name: 'net/http' },
  { pattern: 'dotnetHost', name: 'ASP.NET Core' },
  // A namespace counts only when composer.json requires the framework for production.
  { pattern: 'phpFramework', name: 'a PHP web framework', declared: /^php:(?:laravel\/framework|illuminate\/routing|symfony\/(?:http-kernel|framework-bundle|routing)|slim\/slim)$/ },
];

export default defineDetector({
  id: 'has-http-api',
  pillar: 'api',
  question: 'Does production code expose an HTTP API (imports an HTTP server framework)?',
  rationale: 'The API pillar only applies to a platform that serves an API; a CLI or a library has none.',
  patterns: {
    // Go's standard library serves HTTP without a framework (`net/http` alone is also a client).
    goServer: {
      regex: /\bhttp\.ListenAndServe(?:TLS)?\s*\(|\bhttp\.Server\s*\{|\bhttp\.HandleFunc\s*\(/,
      literals: ['http.'],
      languages: ['go'],
      maxPerFile: 1,
    },
    // ASP.NET Core hosts: minimal APIs use implicit usings, so no `using Microsoft.AspNetCore` is written.
    dotnetHost: {
      regex: /\bWebApplication\s*\.\s*Create(?:Slim|Empty)?Builder\s*\(|\bWebHost\s*\.\s*CreateDefaultBuilder\s*\(|\.ConfigureWebHostDefaults\s*\(/,
      literals: ['WebApplication', 'WebHost', 'ConfigureWebHostDefaults'],
      languages: ['csharp'],
      maxPerFile: 1,
    },
    // PHP frameworks by namespace (`use Illuminate\Support\Facades\Route;`): imports are not read for PHP.
    phpFramework: {
      regex: /^[ \t]*use[ \t]+(Illuminate|Symfony\\Component\\HttpKernel|Symfony\\Component\\Routing|Symfony\\Bundle\\FrameworkBundle|Slim)\\/m,
      literals: ['Illuminate', 'Symfony', 'Slim'],
      languages: ['php'],
      maxPerFile: 1,
    },
    // Next.js route handlers and API routes export their handlers, often without importing next.
    nextRoute: {
      regex: /^export\s+(?:default\b|(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE)\b|const\s+(?:GET|POST|PUT|PATCH|DELETE)\b)/m,
      literals: ['export'],
      languages: ['javascript', 'typescript'],
      paths: ['**/pages/api/**', '**/app/**/route.{js,jsx,ts,tsx,mjs,cjs}'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const libs: string[] = [];
    for (const u of usedLibraries(repo, CAPABILITIES['http-server'])) {
      const keep = SERVER_SITE[u.library];
      const sites = keep ? u.sites.filter(keep) : u.sites;
      if (sites.length === 0) continue;
      libs.push(u.library);
      evidence.push(...sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
    }
    if (!libs.includes('next') && repo.dependencies().some((d) => d.ecosystem === 'js' && d.name === 'next' && !d.dev)) {
      const routes = matches('nextRoute');
      if (routes.length > 0) {
        libs.push('next');
        evidence.push(...routes.slice(0, 3).map((m) => fromMatch(m, 'Next.js API route')));
      }
    }
    for (const { pattern, name, declared } of SERVER_PATTERNS) {
      const found = matches(pattern).filter(() => !declared || repo.dependencies().some((d) => !d.dev && declared.test(`${d.ecosystem}:${d.name}`)));
      if (found.length === 0) continue;
      libs.push(name);
      evidence.push(...found.slice(0, 3).map((m) => fromMatch(m, `${name} server`)));
    }
    if (libs.length === 0) return no('No HTTP server framework is imported by production code, so the platform exposes no HTTP API.');
    return yes(`Production code serves HTTP with ${libs.join(', ')}.`, firstN(evidence));
  },
});
