// Which of many literals occur in a text, in one pass. The content pass checks every pattern's
// required literals before running its regex; doing that with one `includes` per literal per
// file was the scan's main cost (hundreds of literals times every file).

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A set of literals prepared for multi-literal search. */
export class LiteralIndex {
  readonly literals: readonly string[];
  /**
   * One native regex tried at every position: a zero-width lookahead over all literals, longest
   * first, so overlapping occurrences are all seen. At one position only the longest literal is
   * reported, so each literal also implies every literal it contains (`import` implies `imp`).
   */
  private readonly regex: RegExp | undefined;
  private readonly implied: number[][];
  private readonly ids: Map<string, number>;

  constructor(literals: readonly string[]) {
    this.literals = literals;
    this.ids = new Map(literals.map((l, i) => [l, i] as const));
    const nonEmpty = [...new Set(literals.filter((l) => l.length > 0))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.regex = nonEmpty.length > 0 ? new RegExp(`(?=(${nonEmpty.map(escape).join('|')}))`, 'g') : undefined;
    this.implied = literals.map((outer) => literals.flatMap((inner, j) => (inner !== outer && outer.includes(inner) ? [j] : [])));
  }

  /** Indexes of the literals that occur in `text` (an empty literal always occurs). */
  find(text: string): Set<number> {
    const found = new Set<number>();
    this.literals.forEach((l, i) => {
      if (l.length === 0) found.add(i);
    });
    if (!this.regex) return found;
    const seen = new Set<string>();
    for (const m of text.matchAll(this.regex)) seen.add(m[1]!);
    for (const lit of seen) {
      const i = this.ids.get(lit)!;
      found.add(i);
      for (const j of this.implied[i]!) found.add(j);
    }
    return found;
  }
}
