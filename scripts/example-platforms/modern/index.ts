// examples/modern-platform: a TypeScript platform that meets the level-3 criteria of most
// pillars the way a decent real team would: bounded modules with lint-enforced boundaries, a
// generated OpenAPI spec, migrations, BullMQ with idempotency and a dead-letter queue, secrets
// in a manager, SLOs, Terraform, Helm with automatic rollback, runbooks, postmortems.
import { play, type PlayResult } from '../timeline.ts';
import { ENDPOINTS } from './api.ts';
import { knownFeatures, renderModern } from './files.ts';
import { PEOPLE } from './people.ts';
import { planModern, plannedFeatures } from './plan.ts';

export { PEOPLE as MODERN_PEOPLE } from './people.ts';

export interface ModernFacts {
  commits: number;
  pullRequests: number;
  releases: number;
  endpoints: number;
  files: number;
}

/** Every feature a template gates on must be introduced by the plan, and the reverse. */
function checkPlan(): void {
  const known = knownFeatures();
  const planned = plannedFeatures();
  const unplanned = [...known].filter((f) => !planned.has(f) && !f.startsWith('ep:'));
  const unknown = [...planned].filter((f) => !known.has(f) && !f.startsWith('dep:') && f !== 'bootstrap');
  if (unplanned.length > 0 || unknown.length > 0) {
    throw new Error(`modern plan out of sync: never introduced ${unplanned.join(', ') || '-'}; used by nothing ${unknown.join(', ') || '-'}`);
  }
}

export function buildModern(): { result: PlayResult; facts: ModernFacts } {
  checkPlan();
  const plan = planModern();
  const result = play(renderModern, plan.events);
  return {
    result,
    facts: {
      commits: result.history.commits,
      pullRequests: plan.pullRequests,
      releases: plan.releases,
      endpoints: ENDPOINTS.length,
      files: result.tree.size,
    },
  };
}

export const MODERN_USER = PEOPLE.maya;
