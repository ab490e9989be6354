// The Markdown report of every fixture assessment: golden files (and the JSON goldens of the
// fixtures themselves), escaping checked through a real CommonMark/GFM parser, links to the
// hosted repository at the assessed commit, and every status a criterion can show.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportFixtures, expectGolden, FIXTURE_NAMES, FIXTURE_SECRET, goldenPath, type FixtureName, type ReportFixtures } from '../../test/reports/fixtures.ts';
import type { Assessment } from '../core/assessment.ts';
import { renderJson } from './json.ts';
import { codeSpan, escapeHtml, escapeMarkdown, hostedFileUrl, hostedRepository, renderMarkdown, repositoryName } from './markdown.ts';

// markdown-it is CommonJS; GitHub renders Markdown with HTML allowed, so the parser does too.
const require = createRequire(import.meta.url);
const markdownIt = require('markdown-it') as (opts: { html: boolean }) => { render(src: string): string };
const md = markdownIt({ html: true });

let built: ReportFixtures;
beforeAll(async () => {
  built = await buildReportFixtures();
}, 120_000);
afterAll(() => built?.cleanup());

const assessment = (name: FixtureName): Assessment => built.fixtures[name].assessment;

describe('goldens', () => {
  it.each(FIXTURE_NAMES)('the %s assessment matches its golden file (test/reports/golden/<fixture>.json)', (name) => {
    expectGolden(goldenPath(name, 'json'), renderJson(assessment(name)));
  });

  it.each(FIXTURE_NAMES)('the %s report matches its golden file (test/reports/golden/<fixture>.md)', (name) => {
    expectGolden(goldenPath(name, 'md'), renderMarkdown(assessment(name)));
  });
});

describe('the fixtures cover what a report must show', () => {
  it('every status, anti-patterns at file:line, N/A pillars, an incomplete run and unicode paths', () => {
    const all = (name: FixtureName) => assessment(name).pillars.filter((p) => p.applicable).flatMap((p) => p.criteria);
    const rich = all('rich');
    expect(new Set(rich.map((c) => c.status))).toEqual(new Set(['met', 'unmet', 'unknown']));
    expect(rich.filter((c) => c.basis === 'attestation').map((c) => c.id)).toEqual(['security.quarterly-pentest']);
    expect(rich.filter((c) => c.basis === 'waiver').map((c) => c.id)).toEqual(['security.cors-restricted']);
    expect(rich.find((c) => c.id === 'security.no-hardcoded-secrets')!.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(['src/config.js:3']);
    expect(assessment('rich').pillars.find((p) => p.id === 'docs')!.override).toMatchObject({ level: 2, computedLevel: 1, by: 'Grace Hopper' });
    expect(assessment('rich').human.review).toMatchObject({ reviewed: true, signatures: 2, external: 1 });
    expect(assessment('empty').pillars.filter((p) => !p.applicable).map((p) => p.id)).toEqual(['api', 'data', 'background']);
    expect(assessment('incomplete').incomplete).toBe(true);
    expect(all('unicode').flatMap((c) => c.evidence.map((e) => e.path))).toEqual(expect.arrayContaining(['src/café/ü.ts', 'docs/日本.md']));
    for (const name of FIXTURE_NAMES) expect(assessment(name).subject.path.startsWith('/home/dev/')).toBe(true);
  });
});

describe('escaping', () => {
  it('escapes Markdown punctuation and neutralises HTML in text from repositories', () => {
    expect(escapeMarkdown('a | b <script>alert(1)</script> `x` @bob #12 _y_ [l](u) a&b')).toBe(
      'a \\| b &lt;script&gt;alert(1)&lt;/script&gt; \\`x\\` \\@bob \\#12 \\_y\\_ \\[l\\](u) a&amp;b',
    );
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
    expect(escapeHtml('A & B <i>"q"</i>')).toBe('A &amp; B &lt;i&gt;&quot;q&quot;&lt;/i&gt;');
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
  });

  it('keeps the pillar table whole and shows hostile text as text, through a GFM parser', () => {
    const a = structuredClone(assessment('rich'));
    const arch = a.pillars.find((p) => p.id === 'architecture')!;
    arch.summary = 'split | by <script>alert(1)</script> and `ticks` @everyone';
    const c = arch.criteria.find((x) => x.id === 'architecture.module-boundaries')!;
    c.reason = 'see </details> and <img src=x onerror=alert(1)> | here';
    c.evidence = [{ path: 'src/a|b_(1).js', line: 2, excerpt: 'const x = `y`; // <b>', detector: 'd', blob: 'a'.repeat(40) }];
    const text = renderMarkdown(a);
    const html = md.render(text);
    expect(html).not.toMatch(/<script|<img/);
    // <b> appears only where the report puts it: the pillar name in each fold's summary.
    expect(html.split('<b>').length - 1).toBe(14);
    expect(html).toContain('split | by &lt;script&gt;alert(1)&lt;/script&gt; and `ticks` @everyone');
    // One table of 14 pillar rows, each of 6 cells.
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    const rows = table.split('<tr>').slice(2);
    expect(rows).toHaveLength(14);
    for (const row of rows) expect(row.split('<td').length - 1).toBe(6);
    // The reason's </details> does not close the fold early: 14 folds open, 14 close.
    expect(html.split('<details>').length - 1).toBe(14);
    expect(html.split('</details>').length - 1).toBe(14);
    expect(html).toContain('see &lt;/details&gt; and &lt;img src=x onerror=alert(1)&gt; | here');
    const commit = a.subject.commit!;
    // Link text escaped, the address percent-encoded (parentheses too), the excerpt in a longer code fence.
    expect(text).toContain(`[src/a\\|b\\_(1).js:2](https://github.com/acme/shop/blob/${commit}/src/a%7Cb_%281%29.js#L2) \`\`const x = \`y\`; // <b>\`\``);
    expect(html).toContain(`<a href="https://github.com/acme/shop/blob/${commit}/src/a%7Cb_%281%29.js#L2">src/a|b_(1).js:2</a> <code>const x = `);
  });

  it('escapes an override justification read from a review file', () => {
    const text = renderMarkdown(assessment('rich'));
    expect(text).toContain('Onboarding lives in the wiki \\| see &lt;Onboarding&gt; and \\`make setup\\`, which a scan cannot see.');
    expect(md.render(text)).toContain('Onboarding lives in the wiki | see &lt;Onboarding&gt; and `make setup`, which a scan cannot see.');
  });

  it('never holds a secret', () => {
    for (const name of FIXTURE_NAMES) expect(renderMarkdown(assessment(name))).not.toContain(FIXTURE_SECRET);
  });
});

describe('links to the hosted repository', () => {
  it('links evidence to the file and line at the assessed commit on GitHub', () => {
    const a = assessment('rich');
    const text = renderMarkdown(a);
    const commit = a.subject.commit!;
    expect(text.split('\n')[0]).toBe(`# Engineering readiness of acme/shop @ ${commit.slice(0, 12)}`);
    expect(text).toContain(`at commit [${commit.slice(0, 12)}](https://github.com/acme/shop/commit/${commit}) on \`main\``);
    expect(text).toContain(
      `  - Evidence: [src/config.js:3](https://github.com/acme/shop/blob/${commit}/src/config.js#L3) \`stripeKey: 'sk_l********',\` (has-hardcoded-secrets; Stripe secret key)`,
    );
    // A file without a line links to the file; a commit or the whole repository is no file, so no link.
    expect(text).toContain(`[docs/architecture.md](https://github.com/acme/shop/blob/${commit}/docs/architecture.md) (has-architecture-docs; stub or template, not counted)`);
    expect(text).toMatch(/ {4}- commit [0-9a-f]{12} \(merges-through-pull-requests; landed directly 2026-05-04: change 2\)/);
  });

  it('uses GitLab blob addresses with unicode paths percent-encoded', () => {
    const a = assessment('unicode');
    const text = renderMarkdown(a);
    expect(text).toContain(`[src/café/ü.ts:1](https://gitlab.com/acme/cafe/-/blob/${a.subject.commit}/src/caf%C3%A9/%C3%BC.ts#L1)`);
    expect(text).toContain(`[docs/日本.md](https://gitlab.com/acme/cafe/-/blob/${a.subject.commit}/docs/%E6%97%A5%E6%9C%AC.md)`);
  });

  it('shows relative paths when the remote is unknown or not GitHub/GitLab', () => {
    for (const name of ['empty', 'incomplete'] as const) {
      const text = renderMarkdown(assessment(name));
      expect(text).not.toContain('](https://');
      expect(text).toContain('  - Evidence: `README.md:1` (has-readme;');
    }
    expect(renderMarkdown(assessment('incomplete')).split('\n')[0]).toBe(`# Engineering readiness of ledger @ ${assessment('incomplete').subject.commit!.slice(0, 12)}`);
  });

  it.each([
    ['git@github.com:acme/shop.git', { kind: 'github', web: 'https://github.com/acme/shop', path: 'acme/shop' }],
    ['https://user@github.com/acme/shop', { kind: 'github', web: 'https://github.com/acme/shop', path: 'acme/shop' }],
    ['https://gitlab.com/group/sub/app.git', { kind: 'gitlab', web: 'https://gitlab.com/group/sub/app', path: 'group/sub/app' }],
    ['ssh://git@gitlab.internal.example/team/app.git', { kind: 'gitlab', web: 'https://gitlab.internal.example/team/app', path: 'team/app' }],
    ['ssh://git@git.internal.example/team/app.git', null],
    ['ssh://git@gitlab.example.com:2222/team/app.git', { kind: 'gitlab', web: 'https://gitlab.example.com/team/app', path: 'team/app' }],
    ['/srv/git/app.git', null],
    ['https://bitbucket.org/acme/shop.git', null],
  ])('hostedRepository(%s)', (remote, expected) => {
    expect(hostedRepository(remote)).toEqual(expected);
  });

  it('builds file addresses per host', () => {
    const gh = hostedRepository('https://github.com/o/r.git')!;
    expect(hostedFileUrl(gh, 'abc', 'a b/c#d.ts', 7)).toBe('https://github.com/o/r/blob/abc/a%20b/c%23d.ts#L7');
    const gl = hostedRepository('https://gitlab.com/g/r')!;
    expect(hostedFileUrl(gl, 'abc', 'x.ts')).toBe('https://gitlab.com/g/r/-/blob/abc/x.ts');
    expect(repositoryName({ subject: { ...assessment('empty').subject, remote: null } })).toBe('empty');
  });
});

describe('renderMarkdown', () => {
  it('shows each status: met, unmet, unknown, attested and waived', () => {
    const text = renderMarkdown(assessment('rich'));
    expect(text).toContain('- **met** `architecture.no-giant-files` (measured): anti-pattern: Single-file modules over 5k lines');
    expect(text).toContain('- **unmet** `security.no-hardcoded-secrets` (detected): anti-pattern: Secrets in source (met when: No secret is committed to production source or configuration.)');
    expect(text).toContain('- **unknown** `finops.some-cost-tags` (measured)');
    expect(text).toContain('- **attested** `security.quarterly-pentest` (attested): A penetration test is performed every quarter.');
    expect(text).toContain(
      '  - Attested: Attestation (counted) by Ada Lovelace on 2026-05-20, until 2026-08-20, in `.readiness/attestations/pentest.yaml`: Acme Security ran an external penetration test of the shop API in May 2026. Evidence: <https://acme.example/reports/2026-05>.',
    );
    expect(text).toContain('- **waived** `security.cors-restricted` (detected)');
    expect(text).toContain(
      '  - Waived: Waiver (applied) approved by Carol Shaw (CTO) on 2026-06-01, until 2026-09-30, for paths `legacy/**`, in `.readiness/waivers/legacy-cors.yaml`: The legacy admin module is retired in Q3 2026; it only serves the intranet behind the VPN until then.',
    );
    expect(text).toContain('<summary><b>Security &amp; Compliance</b> (security): level 1, target 3; 0 met, 1 attested, 1 waived, 9 unmet, 3 unknown</summary>');
  });

  it('opens with the pillar table and the counts of criteria', () => {
    const lines = renderMarkdown(assessment('rich')).split('\n');
    expect(lines.slice(4, 12)).toEqual([
      '**0 of 13 applicable pillars at target**; against the typical level 3: 0 ahead, 0 normal, 13 behind.',
      '',
      '**Criteria** (applicable pillars): 12 met (1 attested, 1 waived), 82 unmet, 31 unknown.',
      '',
      '**N/A** (not applicable, flagged as a gap): Background Processing.',
      '',
      '**Review:** Reviewed: 2 sign-offs, 1 external.',
      '',
    ]);
    expect(lines[12]).toBe('| Pillar | Level | Target | Gap | vs typical | Summary |');
    expect(lines).toContain('| Security &amp; Compliance | 1 | 3 | 2 | behind (-2) | level 1 because: Secrets in source at src/config.js:3; No rate limit |');
    expect(lines.find((l) => l.startsWith('| Background Processing |'))).toMatch(/^\| Background Processing \| N\/A \| 3 \| gap \| - \| N\/A: The platform does no background work/);
    expect(lines.find((l) => l.startsWith('| Documentation'))).toMatch(/^\| Documentation &amp; Knowledge Management \| 2 \(override\) \| 3 \| 1 \| behind \(-1\) \| level 2 set by Grace Hopper \(computed 1\)/);
  });

  it('folds an N/A pillar without rating its criteria', () => {
    const text = renderMarkdown(assessment('empty'));
    const fold = text.slice(text.indexOf('<summary><b>API Contract'), text.indexOf('</details>', text.indexOf('<summary><b>API Contract')));
    expect(fold).toContain('(api): N/A (not applicable, flagged as a gap)</summary>');
    expect(fold).toContain('The capability is absent, so its criteria are not rated.');
    expect(fold).not.toContain('- **');
  });

  it('shows the override, the reviews and the agreement', () => {
    const text = renderMarkdown(assessment('rich'));
    expect(text).toContain(
      '> **Override** by Grace Hopper in `.readiness/reviews/grace.yaml`: computed level 1, set to 2. Onboarding lives in the wiki \\| see &lt;Onboarding&gt; and \\`make setup\\`, which a scan cannot see. Evidence: <https://wiki.example.com/shop/onboarding>.',
    );
    expect(text).toContain('**To reach level 2 from the computed level 1:**');
    expect(text).toContain('| Grace Hopper | yes | 2026-06-12 | valid | security 1, docs 2 | `.readiness/reviews/grace.yaml` |');
    expect(text).toContain('**Agreement** between readiness, Ada Lovelace, Grace Hopper: 67% exact, 100% within one level');
    expect(renderMarkdown(assessment('empty'))).not.toContain('## Reviews');
  });

  it('says an incomplete assessment is incomplete, naming the failed detector', () => {
    const text = renderMarkdown(assessment('incomplete'));
    expect(text).toContain('> **Incomplete assessment:** detector has-tests failed: cannot read vitest.config.ts: unexpected token. The criteria that depend on it are unknown.');
    expect(text).toContain('- **unknown** `testing.has-tests` (detected): anti-pattern: Zero tests');
    expect(renderMarkdown(assessment('rich'))).not.toContain('Incomplete assessment');
  });
});
