import picomatch from 'picomatch';

const cache = new Map<string, (path: string) => boolean>();

/** A cached matcher for repository-relative paths; dotfiles match like any other file. */
export function globMatcher(patterns: string | readonly string[]): (path: string) => boolean {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  const key = list.join('\0');
  let m = cache.get(key);
  if (!m) {
    m = picomatch(list as string[], { dot: true });
    cache.set(key, m);
  }
  return m;
}
