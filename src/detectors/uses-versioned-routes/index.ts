import { defineDetector, firstN, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { analyseRoutes, ROUTE_PATTERNS, type JudgedRoute } from './routes.ts';

// Route definitions are read from production code (src/detectors/uses-versioned-routes/routes.ts),
// with the prefixes applied to them followed within a file and across files.

export const ROUTE_MEASURES = {
  routes: { unit: 'routes', description: 'API route definitions found in production code (probes, metrics, docs and the GraphQL endpoint left out).' },
  'versioned-routes': { unit: 'routes', description: 'Routes whose full path (with mount prefixes) has a /v<N>/ segment.' },
  'versioned-share': { unit: 'percent', description: 'Share of routes that are versioned, rounded.' },
};

export function routeFigures(judged: readonly JudgedRoute[]): { versioned: JudgedRoute[]; share: number; measures: Record<string, { value: number; unit: string }> } {
  const versioned = judged.filter((j) => j.versioned);
  const share = judged.length === 0 ? 0 : Math.round((100 * versioned.length) / judged.length);
  const measures = {
    routes: { value: judged.length, unit: 'routes' },
    'versioned-routes': { value: versioned.length, unit: 'routes' },
    'versioned-share': { value: share, unit: 'percent' },
  };
  return { versioned, share, measures };
}

export const routeItem = (j: JudgedRoute): EvidenceItem => fromMatch(j.route.match, `${j.route.method} ${j.full.join(' | ')}`);

export const NO_ROUTES = 'No HTTP API route definition was found in production code, so URL versioning cannot be judged.';

export default defineDetector({
  id: 'uses-versioned-routes',
  pillar: 'api',
  question: 'Are the HTTP API routes versioned in the URL (e.g. /v1/...)?',
  rationale: 'A version in the URL lets the API change without breaking the integrators of the previous version.',
  measures: ROUTE_MEASURES,
  patterns: ROUTE_PATTERNS,
  detect(ctx) {
    const judged = analyseRoutes(ctx);
    if (judged.length === 0) return unknown(NO_ROUTES);
    const { versioned, share, measures } = routeFigures(judged);
    // Yes when most routes are versioned: a /v1 route among many unversioned ones is no version prefix.
    if (versioned.length > 0 && share >= 50) {
      return yes(`${versioned.length} of ${judged.length} routes (${share}%) carry a version in the URL.`, firstN(versioned.map(routeItem)), measures);
    }
    return no(`Only ${versioned.length} of ${judged.length} routes (${share}%) carry a version in the URL.`, firstN(judged.filter((j) => !j.versioned).map(routeItem)), measures);
  },
});
