// The audit pack's files from data: digests in the manifest and SHA256SUMS, the README's commands
// with and without a remote, the wording when the rubric is not the built-in one, people files
// that git lacks, and the cited lines with their neighbours masked.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Assessment, CriterionResult, PillarResult } from '../core/assessment.ts';
import { PILLAR_IDS, type PillarId } from '../core/types.ts';
import {
  auditPackName,
  buildAuditPack,
  citedBlobs,
  CONTEXT_MAX,
  evidenceContexts,
  peopleRefs,
  reproductionCommands,
  sha256sums,
  type AuditPackInput,
  type EvidenceContext,
} from './audit-pack.ts';
import { renderJson } from './json.ts';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const DIGEST = '9f'.repeat(32);
const RUBRIC_HASH = 'abcdef0123456789'.repeat(4);
const SERVER_BLOB = 'a'.repeat(40);
const ATTESTATION_BLOB = 'b'.repeat(40);
const REVIEW_BLOB = 'c'.repeat(40);
// Built at run time, so no secret scanner flags this file.
const SECRET = ['sk', 'live', randomBytes(12).toString('hex')].join('_');

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

function criterion(id: string, level: number, over: Partial<CriterionResult> = {}): CriterionResult {
  return {
    id, level, statement: `statement of ${id}`, kind: 'detected', status: 'met', reason: `reason of ${id}`,
    evidence: [], source: '6.2', remediation: `fix ${id}`,
    ...(level === 1 ? { antiPattern: `anti-pattern of ${id}` } : {}),
    ...over,
  };
}

function pillar(id: PillarId, level: number | null, criteria: CriterionResult[] = []): PillarResult {
  return {
    id, name: `${id} pillar`, applicable: level !== null, level, target: 3,
    gapToTarget: level === null ? null : 3 - level, gapToTypical: level === null ? null : level - 3,
    summary: '', ceiling: level, next: null, criteria,
  };
}

function assessment(over: Partial<Assessment> = {}): Assessment {
  const reliability = [
    criterion('reliability.health-endpoint', 2, {
      evidence: [{ path: 'src/server.js', line: 7, excerpt: "app.get('/health', h);", blob: SERVER_BLOB, detector: 'has-health-endpoint' }],
    }),
  ];
  const security = [
    criterion('security.no-hardcoded-secrets', 1, {
      status: 'unmet',
      evidence: [
        { path: 'src/server.js', line: 6, excerpt: "const key = 'sk_l********';", blob: SERVER_BLOB, detector: 'has-hardcoded-secrets', note: 'Stripe secret key' },
        { path: 'src/gone.js', line: 1, blob: 'd'.repeat(40), detector: 'has-hardcoded-secrets' },
      ],
    }),
    criterion('security.quarterly-pentest', 4, { kind: 'attested', basis: 'attestation' }),
  ];
  return {
    schemaVersion: 2,
    tool: { name: 'readiness', version: '0.1.0' },
    rubric: { id: 'readiness-core', version: '1.0.0', hash: RUBRIC_HASH },
    subject: { path: '/repos/shop', isGit: true, commit: COMMIT, branch: 'main', remote: 'https://github.com/acme/shop.git', dirty: false },
    assessedAt: '2026-06-15T12:00:00.000Z',
    config: { file: null, targets: Object.fromEntries(PILLAR_IDS.map((id) => [id, 3])) as Record<PillarId, number> },
    typicalLevel: 3,
    incomplete: false,
    pillars: PILLAR_IDS.map((id) => (id === 'reliability' ? pillar(id, 2, reliability) : id === 'security' ? pillar(id, 1, security) : pillar(id, id === 'finops' ? null : 1))),
    detectors: [],
    warnings: [],
    resultDigest: DIGEST,
    human: {
      attestations: [
        {
          file: '.readiness/attestations/pentest.yaml', fileBlob: ATTESTATION_BLOB, criterion: 'security.quarterly-pentest', claim: 'An external pentest ran in May.',
          evidence: [{ url: 'https://example.com/pentest' }], by: 'Ada', date: '2026-05-20', expires: '2027-05-20', state: 'counted', note: 'counts',
        },
      ],
      waivers: [],
      refused: [],
      reviews: [
        { file: '.readiness/reviews/grace.yaml', fileBlob: REVIEW_BLOB, reviewer: 'Grace Hopper', external: true, auditor: false, date: '2026-06-16', signs: DIGEST, state: 'valid', ratings: {}, overrides: [] },
      ],
      review: { reviewed: false, signatures: 1, external: 1, auditorSigned: { security: false, data: false }, note: 'Not reviewed: 1 valid sign-off of the 2 needed.' },
      agreement: null,
    },
    ...over,
  };
}

const SERVER = ["import express from 'express';", '', 'const app = express();', '', '// keys', `const key = '${SECRET}';`, "app.get('/health', h);", 'app.listen(3000);', ''].join('\n');
const ATTESTATION = Buffer.from('criterion: security.quarterly-pentest\nclaim: An external pentest ran in May.\r\n');
const REVIEW = Buffer.from(`reviewer: Grace Hopper\nexternal: true\ndate: 2026-06-16\nsigns: ${DIGEST}\n`);

function input(over: Partial<AuditPackInput> = {}): AuditPackInput {
  const a = over.assessment ?? assessment();
  return {
    assessment: a,
    name: auditPackName('shop', a.subject.commit),
    repoName: 'shop',
    prefix: '',
    rubric: { id: 'readiness-core', version: '1.0.0', hash: RUBRIC_HASH, files: new Map([['rubric.yaml', Buffer.from('id: readiness-core\n')], ['pillars/api.yaml', Buffer.from('id: api\n')]]) },
    people: [
      { kind: 'attestation', path: '.readiness/attestations/pentest.yaml', blob: ATTESTATION_BLOB, content: ATTESTATION },
      { kind: 'review', path: '.readiness/reviews/grace.yaml', blob: REVIEW_BLOB, content: REVIEW },
    ],
    blobs: new Map([[SERVER_BLOB, Buffer.from(SERVER)]]),
    config: { argument: null, note: null },
    packedBy: { name: 'readiness', version: '0.2.0' },
    argv: ['report', '--format', 'audit-pack', '-o', 'my pack.tar.gz'],
    ...over,
  };
}

const fileOf = (files: { path: string; content: Buffer }[], path: string): Buffer => files.find((f) => f.path === path)!.content;

describe('the manifest and SHA256SUMS', () => {
  it('list every file with its sha256 and size; SHA256SUMS covers the manifest too', () => {
    const pack = buildAuditPack(input());
    expect(pack.name).toBe('readiness-audit-shop-01234567');
    expect(pack.files.map((f) => f.path)).toEqual([
      'MANIFEST.json',
      'README.md',
      'SHA256SUMS',
      'assessment.json',
      'evidence/excerpts.json',
      'people/.readiness/attestations/pentest.yaml',
      'people/.readiness/reviews/grace.yaml',
      'rubric/pillars/api.yaml',
      'rubric/rubric.yaml',
    ]);
    const m = pack.manifest;
    expect(m.files.map((f) => f.path)).toEqual(pack.files.map((f) => f.path).filter((p) => p !== 'MANIFEST.json' && p !== 'SHA256SUMS'));
    for (const f of m.files) expect(f).toEqual({ path: f.path, sha256: sha(fileOf(pack.files, f.path)), size: fileOf(pack.files, f.path).length });
    expect(m.files.find((f) => f.path === 'assessment.json')).toEqual({ path: 'assessment.json', sha256: sha(renderJson(assessment())), size: Buffer.byteLength(renderJson(assessment())) });
    expect(m.files.find((f) => f.path === 'people/.readiness/attestations/pentest.yaml')).toEqual({ path: 'people/.readiness/attestations/pentest.yaml', sha256: sha(ATTESTATION), size: 78 });
    expect(JSON.parse(fileOf(pack.files, 'MANIFEST.json').toString())).toEqual(m);

    const sums = fileOf(pack.files, 'SHA256SUMS').toString().split('\n');
    expect(sums.pop()).toBe('');
    expect(sums).toHaveLength(8);
    expect(sums).toContain(`${sha(fileOf(pack.files, 'MANIFEST.json'))}  MANIFEST.json`);
    for (const line of sums) {
      const [, digest, path] = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)!;
      expect(sha(fileOf(pack.files, path!))).toBe(digest);
    }
  });

  it('records the assessment time, the tool that rated, the repository, the digest and how the pack was asked for', () => {
    const m = buildAuditPack(input()).manifest;
    expect(m).toMatchObject({
      format: 'readiness-audit-pack',
      formatVersion: 1,
      tool: { name: 'readiness', version: '0.1.0' },
      packedBy: { name: 'readiness', version: '0.2.0' },
      created: '2026-06-15T12:00:00.000Z',
      repository: { name: 'shop', remote: 'https://github.com/acme/shop.git', commit: COMMIT, branch: 'main', folder: '', dirty: false },
      rubric: { id: 'readiness-core', version: '1.0.0', hash: RUBRIC_HASH, included: true },
      resultDigest: DIGEST,
      command: "readiness report --format audit-pack -o 'my pack.tar.gz'",
      evidence: { items: 3, contexts: 3, unavailable: 1 },
    });
    expect(m.levels).toMatchObject({ reliability: 2, security: 1, finops: null });
    expect(m.people).toEqual([
      { kind: 'attestation', path: '.readiness/attestations/pentest.yaml', blob: ATTESTATION_BLOB, file: 'people/.readiness/attestations/pentest.yaml', source: 'blob', status: 'included', reason: null },
      { kind: 'review', path: '.readiness/reviews/grace.yaml', blob: REVIEW_BLOB, file: 'people/.readiness/reviews/grace.yaml', source: 'blob', status: 'included', reason: null },
    ]);
  });

  it('is the same, byte for byte, for the same input', () => {
    const a = buildAuditPack(input());
    const b = buildAuditPack(input());
    expect(b.files.map((f) => [f.path, sha(f.content)])).toEqual(a.files.map((f) => [f.path, sha(f.content)]));
  });

  it('escapes a name holding a backslash or a newline as sha256sum does', () => {
    expect(sha256sums([{ path: 'a b.txt', sha256: '1'.repeat(64), size: 1 }, { path: 'x\\y\nz', sha256: '2'.repeat(64), size: 1 }])).toBe(
      `${'1'.repeat(64)}  a b.txt\n\\${'2'.repeat(64)}  x\\\\y\\nz\n`,
    );
  });
});

describe('people files', () => {
  it('are the recorded ones, once each; one git lacks is listed as missing', () => {
    const a = assessment();
    a.human.waivers.push({ ...a.human.attestations[0]!, file: '../shared/waivers/w.yaml', fileBlob: 'e'.repeat(40), scope: 'repository', justification: 'j', approver: 'Carol', compensating: [], state: 'applied' } as Assessment['human']['waivers'][number]);
    a.human.attestations.push({ ...a.human.attestations[0]! });
    expect(peopleRefs(a)).toEqual([
      { kind: 'attestation', path: '.readiness/attestations/pentest.yaml', blob: ATTESTATION_BLOB },
      { kind: 'waiver', path: '../shared/waivers/w.yaml', blob: 'e'.repeat(40) },
      { kind: 'review', path: '.readiness/reviews/grace.yaml', blob: REVIEW_BLOB },
    ]);
    const pack = buildAuditPack(input({
      assessment: a,
      people: [
        { kind: 'attestation', path: '.readiness/attestations/pentest.yaml', blob: ATTESTATION_BLOB, content: ATTESTATION },
        { kind: 'waiver', path: '../shared/waivers/w.yaml', blob: 'e'.repeat(40), content: Buffer.from('w') },
        { kind: 'review', path: '.readiness/reviews/grace.yaml', blob: REVIEW_BLOB, content: null },
        { kind: 'review', path: 'r.yaml', blob: null, content: null },
      ],
    }));
    // A path outside the assessed folder stays inside the pack.
    expect(fileOf(pack.files, 'people/_parent_/shared/waivers/w.yaml').toString()).toBe('w');
    expect(pack.manifest.people.slice(2)).toEqual([
      { kind: 'review', path: '.readiness/reviews/grace.yaml', blob: REVIEW_BLOB, file: null, source: 'blob', status: 'missing', reason: `blob ${REVIEW_BLOB} is not in the repository` },
      { kind: 'review', path: 'r.yaml', blob: null, file: null, source: 'commit', status: 'missing', reason: 'no blob id was recorded and r.yaml is not in the repository at 0123456789ab' },
    ]);
    const readme = fileOf(pack.files, 'README.md').toString();
    expect(readme).toContain(`| review | .readiness/reviews/grace.yaml | ${REVIEW_BLOB} | missing: blob ${REVIEW_BLOB} is not in the repository |`);
    expect(readme).toContain('| attestation | .readiness/attestations/pentest.yaml | bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb | people/.readiness/attestations/pentest.yaml |');
  });
});

describe('the README', () => {
  const commands = (a: Assessment, prefix = ''): string[] =>
    reproductionCommands({ assessment: a, name: auditPackName('shop', a.subject.commit), repoName: 'shop', prefix, config: { argument: null, note: null } });

  it('clones the remote, checks out the commit, verifies and reproduces the rating', () => {
    expect(commands(assessment())).toEqual([
      '# 0. In the folder holding the archive: unpack it and check that every file is as packed',
      "tar xzf readiness-audit-shop-01234567.tar.gz   # the archive's default name; its top folder is always readiness-audit-shop-01234567",
      'WORK="$(pwd)"',
      'PACK="$WORK/readiness-audit-shop-01234567"',
      '(cd "$PACK" && sha256sum -c SHA256SUMS)   # on macOS: shasum -a 256 -c SHA256SUMS',
      '',
      '# 1. The repository at the assessed commit',
      'git clone https://github.com/acme/shop.git "$WORK/shop"',
      'cd "$WORK/shop"',
      `git checkout --quiet ${COMMIT}`,
      '',
      '# 2. readiness 0.1.0, the version that made the assessment, built from its source at that version:',
      '#    in a clone of readiness at 0.1.0: npm ci && npm run build && npm link',
      'readiness --version   # must print 0.1.0',
      '',
      '# 3. Check the rating against the repository: evidence at the commit, levels, digest, attestations, waivers, reviews (exit 0: all hold)',
      'readiness verify "$PACK/assessment.json" .',
      '',
      '# 4. Reproduce the rating as of its date (attestations and waivers are judged on it), then compare result digests: they must be equal',
      'readiness assess . --json -o "$WORK/reassessed.json" --as-of 2026-06-15T12:00:00.000Z',
      `grep '"resultDigest"' "$WORK/reassessed.json"   # must print: "resultDigest": "${DIGEST}",`,
      'readiness diff "$PACK/assessment.json" "$WORK/reassessed.json"   # if not: which criteria flipped, on what evidence',
    ]);
  });

  it('without a remote, asks for the reviewer\'s own copy; enters the assessed sub-folder', () => {
    const a = assessment();
    a.subject.remote = null;
    const lines = commands(a, 'services/shop');
    expect(lines.slice(6, 11)).toEqual([
      '# 1. The repository at the assessed commit',
      '# No remote was recorded: clone your own copy of the repository (it must hold the commit below).',
      'git clone /path/to/your/copy/of/shop "$WORK/shop"',
      'cd "$WORK/shop"',
      `git checkout --quiet ${COMMIT}`,
    ]);
    expect(lines[11]).toBe('cd services/shop');
  });

  it('without a commit, says verify cannot check evidence, and names the folder "worktree"', () => {
    const a = assessment();
    a.subject.commit = null;
    const lines = commands(a);
    expect(lines).not.toContain(expect.stringMatching(/^git checkout/));
    expect(lines).toContain('# No commit was recorded (assessed outside git or before the first commit): `verify` will say so, and evidence cannot be checked against git.');
    expect(auditPackName('acme/shop platform', null)).toBe('readiness-audit-acme-shop-platform-worktree');
  });

  it('passes a config file discovery does not find, and says where it came from', () => {
    const note = 'The assessment used the config file /etc/targets.yaml, which is not where discovery looks in the repository: get a copy.';
    const pack = buildAuditPack(input({ config: { argument: 'targets.yaml', note } }));
    const readme = fileOf(pack.files, 'README.md').toString();
    expect(readme).toContain(`readiness assess . --json -o "$WORK/reassessed.json" --as-of 2026-06-15T12:00:00.000Z --config targets.yaml\n`);
    expect(readme.trimEnd().endsWith(note)).toBe(true);
  });

  it('shows the levels, N/A and what people decided', () => {
    const a = assessment();
    a.pillars.find((p) => p.id === 'security')!.human = { levelFromScan: 1, levelWithoutWaivers: 1, attestedCriteria: ['security.quarterly-pentest'], waivedCriteria: [] };
    const readme = fileOf(buildAuditPack(input({ assessment: a })).files, 'README.md').toString();
    expect(readme).toContain('| Pillar | Level | Target | Gap | From the scan alone | Notes |\n|---|---|---|---|---|---|\n| architecture pillar | 1 | 3 | 2 | 1 |  |\n');
    expect(readme).toContain('| finops pillar | N/A | 3 | - | N/A | not applicable |\n');
    expect(readme).toContain('| security pillar | 1 | 3 | 2 | 1 | attested: security.quarterly-pentest |\n');
    expect(readme).toContain(`| Result digest | ${DIGEST} |`);
    expect(readme).toContain('| Reviewed (7.2) | Not reviewed: 1 valid sign-off of the 2 needed. |');
  });
});

describe('a rubric other than the built-in one', () => {
  it('packs no rubric files and says plainly the rubric with that hash is not the one this tool carries', () => {
    const other = 'f'.repeat(64);
    const pack = buildAuditPack(input({ rubric: { id: 'readiness-core', version: '1.1.0', hash: other, files: new Map([['rubric.yaml', Buffer.from('x')]]) } }));
    expect(pack.files.filter((f) => f.path.startsWith('rubric/'))).toEqual([]);
    const note = `No rubric files: the assessment was rated under rubric readiness-core 1.0.0 with hash ${RUBRIC_HASH}, and the rubric this tool carries (readiness-core 1.1.0, hash ${other}) is not the rubric with that hash. Get it from readiness 0.1.0, which made the assessment.`;
    expect(pack.manifest.rubric).toEqual({ id: 'readiness-core', version: '1.0.0', hash: RUBRIC_HASH, included: false, note });
    expect(fileOf(pack.files, 'README.md').toString()).toContain(`| rubric/ | ${note} |`);
  });

  it('with the built-in hash, says the files are that rubric', () => {
    expect(buildAuditPack(input()).manifest.rubric.note).toBe(`The YAML files of rubric readiness-core 1.0.0, whose hash ${RUBRIC_HASH} is the one the assessment records.`);
  });
});

describe('evidence excerpts and context', () => {
  it('lists every evidence item and each cited line with two lines either side, secrets masked', () => {
    const pack = buildAuditPack(input());
    const text = fileOf(pack.files, 'evidence/excerpts.json').toString();
    expect(text).not.toContain(SECRET);
    const { items, contexts } = JSON.parse(text) as { items: unknown[]; contexts: EvidenceContext[] };
    expect(items[0]).toEqual({ pillar: 'security', criterion: 'security.no-hardcoded-secrets', status: 'unmet', path: 'src/server.js', line: 6, excerpt: "const key = 'sk_l********';", blob: SERVER_BLOB, detector: 'has-hardcoded-secrets', note: 'Stripe secret key', value: null });
    expect(items).toHaveLength(3);
    expect(contexts).toEqual([
      { blob: 'd'.repeat(40), path: 'src/gone.js', line: 1, unavailable: `blob ${'d'.repeat(40)} is not in the repository` },
      {
        blob: SERVER_BLOB, path: 'src/server.js', line: 6,
        lines: [
          { line: 4, text: '' },
          { line: 5, text: '// keys' },
          { line: 6, text: "const key = 'sk_l********';" },
          { line: 7, text: "app.get('/health', h);" },
          { line: 8, text: 'app.listen(3000);' },
        ],
      },
      {
        // The secret is not cited here, but it is a neighbour: masked all the same.
        blob: SERVER_BLOB, path: 'src/server.js', line: 7,
        lines: [
          { line: 5, text: '// keys' },
          { line: 6, text: "const key = 'sk_l********';" },
          { line: 7, text: "app.get('/health', h);" },
          { line: 8, text: 'app.listen(3000);' },
        ],
      },
    ]);
    expect(citedBlobs(assessment())).toEqual(['a'.repeat(40), 'd'.repeat(40)]);
  });

  it('masks the body of a private key, cuts long lines, and says why a context is unavailable', () => {
    const body = randomBytes(48).toString('base64');
    const pem = ['config = {', '  key: `-----BEGIN RSA PRIVATE KEY-----', `  ${body}`, `  ${body}`, '  -----END RSA PRIVATE KEY-----`,', `  blob: '${'x'.repeat(400)}'`, '}'].join('\n');
    const ev = (line: number, blob: string): CriterionResult['evidence'][number] => ({ path: 'k.js', line, blob, detector: 'd' });
    const a = assessment();
    a.pillars = [pillar('security', 1, [criterion('security.x', 1, { evidence: [ev(2, 'p'.repeat(40)), ev(6, 'p'.repeat(40)), ev(9, 'p'.repeat(40)), ev(1, 'q'.repeat(40))] })])];
    const contexts = evidenceContexts(a, new Map([['p'.repeat(40), Buffer.from(pem)], ['q'.repeat(40), Buffer.from([0x50, 0, 0x51])]]));
    expect(contexts.map((c) => c.unavailable ?? null)).toEqual(['a binary file: it has no lines', null, null, 'line 9 is beyond the end of the file']);
    const at2 = contexts[1]!.lines!;
    expect(at2.map((l) => l.text)).toEqual([
      'config = {',
      '  key: `-----BEGIN RSA PRIVATE KEY-----',
      `  ${body.slice(0, 4)}********`,
      `  ${body.slice(0, 4)}********`,
    ]);
    expect(JSON.stringify(contexts)).not.toContain(body.slice(4, 30));
    const long = contexts[2]!.lines!.find((l) => l.line === 6)!.text;
    expect(long).toHaveLength(CONTEXT_MAX);
    expect(long.endsWith('…')).toBe(true);
  });
});
