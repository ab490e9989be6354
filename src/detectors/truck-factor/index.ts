import { defineDetector, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole, History } from '../../core/types.ts';
import { DAY, newestCommitAt } from '../../ecosystems/docs.ts';

/** Files whose knowledge matters: production source, tests and docs (never vendored or generated). */
const ROLES: ReadonlySet<FileRole> = new Set(['source', 'test', 'docs']);
const BOT_NAME =
  /\[bot\]$|^(dependabot(-preview)?|renovate(-bot)?|renovate bot|github-actions|greenkeeper(io)?|snyk-bot|semantic-release-bot|pre-commit-ci|allcontributors|mergify|imgbot|codecov)$|[\s-]bot$/i;
const BOT_EMAIL = /\[bot\]@|(^|[.-])bot@|^actions@github\.com$/i;
/** Names shared by many people (machine defaults): never a reason to merge two identities. */
const GENERIC_NAME = /^(root|admin|administrator|user|ubuntu|unknown|github|git|build|ci|jenkins|developer|dev|none)$/i;
const WINDOW_DAYS = 365;

/** Degree of authorship (Fritz et al., as used by Avelino et al. 2016). */
function degreeOfAuthorship(firstAuthor: boolean, own: number, others: number): number {
  return 3.293 + 1.098 * (firstAuthor ? 1 : 0) + 0.164 * own - 0.321 * Math.log(1 + others);
}

interface Identity {
  id: number;
  names: Map<string, number>;
}

/** One identity per person: author strings sharing a name or an email are the same person. */
function identities(h: History): Map<string, Identity> {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    for (const k of [a, b]) if (!parent.has(k)) parent.set(k, k);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const parts = new Map<string, { name: string; email: string }>();
  for (const c of h.commits) {
    if (parts.has(c.author)) continue;
    const [, name = '', email = ''] = /^(.*) <(.*)>$/.exec(c.author) ?? [, c.author, ''];
    parts.set(c.author, { name: name.trim(), email: email.trim().toLowerCase() });
    const keys = [`a:${c.author}`];
    if (name.trim() && !GENERIC_NAME.test(name.trim())) keys.push(`n:${name.trim().toLowerCase()}`);
    if (email.trim()) keys.push(`e:${email.trim().toLowerCase()}`);
    for (const k of keys) union(keys[0]!, k);
  }
  const byRoot = new Map<string, Identity>();
  const out = new Map<string, Identity>();
  for (const [author, p] of parts) {
    if (BOT_NAME.test(p.name) || BOT_EMAIL.test(p.email)) continue;
    const root = find(`a:${author}`);
    let id = byRoot.get(root);
    if (!id) {
      id = { id: byRoot.size, names: new Map() };
      byRoot.set(root, id);
    }
    out.set(author, id);
  }
  for (const c of h.commits) {
    const id = out.get(c.author);
    const name = parts.get(c.author)?.name || 'unnamed author';
    if (id) id.names.set(name, (id.names.get(name) ?? 0) + 1);
  }
  return out;
}

function displayName(id: Identity): string {
  return [...id.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'unnamed author';
}

export default defineDetector({
  id: 'truck-factor',
  pillar: 'team',
  question: 'What is the repository’s truck factor (how many people would have to leave before most files lose everyone who knows them)?',
  rationale: 'A truck factor of 1 means one departure leaves most of the code without anyone who knows it.',
  history: true,
  measures: {
    'truck-factor': { unit: 'people', description: 'Authors to remove before more than 50% of files have no author left (degree-of-authorship, Avelino et al. 2016)' },
    'authors-12m': { unit: 'people', description: 'Distinct human authors of non-merge commits in the 365 days before the newest commit' },
    'commits-12m': { unit: 'commits', description: 'Non-merge commits by humans in the 365 days before the newest commit' },
    'top-author-share': { unit: '%', description: 'Percent of those commits made by the most active author' },
  },
  detect({ repo }) {
    const h = repo.history();
    if (!h || h.commits.length === 0) return unknown('No git history, so authorship cannot be measured.');
    const ids = identities(h);
    const current = new Set(repo.files.filter((f) => ROLES.has(f.role) && !f.binary).map((f) => f.path));

    // Oldest first: the first human commit touching a file created it (renames are not followed).
    const touches = new Map<string, { first: Identity; counts: Map<Identity, number>; total: number }>();
    for (let i = h.commits.length - 1; i >= 0; i--) {
      const c = h.commits[i]!;
      const id = ids.get(c.author);
      if (!id) continue;
      for (const p of c.files) {
        if (!current.has(p)) continue;
        let t = touches.get(p);
        if (!t) touches.set(p, (t = { first: id, counts: new Map(), total: 0 }));
        t.counts.set(id, (t.counts.get(id) ?? 0) + 1);
        t.total++;
      }
    }
    if (touches.size === 0) return unknown('No current source, test or docs file has a human commit in the history.');

    const authored = new Map<Identity, string[]>();
    const fileAuthors = new Map<string, number>();
    for (const [path, t] of touches) {
      const doa = [...t.counts].map(([id, n]) => [id, degreeOfAuthorship(id === t.first, n, t.total - n)] as const);
      const max = Math.max(...doa.map(([, d]) => d));
      let n = 0;
      for (const [id, d] of doa) {
        if (d / max > 0.75 && d >= 3.293) {
          const list = authored.get(id);
          if (list) list.push(path);
          else authored.set(id, [path]);
          n++;
        }
      }
      fileAuthors.set(path, n);
    }

    const total = touches.size;
    let orphaned = [...fileAuthors.values()].filter((n) => n === 0).length;
    const ranking = [...authored].sort((a, b) => b[1].length - a[1].length || displayName(a[0]).localeCompare(displayName(b[0])) || a[0].id - b[0].id);
    const removed: [Identity, string[]][] = [];
    for (const entry of ranking) {
      if (orphaned * 2 > total) break;
      removed.push(entry);
      for (const p of entry[1]) {
        const left = fileAuthors.get(p)! - 1;
        fileAuthors.set(p, left);
        if (left === 0) orphaned++;
      }
    }
    const tf = removed.length;
    if (tf === 0) return unknown(`Authorship is too diffuse to compute a truck factor: most of ${total} files have no clear author.`);

    const newest = newestCommitAt(h);
    const perAuthor = new Map<Identity, number>();
    let commits = 0;
    for (const c of h.commits) {
      const id = ids.get(c.author);
      if (!id || c.parents > 1 || c.at < newest - WINDOW_DAYS * DAY) continue;
      commits++;
      perAuthor.set(id, (perAuthor.get(id) ?? 0) + 1);
    }
    const top = Math.max(0, ...perAuthor.values());
    const share = commits === 0 ? 0 : Math.floor((top * 100) / commits);

    const evidence: EvidenceItem[] = removed.slice(0, 10).map(([id, files]) => {
      const modules = new Map<string, number>();
      for (const p of files) {
        const m = p.includes('/') ? p.slice(0, p.indexOf('/')) : '.';
        modules.set(m, (modules.get(m) ?? 0) + 1);
      }
      const module = [...modules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      return { path: module, note: `${displayName(id)}: authors ${files.length} files`, value: files.length };
    });
    return yes(
      `Truck factor ${tf}: removing ${tf} author(s) leaves more than half of ${total} files without an author; ${perAuthor.size} author(s) made ${commits} commit(s) in the last year${h.truncated ? ' (history is cut)' : ''}.`,
      evidence,
      {
        'truck-factor': { value: tf, unit: 'people' },
        'authors-12m': { value: perAuthor.size, unit: 'people' },
        'commits-12m': { value: commits, unit: 'commits' },
        'top-author-share': { value: share, unit: '%' },
      },
    );
  },
});
