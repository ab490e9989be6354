import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileEntry, Match } from '../../core/types.ts';
import { baseName, DOC_EXTENSION, isOwn } from '../../ecosystems/docs.ts';

const DIAGRAM = /\.(puml|plantuml|iuml|pu|mmd|mermaid|dsl)$/i;
const ARCHITECTURE_FILE = /^architecture(\.(md|mdx|markdown|rst|adoc|asciidoc|txt))?$/i;
/** docs/architecture/**, docs/arch*.md, docs/design/** (docs or doc, at any depth). */
const DOCS_ARCH = /(^|\/)docs?\/(.*\/)?(arch(?!iv)[^/]*|designs?|design[-_]docs?)(\/|$)/i;
/** A top-level or nested architecture/ folder outside docs: prose and diagrams only. */
const ARCH_FOLDER = /(^|\/)architecture\//i;
const UNDER_DOCS = /(^|\/)docs?\//i;

/** Two or more arc42 section headings in one document make it an arc42 architecture document. */
const ARC42 =
  /^[ \t]{0,3}(?:#{1,6}|={1,6})[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(introduction and goals|architecture constraints|system scope and context|solution strategy|building block view|runtime view|deployment view|cross-?cutting concepts|quality requirements|risks and technical debts?)\b/gim;

function kind(f: FileEntry): string | undefined {
  if (!isOwn(f) || f.size === 0 || /^\.git(keep|ignore)$/.test(baseName(f.path))) return undefined;
  const name = baseName(f.path);
  if (ARCHITECTURE_FILE.test(name)) return 'architecture document';
  if (DOCS_ARCH.test(f.path)) return 'architecture/design docs';
  if (ARCH_FOLDER.test(f.path) && (DOC_EXTENSION.test(name) || DIAGRAM.test(name))) return 'architecture docs';
  if (UNDER_DOCS.test(f.path) && DIAGRAM.test(name) && !/\.dsl$/i.test(name)) return 'diagram';
  return undefined;
}

export default defineDetector({
  id: 'has-architecture-docs',
  pillar: 'docs',
  question: 'Does the repository keep architecture documentation (architecture docs, C4/Structurizr models, arc42, design docs or diagrams)?',
  rationale: 'Written architecture transfers context across team changes; without it the design lives in a few heads.',
  patterns: {
    structurizr: {
      regex: /^[ \t]*workspace\b[^\n]*\{/m,
      literals: ['workspace'],
      paths: ['**/*.dsl'],
      roles: ['docs', 'other', 'config', 'source'],
      code: false,
      maxPerFile: 1,
    },
    arc42: {
      regex: ARC42,
      literals: ['View', 'view', 'Strategy', 'strategy', 'Constraints', 'constraints', 'Concepts', 'concepts', 'Goals', 'goals'],
      roles: ['docs'],
      languages: ['markdown'],
      code: false,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const seen = new Set<string>();
    for (const f of repo.files) {
      const k = kind(f);
      if (!k) continue;
      seen.add(f.path);
      evidence.push({ path: f.path, note: k });
    }
    for (const m of matches('structurizr')) {
      if (seen.has(m.path)) continue;
      seen.add(m.path);
      evidence.push(fromMatch(m, 'Structurizr (C4) workspace'));
    }
    const arc42 = new Map<string, Match[]>();
    for (const m of matches('arc42')) {
      if (/^readme/i.test(baseName(m.path))) continue; // a README heading alone is not architecture docs
      const list = arc42.get(m.path);
      if (list) list.push(m);
      else arc42.set(m.path, [m]);
    }
    for (const [path, ms] of arc42) {
      const sections = new Set(ms.map((m) => (m.groups[0] ?? '').toLowerCase()));
      if (sections.size < 2 || seen.has(path)) continue;
      seen.add(path);
      evidence.push(fromMatch(ms[0]!, `arc42 template (${sections.size} sections)`));
    }
    if (evidence.length === 0) {
      return no('No architecture documentation: no ARCHITECTURE file, docs/architecture, design docs, C4/arc42 models or diagrams under docs.');
    }
    evidence.sort((a, b) => a.path.localeCompare(b.path));
    return yes(`${evidence.length} architecture document(s) or diagram(s), e.g. ${evidence[0]!.path}.`, evidence.slice(0, 10));
  },
});
