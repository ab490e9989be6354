import { describe, expect, it } from 'vitest';
import { detect } from '../../../test/harness.ts';
import detector from './index.ts';

const DEPLOY_ON_PUSH = 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: flyctl deploy\n';

describe('measures-lead-time', () => {
  it('measures from each commit of a merged branch to the merge that deployed it', async () => {
    const r = await detect(detector, {
      commits: [
        { files: { '.github/workflows/deploy.yml': DEPLOY_ON_PUSH }, date: '2026-01-01T00:00:00Z' },
        { branch: 'feature', files: { 'f.txt': '1' }, date: '2026-01-02T00:00:00Z' },
        { branch: 'feature', files: { 'f.txt': '2' }, date: '2026-01-03T00:00:00Z' },
        { merge: 'feature', date: '2026-01-04T00:00:00Z' },
        { files: { 'hotfix.txt': '1' }, date: '2026-01-05T00:00:00Z' },
      ],
    });
    // Feature commits wait 48 h and 24 h for the merge; the hotfix ships itself (0 h).
    // Sorted 0, 24, 48: median 24; p90 = ceil(2.7) - 1 = index 2 = 48.
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual({
      'lead-time-median-hours': { value: 24, unit: 'hours' },
      'lead-time-p90-hours': { value: 48, unit: 'hours' },
      'lead-time-commits': { value: 3, unit: 'commits' },
    });
  });

  it('measures from each commit to the first release tag that contains it', async () => {
    const r = await detect(detector, {
      commits: [
        { files: { 'a.txt': '0' }, date: '2025-06-01T00:00:00Z', tag: 'v1.0.0' },
        { files: { 'a.txt': '1' }, date: '2026-01-01T00:00:00Z' },
        { files: { 'a.txt': '2' }, date: '2026-01-03T00:00:00Z', tag: 'v1.1.0' },
        { files: { 'a.txt': '3' }, date: '2026-01-04T00:00:00Z' },
        { files: { 'a.txt': '4' }, date: '2026-01-10T00:00:00Z', tag: 'v1.2.0' },
      ],
    });
    // v1.0.0 is before the window: its commit is not new. v1.1.0 ships the 01-01 (48 h) and 01-03
    // (0 h) commits; v1.2.0 ships 01-04 (144 h) and 01-10 (0 h). Sorted 0, 0, 48, 144: median 24.
    expect(r.measures?.['lead-time-median-hours']?.value).toBe(24);
    expect(r.measures?.['lead-time-commits']?.value).toBe(4);
    expect(r.evidence.map((e) => e.path)).toEqual(['tag v1.2.0', 'tag v1.1.0']);
  });

  it('follows a release tagged on a maintenance branch, and leaves pre-releases out', async () => {
    const r = await detect(detector, {
      commits: [
        { files: { 'a.txt': '0' }, date: '2025-06-01T00:00:00Z', tag: 'v1.0.0' },
        { branch: 'release-1.0', files: { 'fix.txt': '1' }, date: '2026-01-03T00:00:00Z', message: 'Backport: fix rounding' },
        { branch: 'release-1.0', files: { 'fix.txt': '2' }, date: '2026-01-05T00:00:00Z', tag: 'v1.0.1' },
        { files: { 'a.txt': '1' }, date: '2026-01-04T00:00:00Z', tag: 'v1.1.0-rc.1' },
        { files: { 'a.txt': '2' }, date: '2026-01-10T00:00:00Z' },
      ],
    });
    // v1.0.1 is not in main's history; it ships the two backports (48 h and 0 h), not v1.0.0's
    // commit. The release candidate on main is no deploy. Median of 0 and 48 is 24.
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['lead-time-median-hours']?.value).toBe(24);
    expect(r.measures?.['lead-time-commits']?.value).toBe(2);
    expect(r.evidence.map((e) => e.path)).toEqual(['tag v1.0.1']);
  });

  it('answers unknown when nothing was deployed in the window', async () => {
    const r = await detect(detector, { commits: [{ files: { 'a.txt': '1' }, date: '2026-01-01T00:00:00Z' }] });
    expect(r.outcome).toBe('unknown');
    expect(r.summary).toContain('No deploys (release tags)');
  });
});
