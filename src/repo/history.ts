// Git history, streamed once: commits with author, date and touched files; tags with dates.
import type { History, HistoryAuthor, HistoryCommit, HistoryTag } from '../core/types.ts';
import { git, gitLines } from './git.ts';

const SEP = '\x1f';
/** Enough for every history figure in the rubric; longer histories are cut and say so. */
export const MAX_COMMITS = 200_000;

export async function readHistory(root: string, shallow: boolean): Promise<History | undefined> {
  const commits: HistoryCommit[] = [];
  let current: HistoryCommit | undefined;
  const ok = await gitLines(
    root,
    ['log', `--max-count=${MAX_COMMITS}`, '--full-history', '--no-renames', '--name-only', '--relative', `--format=@@${SEP}%H${SEP}%aN${SEP}%aE${SEP}%at${SEP}%P`, '--', '.'],
    (line) => {
      if (line.startsWith(`@@${SEP}`)) {
        const [, hash = '', name = '', email = '', at = '0', parents = ''] = line.split(SEP);
        current = { hash, author: `${name} <${email.toLowerCase()}>`, at: Number(at), parents: parents ? parents.split(' ').length : 0, files: [] };
        commits.push(current);
      } else if (line && current) {
        current.files.push(line);
      }
    },
  );
  if (!ok && commits.length === 0) return undefined;
  const authors = new Map<string, HistoryAuthor>();
  for (const c of commits) {
    const [, name = '', email = ''] = /^(.*) <(.*)>$/.exec(c.author) ?? [];
    const a = authors.get(c.author);
    if (a) {
      a.commits++;
      a.firstAt = Math.min(a.firstAt, c.at);
      a.lastAt = Math.max(a.lastAt, c.at);
    } else {
      authors.set(c.author, { name, email, commits: 1, firstAt: c.at, lastAt: c.at });
    }
  }
  const tags: HistoryTag[] = [];
  const refs = await git(root, ['for-each-ref', '--format=%(refname:short)%09%(*objectname)%09%(objectname)%09%(creatordate:unix)', 'refs/tags']);
  if (refs.ok) {
    for (const line of refs.stdout.split('\n')) {
      const [name, peeled, obj, at] = line.split('\t');
      if (name && at) tags.push({ name, commit: peeled || obj || '', at: Number(at) });
    }
  }
  return {
    commits,
    authors: [...authors.values()].sort((a, b) => b.commits - a.commits || a.email.localeCompare(b.email)),
    tags: tags.sort((a, b) => a.at - b.at || a.name.localeCompare(b.name)),
    truncated: shallow || commits.length >= MAX_COMMITS,
  };
}
