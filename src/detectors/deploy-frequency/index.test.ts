import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const DEPLOY_ON_PUSH = 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: flyctl deploy\n';

describe('deploy-frequency', () => {
  it('counts pushes to a continuously deployed branch in the 90 days before the newest commit', async () => {
    // Newest commit 2026-03-31; window starts 2025-12-31T12:00Z. Root commit (no parent) never counts.
    const r = await detect(detector, {
      commits: [
        { files: { '.github/workflows/deploy.yml': DEPLOY_ON_PUSH }, date: '2025-06-01T12:00:00Z' },
        { files: { 'a.txt': '1' }, date: '2025-12-01T12:00:00Z' },
        { files: { 'a.txt': '2' }, date: '2026-01-10T12:00:00Z' },
        { files: { 'a.txt': '3' }, date: '2026-02-10T12:00:00Z' },
        { files: { 'a.txt': '4' }, date: '2026-03-31T12:00:00Z' },
      ],
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual({ 'deploys-90d': { value: 3, unit: 'deploys' }, 'deploys-per-day': { value: 0.03, unit: 'deploys/day' } });
    expect(locations(r)).toEqual(['.github/workflows/deploy.yml:8']);
    expect(r.summary).toContain('commits that landed on the continuously deployed branch');
  });

  it('counts what landed on the deployed branch, not the commits of merged feature branches', async () => {
    const r = await detect(detector, {
      commits: [
        { files: { '.github/workflows/deploy.yml': DEPLOY_ON_PUSH }, date: '2026-01-01T12:00:00Z' },
        { branch: 'feature', files: { 'f.txt': '1' }, date: '2026-01-02T12:00:00Z' },
        { branch: 'feature', files: { 'f.txt': '2' }, date: '2026-01-03T12:00:00Z' },
        { branch: 'feature', files: { 'f.txt': '3' }, date: '2026-01-04T12:00:00Z' },
        { merge: 'feature', date: '2026-01-05T12:00:00Z', message: 'Merge pull request #7 from team/feature' },
        { files: { 'hotfix.txt': '1' }, date: '2026-01-06T12:00:00Z' },
      ],
    });
    // The merge and the hotfix landed on main; the three feature commits arrived inside the merge.
    expect(r.measures?.['deploys-90d']?.value).toBe(2);
  });

  it('counts release tags when deploys are not per push', async () => {
    const r = await detect(detector, {
      commits: [
        { files: { 'a.txt': '0' }, date: '2025-09-01T12:00:00Z', tag: 'v1.0.0' },
        { files: { 'a.txt': '1' }, date: '2026-01-05T12:00:00Z', tag: 'v1.1.0' },
        { files: { 'a.txt': '2' }, date: '2026-02-05T12:00:00Z', tag: 'experiment' },
        { files: { 'a.txt': '2b' }, date: '2026-02-20T12:00:00Z', tag: 'v1.2.0-rc.1' },
        { files: { 'a.txt': '3' }, date: '2026-03-01T12:00:00Z', tag: 'v1.2.0' },
        { files: { 'a.txt': '4' }, date: '2026-03-20T12:00:00Z' },
      ],
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['deploys-90d']?.value).toBe(2);
    expect(r.measures?.['deploys-per-day']?.value).toBe(0.02);
    expect(locations(r)).toEqual(['tag v1.2.0', 'tag v1.1.0']);
  });

  it('answers no when nothing was deployed in the window', async () => {
    const r = await detect(detector, {
      commits: [
        { files: { 'a.txt': '0' }, date: '2025-01-01T12:00:00Z', tag: 'v0.1.0' },
        { files: { 'a.txt': '1' }, date: '2026-03-01T12:00:00Z' },
      ],
    });
    expect(r.outcome).toBe('no');
    expect(r.measures?.['deploys-90d']?.value).toBe(0);
  });

  it('does not treat a deploy job on another branch as per-push deploys of main', async () => {
    const wf = DEPLOY_ON_PUSH.replace('[main]', '[production]');
    const r = await detect(detector, {
      commits: [
        { files: { '.github/workflows/deploy.yml': wf }, date: '2026-03-01T12:00:00Z' },
        { files: { 'a.txt': '1' }, date: '2026-03-02T12:00:00Z' },
      ],
    });
    expect(r.outcome).toBe('no');
    expect(r.summary).toContain('release tags');
  });

  it('answers unknown without git history', async () => {
    expect((await detect(detector, { 'a.txt': 'x' })).outcome).toBe('unknown');
  });
});
