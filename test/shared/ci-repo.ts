// A repository view over in-memory CI files, as readCi sees them: for tests of the CI readers.
import type { RepoView } from '../../src/core/detector.ts';

export function ciRepoOf(files: Record<string, string>): RepoView {
  const entries = Object.keys(files).map((path) => ({ path, role: 'ci' }));
  return {
    glob: (patterns: string | readonly string[]) => {
      const list = typeof patterns === 'string' ? [patterns] : patterns;
      return entries.filter((e) => list.some((p) => new RegExp(`^${p.replace(/\./g, '\\.').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*')}$`).test(e.path)));
    },
    text: (path: string) => files[path],
  } as unknown as RepoView;
}
