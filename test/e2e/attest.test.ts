// `readiness attest`: scaffolds an attestation bound to the documents it cites; an unfilled
// scaffold is refused at assessment, a filled one counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gitBlobId } from '../../src/util/git-blob.ts';
import { cli, makeRepo } from '../harness.ts';

const DOC = '# DORA\n\nDeploys 4.2/day, lead time 6 h, change failure 3%, MTTR 40 min (Q2 2026).\n';

describe('readiness attest', () => {
  it('writes a file with the fields the criterion needs and the blob of each cited document', async () => {
    const dir = makeRepo({ git: true, files: { 'docs/dora-q2.md': DOC, 'README.md': '# x\n' } });
    const r = await cli(['attest', 'cicd.dora-tracked', dir, '--document', 'docs/dora-q2.md', '--by', 'Ada Lovelace', '--date', '2026-06-01', '--claim', 'DORA metrics for Q2 are on the delivery dashboard and reviewed monthly.']);
    expect(r.code).toBe(0);
    const file = join(dir, '.readiness/attestations/cicd.dora-tracked-2026-06-01.yaml');
    expect(r.stdout.trim().endsWith('.readiness/attestations/cicd.dora-tracked-2026-06-01.yaml')).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# Needs: DORA metrics dashboard covering the last quarter.');
    // The rubric gives this criterion a quarter: 2026-06-01 + 3 months.
    expect(text).toContain('# Counts until 2026-09-01 unless you add `expires: YYYY-MM-DD`.');
    expect(parse(text)).toEqual({
      criterion: 'cicd.dora-tracked',
      claim: 'DORA metrics for Q2 are on the delivery dashboard and reviewed monthly.',
      evidence: [{ document: 'docs/dora-q2.md', blob: gitBlobId(DOC) }],
      by: 'Ada Lovelace',
      date: '2026-06-01',
    });
    // The same file again is not overwritten without --force.
    expect(await cli(['attest', 'cicd.dora-tracked', dir, '--date', '2026-06-01'])).toMatchObject({ code: 2 });
  });

  it('counts what it scaffolds today, as attested, once filled in', async () => {
    const dir = makeRepo({ git: true, files: { 'docs/dora.md': DOC, 'README.md': '# x\n' } });
    const made = await cli(['attest', 'cicd.dora-tracked', dir, '--document', 'docs/dora.md', '--by', 'Ada Lovelace', '--claim', 'DORA metrics for the last quarter are on the delivery dashboard.']);
    expect(made.code).toBe(0);
    const assessed = await cli(['assess', dir, '--json', '--progress', 'none']);
    const a = JSON.parse(assessed.stdout) as { pillars: { criteria: { id: string; status: string; basis?: string; attestation?: { state: string } }[] }[] };
    const c = a.pillars.flatMap((p) => p.criteria).find((x) => x.id === 'cicd.dora-tracked');
    expect(c).toMatchObject({ status: 'met', basis: 'attestation', attestation: { state: 'counted' } });
    const explained = await cli(['explain', 'cicd', dir, '--progress', 'none']);
    expect(explained.stdout).toMatch(/attested +cicd\.dora-tracked/);
  });

  it('leaves an unfilled scaffold that the assessment refuses, and says what to fill in', async () => {
    const dir = makeRepo({ git: true, files: { 'README.md': '# x\n' } });
    const r = await cli(['attest', 'security.soc2-type2', dir, '--date', '2026-06-01', '--by', 'Ada Lovelace']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('readiness: fill in claim, evidence before it counts\n');
    const assessed = await cli(['assess', dir, '--progress', 'none']);
    expect(assessed.stderr).toContain('warning: refused .readiness/attestations/security.soc2-type2-2026-06-01.yaml: claim: say what is true, in a sentence');
  });

  it('refuses an unknown criterion and a document that does not exist, in one line', async () => {
    const dir = makeRepo({ git: true, files: { 'README.md': '# x\n' } });
    const unknown = await cli(['attest', 'security.pentestt', dir]);
    expect(unknown).toMatchObject({ code: 2, stderr: 'readiness: unknown criterion "security.pentestt" (`readiness rubric` lists them)\n' });
    const missing = await cli(['attest', 'security.soc2-type2', dir, '--document', 'docs/soc2.pdf']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^readiness: --document docs\/soc2\.pdf: no such file in /);
  });
});
