// The history store the dashboard is tested against: real assessments (the payments series, the
// report fixtures with reviews, overrides, GitHub, GitLab and unhosted remotes, an empty and an
// incomplete one), two repositories whose keys are hostile, and a synthetic fleet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assessment } from '../../src/core/assessment.ts';
import type { EvidenceRecord } from '../../src/engine/judge.ts';
import type { Store } from '../../src/history/db.ts';
import { saveAssessment } from '../../src/history/store.ts';
import { buildFixture, FIXTURE_NAMES, type FixtureName, type ReportFixture } from '../reports/fixtures.ts';
import { assessPayments, fleetAssessment, seedFleet, type Assessed, type FleetOptions } from './seed.ts';

/** The dashboard's clock in tests: after every stored assessment. */
export const DASHBOARD_NOW = new Date('2026-09-01T12:00:00Z');

/** A key that is markup: it must come out as text everywhere. */
export const SCRIPT_KEY = `/srv/<script>alert("pwned")</script>&'x'`;
/** A key with dot segments: a lookup of it must find it, and nothing else. */
export const DOTS_KEY = '/srv/../../etc/passwd';
export const HOSTILE_AT = '2026-05-01T00:00:00.000Z';

export const FLEET: FleetOptions = { repositories: 300, perRepository: 10, start: '2024-01-01T08:00:00.000Z' };

export interface DashboardData {
  payments: Assessed[];
  fixtures: Record<FixtureName, ReportFixture>;
  /** Where the fixture repositories are; remove with cleanup(). */
  dir: string;
  cleanup(): void;
}

/** Assess the real repositories once (about 20 s); every store is seeded from this. */
export async function assessDashboardData(): Promise<DashboardData> {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-dashboard-'));
  const payments = await assessPayments(dir);
  const fixtures = {} as Record<FixtureName, ReportFixture>;
  for (const name of FIXTURE_NAMES) fixtures[name] = await buildFixture(name, join(dir, 'fixtures'));
  return { payments, fixtures, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function hostile(template: Assessment, key: string): Assessment {
  return { ...template, subject: { ...template.subject, remote: null, path: key }, assessedAt: HOSTILE_AT };
}

/** A repository assessed every month for LONG_LIVED_COUNT months: more than one trend window. */
export const LONG_LIVED_KEY = 'github.com/acme/longlived';
export const LONG_LIVED_COUNT = 45;

function longLived(template: Assessment, j: number): Assessment {
  const a = fleetAssessment(template, 3, j, { ...FLEET, start: '2022-12-10T09:00:00.000Z' });
  const at = new Date(Date.UTC(2022, 11 + j, 10, 9)).toISOString();
  return { ...a, subject: { ...a.subject, remote: `https://${LONG_LIVED_KEY}.git` }, assessedAt: at };
}

/** The ids the real assessments get in a fresh store, in the order seedDashboard saves them. */
export const IDS = { payments: [1, 2, 3, 4], rich: 5, empty: 6, incomplete: 7, unicode: 8, script: 9, dots: 10 } as const;

/**
 * Save the real assessments (with their evidence), the hostile keys, the long-lived repository
 * and the fleet; returns everything saved, in order.
 */
export async function seedDashboard(store: Store, data: DashboardData, fleet: FleetOptions = FLEET): Promise<Assessment[]> {
  const saved: Assessment[] = [];
  const save = async (a: Assessment, evidence?: EvidenceRecord): Promise<void> => {
    await saveAssessment(store, a, evidence);
    saved.push(a);
  };
  for (const p of data.payments) await save(p.assessment, p.evidence);
  for (const name of FIXTURE_NAMES) await save(data.fixtures[name].assessment, data.fixtures[name].evidence);
  const latest = data.payments.at(-1)!.assessment;
  await save(hostile(latest, SCRIPT_KEY));
  await save(hostile(latest, DOTS_KEY));
  for (let j = 0; j < LONG_LIVED_COUNT; j++) await save(longLived(latest, j));
  saved.push(...(await seedFleet(store, latest, fleet)));
  return saved;
}
