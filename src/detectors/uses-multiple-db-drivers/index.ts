import { defineDetector, firstN, fromImport, no, notApplicable, yes } from '../../core/detector.ts';
import type { Ecosystem, EvidenceItem, ImportSite } from '../../core/types.ts';
import { LOW_LEVEL_DRIVERS } from '../../ecosystems/capabilities/database-driver.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

export default defineDetector({
  id: 'uses-multiple-db-drivers',
  pillar: 'data',
  question: 'Does production code use two or more low-level drivers for the same database engine?',
  rationale: 'Two drivers for one database mean two connection pools, two sets of type conversions and two ways to get transactions wrong.',
  measures: {
    'max-drivers-per-engine': { unit: 'drivers', description: 'Most low-level drivers used for one database engine within one language.' },
  },
  detect({ repo }) {
    const used = new Map<string, { engine: string; ecosystem: Ecosystem; drivers: Map<string, ImportSite[]> }>();
    for (const d of LOW_LEVEL_DRIVERS) {
      const uses = usedLibraries(repo, { id: d.driver, description: d.engine, libraries: { [d.ecosystem]: d.packages } });
      if (uses.length === 0) continue;
      const k = `${d.engine}/${d.ecosystem}`;
      const group = used.get(k) ?? { engine: d.engine, ecosystem: d.ecosystem, drivers: new Map<string, ImportSite[]>() };
      group.drivers.set(d.driver, [...(group.drivers.get(d.driver) ?? []), ...uses.flatMap((u) => u.sites)]);
      used.set(k, group);
    }
    if (used.size === 0) return notApplicable('Production code uses no low-level database driver (MySQL, PostgreSQL, MongoDB or SQL Server).');
    const groups = [...used.values()];
    const max = Math.max(...groups.map((g) => g.drivers.size));
    const measures = { 'max-drivers-per-engine': { value: max, unit: 'drivers' } };
    const sites = (g: (typeof groups)[number], per: number): EvidenceItem[] =>
      [...g.drivers].flatMap(([driver, s]) => s.slice(0, per).map((site) => fromImport(site, `${g.engine} driver ${driver}`)));
    const multi = groups.filter((g) => g.drivers.size >= 2);
    if (multi.length === 0) {
      const list = groups.map((g) => `${g.engine}: ${[...g.drivers.keys()].join(', ')}`).join('; ');
      return no(`One driver per database engine (${list}).`, firstN(groups.flatMap((g) => sites(g, 1))), measures);
    }
    const list = multi.map((g) => `${g.engine} through ${[...g.drivers.keys()].join(' and ')}`).join('; ');
    return yes(`Production code reaches ${list}.`, firstN(multi.flatMap((g) => sites(g, 3))), measures);
  },
});
