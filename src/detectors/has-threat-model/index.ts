import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole, Match } from '../../core/types.ts';

const NOT_OURS: ReadonlySet<FileRole> = new Set(['test', 'fixture', 'vendored', 'generated']);
/** `threat-model.md`, `THREAT_MODEL.pdf`, `docs/threat-models/api.md`, `threatmodel.json`. */
const NAMED = /(?:^|\/)[^/]*threat[-_ ]?model[^/]*(?:\/|$)/i;
/** Microsoft Threat Modeling Tool files and Threagile models. */
const TOOL_FILE = /\.tm7$|(?:^|\/)threagile[^/]*\.ya?ml$/i;
/** A section with nothing under it yet: end of file, the next heading, or a placeholder. */
const EMPTY_SECTION = /^\s*(?:$|#|(?:TODO|TBD|TBA|WIP|N\/A|coming soon|to be (?:written|done|defined)|placeholder)\b)/i;

export default defineDetector({
  id: 'has-threat-model',
  pillar: 'security',
  question: 'Is there a threat model of the platform in the repository?',
  rationale:
    'A threat model records which attacks the design considered and how it resists them; without one, security work is reactive.',
  patterns: {
    heading: {
      // Group 1: the first non-blank line under the heading, so an empty or "TODO" section does not count.
      regex: /^#{1,6}[ \t]+(?:[\w ]*[ \t])?threat[ -]?model(?:s|ing)?\b[^\n]*(?:\n[ \t]*)*([^\n]*)/im,
      literals: ['hreat', 'HREAT'],
      roles: ['docs'],
      languages: ['markdown'],
      code: false,
      maxPerFile: 1,
    },
    threatDragon: {
      // OWASP Threat Dragon model files.
      regex: /"diagramType"\s*:\s*"(?:STRIDE|LINDDUN|CIA|DIE|PLOT4ai|Generic)"/,
      literals: ['diagramType'],
      roles: ['docs', 'config', 'other', 'source'],
      languages: ['json'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    for (const f of repo.files) {
      if (NOT_OURS.has(f.role)) continue;
      if (NAMED.test(f.path)) evidence.push({ path: f.path, note: 'threat model document' });
      else if (TOOL_FILE.test(f.path)) evidence.push({ path: f.path, note: 'threat-modelling tool model' });
    }
    evidence.push(...matches('threatDragon').map((m) => fromMatch(m, 'OWASP Threat Dragon model')));
    // pytm models are code: `from pytm import TM` anywhere but vendored/fixture copies.
    for (const s of repo.imports()) {
      if (s.role === 'source' && s.ecosystem === 'python' && s.specifier.split('.')[0] === 'pytm') evidence.push(fromImport(s, 'pytm threat model'));
    }
    const written = (m: Match): boolean => !EMPTY_SECTION.test(m.groups[0] ?? '');
    evidence.push(...matches('heading').filter(written).map((m) => fromMatch(m, 'threat model section')));
    if (evidence.length === 0) return no('No threat-model document, tool model or "Threat model" section was found.');
    return yes(`A threat model exists (${evidence[0]!.path}${evidence.length > 1 ? ` and ${evidence.length - 1} more` : ''}).`, firstN(evidence, 10));
  },
});
