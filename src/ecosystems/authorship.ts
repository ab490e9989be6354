// Who knows which files, from git history: people (aliases merged, bots left out), degree of
// authorship per file (Fritz et al.), and the truck factor of a set of files (Avelino et al. 2016).
import type { History } from '../core/types.ts';

const BOT_NAME =
  /\[bot\]$|^(dependabot(-preview)?|renovate(-bot)?|renovate bot|github-actions|greenkeeper(io)?|snyk-bot|semantic-release-bot|pre-commit-ci|allcontributors|mergify|imgbot|codecov|weblate|transifex|crowdin(-bot)?)$|[\s-]bot$/i;
const BOT_EMAIL = /\[bot\]@|(^|[.-])bot@|^actions@github\.com$|^noreply@weblate\.org$/i;
/** Names shared by many people (machine defaults): never a reason to merge two identities. */
const GENERIC_NAME = /^(root|admin|administrator|user|ubuntu|unknown|github|git|build|ci|jenkins|developer|dev|none)$/i;

export interface Person {
  id: number;
  /** How often each name was used: the most used one is shown. */
  names: Map<string, number>;
}

export function displayName(p: Person): string {
  return [...p.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'unnamed author';
}

/** One person per human: author strings sharing a name or an email are the same person; bots map to none. */
export function people(h: History): Map<string, Person> {
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
  const byRoot = new Map<string, Person>();
  const out = new Map<string, Person>();
  for (const [author, p] of parts) {
    if (BOT_NAME.test(p.name) || BOT_EMAIL.test(p.email)) continue;
    const root = find(`a:${author}`);
    let person = byRoot.get(root);
    if (!person) byRoot.set(root, (person = { id: byRoot.size, names: new Map() }));
    out.set(author, person);
  }
  for (const c of h.commits) {
    const person = out.get(c.author);
    const name = parts.get(c.author)?.name || 'unnamed author';
    if (person) person.names.set(name, (person.names.get(name) ?? 0) + 1);
  }
  return out;
}

/** Degree of authorship (Fritz et al., as used by Avelino et al. 2016). */
export function degreeOfAuthorship(firstAuthor: boolean, own: number, others: number): number {
  return 3.293 + 1.098 * (firstAuthor ? 1 : 0) + 0.164 * own - 0.321 * Math.log(1 + others);
}

/**
 * The authors of each file: people whose normalised degree of authorship is above 0.75 and whose
 * absolute degree is at least 3.293 (Avelino et al.'s thresholds). Only files in `current` with at
 * least one human commit are listed; renames are not followed, so a file's creator is the first
 * human commit at its current path.
 */
export function fileAuthors(h: History, who: Map<string, Person>, current: ReadonlySet<string>): Map<string, Person[]> {
  const touches = new Map<string, { first: Person; counts: Map<Person, number>; total: number }>();
  // Oldest first. h.commits is newest first by committer date.
  for (let i = h.commits.length - 1; i >= 0; i--) {
    const c = h.commits[i]!;
    const person = who.get(c.author);
    if (!person) continue;
    for (const p of c.files) {
      if (!current.has(p)) continue;
      let t = touches.get(p);
      if (!t) touches.set(p, (t = { first: person, counts: new Map(), total: 0 }));
      t.counts.set(person, (t.counts.get(person) ?? 0) + 1);
      t.total++;
    }
  }
  const out = new Map<string, Person[]>();
  for (const [path, t] of touches) {
    const doa = [...t.counts].map(([p, n]) => [p, degreeOfAuthorship(p === t.first, n, t.total - n)] as const);
    const max = Math.max(...doa.map(([, d]) => d));
    out.set(path, doa.filter(([, d]) => d / max > 0.75 && d >= 3.293).map(([p]) => p));
  }
  return out;
}

export interface TruckFactor {
  /** People to remove before more than half of the files have no author left; 0: authorship too diffuse. */
  value: number;
  /** The people removed, most files first, with the files each authors. */
  holders: { person: Person; files: string[] }[];
  /** Files measured (with at least one human commit). */
  files: number;
}

/** Avelino et al.'s greedy truck factor over the given files' authors. */
export function truckFactor(authors: ReadonlyMap<string, readonly Person[]>): TruckFactor {
  const authored = new Map<Person, string[]>();
  const left = new Map<string, number>();
  for (const [path, list] of authors) {
    for (const p of list) {
      const files = authored.get(p);
      if (files) files.push(path);
      else authored.set(p, [path]);
    }
    left.set(path, list.length);
  }
  const total = authors.size;
  let orphaned = [...left.values()].filter((n) => n === 0).length;
  const ranking = [...authored].sort((a, b) => b[1].length - a[1].length || displayName(a[0]).localeCompare(displayName(b[0])) || a[0].id - b[0].id);
  const holders: TruckFactor['holders'] = [];
  for (const [person, files] of ranking) {
    if (orphaned * 2 > total) break;
    holders.push({ person, files });
    for (const p of files) {
      const n = left.get(p)! - 1;
      left.set(p, n);
      if (n === 0) orphaned++;
    }
  }
  return { value: orphaned * 2 > total ? holders.length : 0, holders, files: total };
}

/**
 * Areas of a repository for per-area figures: top-level folders, descending into a folder that
 * holds most of the files (`src/`, the application package) so that areas are its children.
 * Files at the top of the scanned tree form the area `.`.
 */
export function areasOf(paths: readonly string[]): Map<string, string[]> {
  const group = (list: readonly string[], depth: number): Map<string, string[]> => {
    const out = new Map<string, string[]>();
    for (const p of list) {
      const parts = p.split('/');
      const key = parts.length > depth + 1 ? parts.slice(0, depth + 1).join('/') : depth === 0 ? '.' : parts.slice(0, depth).join('/');
      const l = out.get(key);
      if (l) l.push(p);
      else out.set(key, [p]);
    }
    return out;
  };
  let areas = group(paths, 0);
  for (let depth = 1; depth <= 2; depth++) {
    const biggest = [...areas].sort((a, b) => b[1].length - a[1].length)[0];
    if (!biggest || biggest[0] === '.' || biggest[1].length * 2 <= paths.length) break;
    const inner = group(biggest[1], depth);
    if (inner.size < 2) break;
    areas.delete(biggest[0]);
    for (const [k, v] of inner) areas.set(k, v);
    areas = new Map([...areas].sort((a, b) => a[0].localeCompare(b[0])));
  }
  return new Map([...areas].sort((a, b) => a[0].localeCompare(b[0])));
}
