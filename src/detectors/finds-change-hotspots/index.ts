import { defineDetector, unknown, yes } from '../../core/detector.ts';
import { CHURN_DAYS } from '../../core/types.ts';

/** Files shown as hotspots. */
const SHOWN = 10;
const fmt = (n: number): string => n.toLocaleString('en-US');

interface FileChange {
  path: string;
  revisions: number;
  churn: number;
  complexity: number | undefined;
  lines: number;
  score: number;
}

export default defineDetector({
  id: 'finds-change-hotspots',
  pillar: 'architecture',
  question: 'Where does change concentrate: which production files change most often and are complex (hotspots)?',
  rationale: 'A complex file that changes every week is where defects and slow delivery come from; hotspots (change frequency against complexity) show where refactoring pays.',
  history: true,
  measures: {
    'files-changed-12m': { unit: 'files', description: `Current production source files changed by a non-merge commit in the ${CHURN_DAYS} days before the newest commit` },
    'lines-churned-12m': { unit: 'lines', description: 'Lines added plus deleted in those files over the same year' },
    'churn-top-5pct-share': { unit: '%', description: 'Percent of those churned lines in the 5% most churned files (at least one file)' },
    'top-hotspot-revisions': { unit: 'commits', description: 'Commits in the year that changed the highest-ranked hotspot' },
  },
  detect({ repo }) {
    const h = repo.history();
    if (!h || h.commits.length === 0) return unknown('No git history, so change frequency cannot be measured.');
    const source = new Map(repo.files.filter((f) => f.role === 'source' && !f.binary).map((f) => [f.path, f] as const));
    const changes = new Map<string, { revisions: number; churn: number }>();
    for (const c of h.commits) {
      if (!c.churn) continue;
      for (const fc of c.churn) {
        if (!source.has(fc.path)) continue;
        const x = changes.get(fc.path) ?? { revisions: 0, churn: 0 };
        x.revisions++;
        x.churn += fc.added + fc.deleted;
        changes.set(fc.path, x);
      }
    }
    if (changes.size === 0) return unknown(`No current production source file changed in the ${CHURN_DAYS} days before the newest commit.`);

    // Hotspot score: revisions x complexity (Tornhill), lines standing in where complexity is not counted.
    const files: FileChange[] = [...changes].map(([path, x]) => {
      const c = repo.complexity(path);
      const complexity = c ? c.decisions + c.functions : undefined;
      const lines = source.get(path)!.lines ?? 0;
      return { path, ...x, complexity, lines, score: x.revisions * (complexity ?? Math.ceil(lines / 10)) };
    });
    const totalChurn = files.reduce((s, f) => s + f.churn, 0);
    const byChurn = [...files].sort((a, b) => b.churn - a.churn || a.path.localeCompare(b.path));
    const top = byChurn.slice(0, Math.max(1, Math.ceil(files.length * 0.05)));
    const concentration = totalChurn === 0 ? 0 : Math.round((top.reduce((s, f) => s + f.churn, 0) * 100) / totalChurn);
    const hotspots = [...files].sort((a, b) => b.score - a.score || b.revisions - a.revisions || a.path.localeCompare(b.path)).slice(0, SHOWN);
    const evidence = hotspots.map((f) => ({
      path: f.path,
      note: `${f.revisions} change(s), ${fmt(f.churn)} lines churned in the year; ${f.complexity !== undefined ? `complexity ${fmt(f.complexity)}, ` : ''}${fmt(f.lines)} lines`,
      value: f.revisions,
    }));
    return yes(
      `${fmt(files.length)} production file(s) changed in the ${CHURN_DAYS} days before the newest commit (${fmt(totalChurn)} lines churned; ${concentration}% of it in the top 5% of files). Top hotspot: ${hotspots[0]!.path} (${hotspots[0]!.revisions} changes).`,
      evidence,
      {
        'files-changed-12m': { value: files.length, unit: 'files' },
        'lines-churned-12m': { value: totalChurn, unit: 'lines' },
        'churn-top-5pct-share': { value: concentration, unit: '%' },
        'top-hotspot-revisions': { value: hotspots[0]!.revisions, unit: 'commits' },
      },
    );
  },
});
