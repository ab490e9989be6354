import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileEntry, Match } from '../../core/types.ts';
import { baseName, DOC_EXTENSION, isOwn, isTemplateText, PROSE_GLOBS, sections, substantiveWords } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

const DIAGRAM = /\.(puml|plantuml|iuml|pu|mmd|mermaid|dsl|drawio|dio|svg|excalidraw)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp)$/i;
const ARCHITECTURE_FILE = /^architecture(\.(md|mdx|markdown|rst|adoc|asciidoc|txt))?$/i;
/** docs/architecture/**, docs/arch*.md, docs/design/** (docs or doc, at any depth). */
const DOCS_ARCH = /(^|\/)docs?\/(.*\/)?(arch(?!iv)[^/]*|designs?|design[-_]docs?|c4)(\/|$)/i;
/** A top-level or nested architecture/ folder outside docs: prose and diagrams only. */
const ARCH_FOLDER = /(^|\/)(architecture|c4)\//i;
const UNDER_DOCS = /(^|\/)docs?\//i;
/** Words a prose document needs before it documents anything (a title and "TODO" do not). */
const MIN_WORDS = 15;
/** An architecture section of a README or guide that documents the design, not one sentence about it. */
const SECTION_WORDS = 80;
const ARCH_HEADING = /^(?:\d+(?:\.\d+)*\.?\s+)?(architecture|system architecture|architecture overview|high[- ]level (architecture|design)|system design|how it works)$/i;
/** An image below this size is an icon or a placeholder, not a diagram. */
const MIN_IMAGE_BYTES = 2048;

/** Two or more arc42 section headings in one document make it an arc42 architecture document. */
const ARC42 =
  /^[ \t]{0,3}(?:#{1,6}|={1,6})[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(introduction and goals|architecture constraints|system scope and context|solution strategy|building block view|runtime view|deployment view|cross-?cutting concepts|quality requirements|risks and technical debts?)\b/gim;

type Kind = 'architecture document' | 'architecture/design docs' | 'architecture docs' | 'diagram';

function kind(f: FileEntry): Kind | undefined {
  if (f.size === 0 || /^\.git(keep|ignore)$/.test(baseName(f.path))) return undefined;
  const name = baseName(f.path);
  if (ARCHITECTURE_FILE.test(name)) return 'architecture document';
  if (DOCS_ARCH.test(f.path) && (DOC_EXTENSION.test(name) || DIAGRAM.test(name) || IMAGE.test(name))) return 'architecture/design docs';
  if (ARCH_FOLDER.test(f.path) && (DOC_EXTENSION.test(name) || DIAGRAM.test(name) || IMAGE.test(name))) return 'architecture docs';
  if (UNDER_DOCS.test(f.path) && DIAGRAM.test(name) && !/\.(dsl|svg)$/i.test(name)) return 'diagram';
  return undefined;
}

/** Lines of a diagram source that draw something (not @startuml, comments or blank lines). */
function drawingLines(text: string): number {
  return text.split(/\r?\n/).filter((l) => {
    const t = l.trim();
    return t !== '' && !/^(@start\w+|@end\w+|'|%%|\/\/|#)/.test(t);
  }).length;
}

export default defineDetector({
  id: 'has-architecture-docs',
  pillar: 'docs',
  question: 'Does the repository keep architecture documentation (architecture docs, C4/Structurizr models, arc42, design docs or diagrams)?',
  rationale: 'Written architecture transfers context across team changes; without it the design lives in a few heads.',
  measures: { 'architecture-documents': { unit: 'documents', description: 'Architecture documents, models and diagrams with content' } },
  contents: [...PROSE_GLOBS, '**/*.{puml,plantuml,iuml,pu,mmd,mermaid,dsl,drawio,dio,svg,excalidraw}'],
  patterns: {
    structurizr: {
      regex: /^[ \t]*workspace\b[^\n]*\{[\s\S]*?^[ \t]*model\b[^\n]*\{/m,
      literals: ['workspace'],
      paths: ['**/*.dsl'],
      roles: ['docs', 'other', 'config', 'source'],
      code: false,
      maxPerFile: 1,
    },
    c4plantuml: {
      // C4-PlantUML: `!include <C4/C4_Container>` or the stdlib/URL include of C4_Context.puml etc.
      regex: /^[ \t]*!include(?:url)?[ \t]+\S*C4_(Context|Container|Component|Dynamic|Deployment)\b/gm,
      literals: ['C4_'],
      roles: ['docs', 'other', 'config'],
      code: false,
      maxPerFile: 1,
    },
    mermaidC4: {
      // A mermaid C4 diagram in a Markdown document (README included).
      regex: /^[ \t]*(?:`{3,}|~{3,})[ \t]*mermaid[ \t]*\r?\n[ \t]*(C4Context|C4Container|C4Component|C4Dynamic|C4Deployment)\b/gm,
      literals: ['C4'],
      roles: ['docs'],
      languages: ['markdown'],
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
    const stubs: string[] = [];
    const add = (path: string, e: EvidenceItem): void => {
      seen.add(path);
      evidence.push(e);
    };
    for (const f of repo.files) {
      if (f.role === 'vendored' || f.role === 'fixture' || f.role === 'test' || f.role === 'generated') continue;
      const k = kind(f);
      if (!k) continue;
      const name = baseName(f.path);
      if (IMAGE.test(name)) {
        if (f.size >= MIN_IMAGE_BYTES) add(f.path, { path: f.path, note: `${k} (diagram image)` });
        continue;
      }
      const text = repo.text(f.path);
      if (text === undefined) continue;
      if (DOC_EXTENSION.test(name)) {
        const words = substantiveWords(text, f.path);
        if (words < MIN_WORDS || isTemplateText(text, f.path)) stubs.push(f.path);
        else add(f.path, { path: f.path, note: `${k}, ${words} words` });
      } else if (drawingLines(text) >= 2) add(f.path, { path: f.path, note: `${k} (diagram source)` });
      else stubs.push(f.path);
    }
    for (const m of matches('structurizr')) if (!seen.has(m.path)) add(m.path, fromMatch(m, 'Structurizr (C4) workspace with a model'));
    for (const m of matches('c4plantuml')) if (!seen.has(m.path)) add(m.path, fromMatch(m, `C4-PlantUML ${m.groups[0]} diagram`));
    for (const m of matches('mermaidC4')) if (!seen.has(m.path)) add(m.path, { ...fromMatch(m, `mermaid ${m.groups[0]} diagram`), line: m.line + 1, excerpt: m.groups[0] ?? 'C4' });
    const arc42 = new Map<string, Match[]>();
    for (const m of matches('arc42')) {
      if (/^readme/i.test(baseName(m.path))) continue; // a README heading alone is not architecture docs
      const list = arc42.get(m.path);
      if (list) list.push(m);
      else arc42.set(m.path, [m]);
    }
    for (const [path, ms] of arc42) {
      const distinct = new Set(ms.map((m) => (m.groups[0] ?? '').toLowerCase()));
      const text = repo.text(path);
      if (distinct.size < 2 || seen.has(path) || text === undefined || substantiveWords(text, path) < MIN_WORDS || isTemplateText(text, path)) continue;
      add(path, fromMatch(ms[0]!, `arc42 document (${distinct.size} sections)`));
    }
    // An Architecture section of substance in the README or a guide.
    for (const f of repo.files) {
      if (f.role !== 'docs' || !isOwn(f) || seen.has(f.path) || !DOC_EXTENSION.test(f.path) || (f.path.includes('/') && !UNDER_DOCS.test(f.path))) continue;
      const text = repo.text(f.path);
      if (text === undefined || !/architecture|how it works|system design|high[- ]level/i.test(text)) continue;
      const s = sections(text, f.path).find((x) => x.heading && ARCH_HEADING.test(x.heading.text.replace(/[`*_:]/g, '').trim()) && x.words >= SECTION_WORDS);
      if (s) add(f.path, { path: f.path, line: s.heading!.line, excerpt: excerpt(text.split(/\r?\n/)[s.heading!.line - 1] ?? ''), note: `architecture section, ${s.words} words` });
    }
    const measures = { 'architecture-documents': { value: evidence.length, unit: 'documents' } };
    if (evidence.length === 0) {
      return no(
        stubs.length > 0
          ? `Architecture documents are empty stubs or templates (${stubs.slice(0, 3).join(', ')}).`
          : 'No architecture documentation: no ARCHITECTURE file, docs/architecture, design docs, C4/arc42 models or diagrams under docs.',
        stubs.slice(0, 5).map((p) => ({ path: p, note: 'stub or template, not counted' })),
        measures,
      );
    }
    evidence.sort((a, b) => a.path.localeCompare(b.path));
    return yes(`${evidence.length} architecture document(s) or diagram(s), e.g. ${evidence[0]!.path}.`, evidence.slice(0, 10), measures);
  },
});
