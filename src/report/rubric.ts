// The report of `readiness rubric`: what the assessment measures, per pillar and level.
// Reporters read only core types, so the rubric is described structurally here: the loaded
// rubric (src/rubric/schema.ts LoadedRubric) satisfies this shape without an import.
import { MIN_WIDTH, displayWidth, joinLines, padEnd, styles, wrap, type TextOptions } from './text.ts';

export interface RubricView {
  id: string;
  version: string;
  title: string;
  hash: string;
  typicalLevel: number;
  levels: readonly { level: number; name: string; reading: string }[];
  pillars: readonly {
    id: string;
    name: string;
    applicability?: { absentMeans: string } | undefined;
    criteria: readonly {
      id: string;
      level: number;
      statement: string;
      antiPattern?: string | undefined;
      evidence: { kind: string };
    }[];
  }[];
}

const INDENT = '  ';

export function renderRubric(r: RubricView, opts: TextOptions): string {
  const st = styles(opts.color);
  const width = Math.max(opts.width, MIN_WIDTH);
  const out: string[] = [
    st.bold(`${r.title}`),
    `id ${r.id}, version ${r.version}`,
    `hash ${r.hash}`,
    `typical level ${r.typicalLevel}`,
    '',
  ];
  const nameW = Math.max(4, ...r.levels.map((l) => displayWidth(l.name)));
  const head = `Level  ${padEnd('Name', nameW)}  Reading`;
  out.push(st.bold(head));
  const readingAt = 7 + nameW + 2;
  for (const l of [...r.levels].sort((a, b) => a.level - b.level)) {
    out.push(...wrap(l.reading, width, `${padEnd(String(l.level), 5)}  ${padEnd(l.name, nameW)}  `, ' '.repeat(readingAt)));
  }
  for (const p of r.pillars) {
    out.push('', st.bold(`${p.name} (${p.id})`));
    if (p.applicability) out.push(...wrap(`applies only when present; when absent: ${p.applicability.absentMeans}`, width, INDENT).map((l) => st.dim(l)));
    const levels = [...new Set(p.criteria.map((c) => c.level))].sort((a, b) => a - b);
    for (const level of levels) {
      const name = r.levels.find((l) => l.level === level)?.name;
      out.push(`${INDENT}Level ${level}${name ? ` - ${name}` : ''}${level === 1 ? ' (anti-patterns: each must be absent)' : ''}`);
      for (const c of p.criteria.filter((x) => x.level === level)) {
        out.push(`${INDENT}${INDENT}${st.bold(c.id)} ${st.dim(`[${c.evidence.kind}]`)}`);
        const text = c.antiPattern ? `anti-pattern: ${c.antiPattern}; met when: ${c.statement}` : c.statement;
        out.push(...wrap(text, width, `${INDENT}${INDENT}${INDENT}`));
      }
    }
  }
  return joinLines(out);
}
