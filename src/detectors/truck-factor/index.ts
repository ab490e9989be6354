import { defineDetector, unknown, yes } from '../../core/detector.ts';
import { DAY, type EvidenceItem, type FileRole } from '../../core/types.ts';
import { areasOf, displayName, fileAuthors, people, truckFactor, type Person, type TruckFactor } from '../../ecosystems/authorship.ts';
import { newestCommitAt } from '../../ecosystems/docs.ts';

/** Files whose knowledge matters: production source, tests and docs (never vendored or generated). */
const ROLES: ReadonlySet<FileRole> = new Set(['source', 'test', 'docs']);
const WINDOW_DAYS = 365;
/** Areas smaller than this are too small for a truck factor of their own. */
const MIN_AREA_FILES = 5;

export default defineDetector({
  id: 'truck-factor',
  pillar: 'team',
  question: 'What is the repository’s truck factor (how many people would have to leave before most files lose everyone who knows them)?',
  rationale: 'A truck factor of 1 means one departure leaves most of the code without anyone who knows it.',
  history: true,
  measures: {
    'truck-factor': { unit: 'people', description: 'Authors to remove before more than 50% of files have no author left (degree-of-authorship, Avelino et al. 2016)' },
    areas: { unit: 'areas', description: `Top-level areas (folders; inside a folder holding most files, its children; not the files at the top) with at least ${MIN_AREA_FILES} authored files` },
    'areas-held-by-one': { unit: 'areas', description: 'Areas whose own truck factor is 1 (or whose authorship is too diffuse to name anyone)' },
    'shared-areas-share': { unit: '%', description: 'Percent of areas whose own truck factor is at least 2' },
    'authors-12m': { unit: 'people', description: 'Distinct human authors of non-merge commits in the 365 days before the newest commit' },
    'commits-12m': { unit: 'commits', description: 'Non-merge commits by humans in the 365 days before the newest commit' },
    'top-author-share': { unit: '%', description: 'Percent of those commits made by the most active author' },
  },
  detect({ repo }) {
    const h = repo.history();
    if (!h || h.commits.length === 0) return unknown('No git history, so authorship cannot be measured.');
    const who = people(h);
    const current = new Set(repo.files.filter((f) => ROLES.has(f.role) && !f.binary).map((f) => f.path));
    const authors = fileAuthors(h, who, current);
    if (authors.size === 0) return unknown('No current source, test or docs file has a human commit in the history.');
    const repoTf = truckFactor(authors);
    if (repoTf.value === 0) return unknown(`Authorship is too diffuse to compute a truck factor: most of ${repoTf.files} files have no clear author.`);

    // Per area: the same algorithm on the area's files alone.
    const areas = [...areasOf([...authors.keys()])]
      // Files at the top (manifests, the README) are not an area of the code.
      .filter(([area, files]) => area !== '.' && files.length >= MIN_AREA_FILES)
      .map(([area, files]) => ({ area, files: files.length, tf: truckFactor(new Map(files.map((f) => [f, authors.get(f)!] as const))) }));
    const heldByOne = areas.filter((a) => a.tf.value <= 1);
    const shared = areas.length - heldByOne.length;

    const newest = newestCommitAt(h);
    const perAuthor = new Map<Person, number>();
    let commits = 0;
    for (const c of h.commits) {
      const person = who.get(c.author);
      if (!person || c.parents.length > 1 || c.at < newest - WINDOW_DAYS * DAY) continue;
      commits++;
      perAuthor.set(person, (perAuthor.get(person) ?? 0) + 1);
    }
    const top = Math.max(0, ...perAuthor.values());
    const share = commits === 0 ? 0 : Math.floor((top * 100) / commits);

    const holders = (tf: TruckFactor): string => tf.holders.map((x) => `${displayName(x.person)} (${x.files.length})`).join(', ');
    const evidence: EvidenceItem[] = [
      { path: '.', note: `whole repository: truck factor ${repoTf.value} over ${repoTf.files} files: ${holders(repoTf)}`, value: repoTf.value },
      // Areas at risk first, then the rest; each names who holds it.
      ...[...areas]
        .sort((a, b) => a.tf.value - b.tf.value || b.files - a.files || a.area.localeCompare(b.area))
        .slice(0, 12)
        .map((a) => ({ path: a.area, note: `truck factor ${a.tf.value} over ${a.files} files${a.tf.value > 0 ? `: ${holders(a.tf)}` : ': no clear author'}`, value: a.tf.value })),
    ];
    const areaText =
      areas.length === 0
        ? ''
        : ` In ${heldByOne.length} of ${areas.length} area(s) one person (or no one) holds most files${heldByOne.length > 0 ? ` (${heldByOne.slice(0, 3).map((a) => a.area).join(', ')}${heldByOne.length > 3 ? ', ...' : ''})` : ''}.`;
    return yes(
      `Truck factor ${repoTf.value}: removing ${repoTf.value} author(s) leaves more than half of ${repoTf.files} files without an author; ${perAuthor.size} author(s) made ${commits} commit(s) in the last year${h.truncated ? ' (history is cut)' : ''}.${areaText}`,
      evidence,
      {
        'truck-factor': { value: repoTf.value, unit: 'people' },
        areas: { value: areas.length, unit: 'areas' },
        'areas-held-by-one': { value: heldByOne.length, unit: 'areas' },
        'shared-areas-share': { value: areas.length === 0 ? 0 : Math.floor((shared * 100) / areas.length), unit: '%' },
        'authors-12m': { value: perAuthor.size, unit: 'people' },
        'commits-12m': { value: commits, unit: 'commits' },
        'top-author-share': { value: share, unit: '%' },
      },
    );
  },
});
