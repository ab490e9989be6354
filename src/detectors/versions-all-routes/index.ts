import { defineDetector, firstN, no, unknown, yes } from '../../core/detector.ts';
import { NO_ROUTES, ROUTE_MEASURES, routeFigures, routeItem } from '../uses-versioned-routes/index.ts';
import { analyseRoutes, ROUTE_PATTERNS } from '../uses-versioned-routes/routes.ts';

/** Share of API routes that must be versioned: a few stragglers are tolerated, not a legacy surface. */
const COVERAGE = 90;

export default defineDetector({
  id: 'versions-all-routes',
  pillar: 'api',
  question: `Are (nearly) all HTTP API routes, at least ${COVERAGE}%, under a version prefix?`,
  rationale: 'URL versioning protects integrators only when it covers the API, not a part of it.',
  measures: ROUTE_MEASURES,
  patterns: ROUTE_PATTERNS,
  detect(ctx) {
    const judged = analyseRoutes(ctx);
    if (judged.length === 0) return unknown(NO_ROUTES);
    const { versioned, share, measures } = routeFigures(judged);
    if (share >= COVERAGE) {
      return yes(`${versioned.length} of ${judged.length} API routes (${share}%) are under a version prefix.`, firstN(versioned.map(routeItem)), measures);
    }
    const rest = judged.filter((j) => !j.versioned);
    return no(`${rest.length} of ${judged.length} API routes are not under a version prefix (${share}% versioned, needs ${COVERAGE}%).`, firstN(rest.map(routeItem)), measures);
  },
});
