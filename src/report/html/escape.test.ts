// Escaping and links of the HTML report: repository text never becomes markup, and evidence
// links to the hosted file at the commit when the remote is GitHub or GitLab, else to a path.
import { describe, expect, it } from 'vitest';
import { commitHref, escapeHtmlText, fileHref, fileLink, html, humanEvidenceHtml, isWebUrl, linksOf, locationText, raw } from './escape.ts';

const COMMIT = 'd5f77b8b22ac670dc358ca1f166082fc585a794e';
const subject = (remote: string | null, commit: string | null = COMMIT) => ({ subject: { path: '/home/dev/shop', isGit: true, commit, branch: 'main', remote, dirty: false } });

describe('escaping', () => {
  it('escapes the five special characters and keeps everything else, newlines and unicode included', () => {
    expect(escapeHtmlText(`a & b <script>alert("x")</script> it's\nnext 日本 café`)).toBe('a &amp; b &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&#39;s\nnext 日本 café');
  });

  it('escapes what html`` interpolates, keeps markup built with it or vouched for with raw, joins arrays, drops null, undefined and false', () => {
    const name = '<img src=x onerror=alert(1)>';
    const item = (s: string) => html`<li>${s}</li>`;
    const out = html`<p title="${'"q" & \'a\''}">${name} ${3} ${null}${undefined}${false}</p><ul>${['a<b', 'c&d'].map(item)}</ul>${raw('<hr>')}`;
    expect(out.safeHtml).toBe('<p title="&quot;q&quot; &amp; &#39;a&#39;">&lt;img src=x onerror=alert(1)&gt; 3 </p><ul><li>a&lt;b</li><li>c&amp;d</li></ul><hr>');
  });

  it('never turns a string that looks like markup into markup', () => {
    expect(html`${'{"safeHtml":"<b>"}'}`.safeHtml).toBe('{&quot;safeHtml&quot;:&quot;&lt;b&gt;&quot;}');
  });
});

describe('links', () => {
  it('links a file to GitHub at the assessed commit, with the line as an anchor', () => {
    const links = linksOf(subject('git@github.com:acme/shop.git'));
    expect(fileHref(links, 'src/config.js', 3)).toBe(`https://github.com/acme/shop/blob/${COMMIT}/src/config.js#L3`);
    expect(fileHref(links, 'README.md')).toBe(`https://github.com/acme/shop/blob/${COMMIT}/README.md`);
    expect(commitHref(links)).toBe(`https://github.com/acme/shop/commit/${COMMIT}`);
  });

  it('links to GitLab with -/blob, percent-encoding unicode and special characters in paths', () => {
    const links = linksOf(subject('https://gitlab.com/acme/cafe.git'));
    expect(fileHref(links, 'src/café/ü.ts', 1)).toBe(`https://gitlab.com/acme/cafe/-/blob/${COMMIT}/src/caf%C3%A9/%C3%BC.ts#L1`);
    expect(fileHref(links, 'docs/a b#c?.md')).toBe(`https://gitlab.com/acme/cafe/-/blob/${COMMIT}/docs/a%20b%23c%3F.md`);
    expect(commitHref(links)).toBe(`https://gitlab.com/acme/cafe/-/commit/${COMMIT}`);
  });

  it('uses paths relative to the repository when the remote is not hosted, or there is no commit', () => {
    expect(fileHref(linksOf(subject('ssh://git@git.example.org/finance/ledger.git')), 'src/app.js', 4)).toBe('src/app.js');
    expect(fileHref(linksOf(subject(null)), 'src/café/ü.ts', 1)).toBe('src/caf%C3%A9/%C3%BC.ts');
    expect(fileHref(linksOf(subject('git@github.com:acme/shop.git', null)), 'README.md')).toBe('README.md');
    expect(commitHref(linksOf(subject(null)))).toBeNull();
  });

  it('shows path:line as the text of an evidence link, escaped', () => {
    const links = linksOf(subject(null));
    expect(fileLink(links, 'src/<x>.js', 7).safeHtml).toBe('<a class="loc" href="src/%3Cx%3E.js">src/&lt;x&gt;.js:7</a>');
    expect(locationText('a.js')).toBe('a.js');
    expect(locationText('a.js', 2)).toBe('a.js:2');
  });

  it('links only http(s) addresses that people give as evidence; other URLs stay text', () => {
    const links = linksOf(subject('git@github.com:acme/shop.git'));
    expect(isWebUrl('https://wiki.example.com/x')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(humanEvidenceHtml({ url: 'https://wiki.example.com/shop?a=1&b=2' }, links).safeHtml).toBe('<a href="https://wiki.example.com/shop?a=1&amp;b=2">https://wiki.example.com/shop?a=1&amp;b=2</a>');
    expect(humanEvidenceHtml({ url: 'javascript:alert(1)' }, links).safeHtml).toBe('javascript:alert(1)');
    expect(humanEvidenceHtml({ document: 'docs/pentest.md', blob: 'c284c330eb4d17bbb263e4a225bf4312a4467e44' }, links).safeHtml).toBe(
      `<a class="loc" href="https://github.com/acme/shop/blob/${COMMIT}/docs/pentest.md">docs/pentest.md</a> <span class="muted">(blob c284c330eb4d)</span>`,
    );
    expect(humanEvidenceHtml({ measured: { value: 99.95, unit: '%', source: 'status page <Q2>' } }, links).safeHtml).toBe('99.95 % (status page &lt;Q2&gt;)');
  });
});
