import { defineDetector, firstN, fromImport, no, notApplicable, yes } from '../../core/detector.ts';
import type { Ecosystem, EvidenceItem, ImportSite } from '../../core/types.ts';
import type { LibraryEntry } from '../../ecosystems/capability.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

/**
 * Low-level drivers by database engine. ORMs and query builders (knex, sequelize, typeorm, prisma,
 * sqlalchemy) sit on top of one of these and are not drivers. Packages that install the same
 * module (psycopg2 and psycopg2-binary) are one driver.
 */
const DRIVERS: readonly { engine: string; driver: string; ecosystem: Ecosystem; packages: readonly LibraryEntry[] }[] = [
  { engine: 'MySQL', driver: 'mysql', ecosystem: 'js', packages: ['mysql'] },
  { engine: 'MySQL', driver: 'mysql2', ecosystem: 'js', packages: ['mysql2'] },
  { engine: 'MySQL', driver: 'mariadb', ecosystem: 'js', packages: ['mariadb'] },
  { engine: 'MySQL', driver: 'pymysql', ecosystem: 'python', packages: ['pymysql'] },
  { engine: 'MySQL', driver: 'mysqlclient', ecosystem: 'python', packages: [{ package: 'mysqlclient', imports: ['MySQLdb'] }] },
  { engine: 'MySQL', driver: 'mysql-connector-python', ecosystem: 'python', packages: [{ package: 'mysql-connector-python', imports: ['mysql'] }] },
  { engine: 'MySQL', driver: 'mariadb', ecosystem: 'python', packages: ['mariadb'] },
  { engine: 'MySQL', driver: 'aiomysql', ecosystem: 'python', packages: ['aiomysql'] },
  { engine: 'PostgreSQL', driver: 'pg', ecosystem: 'js', packages: ['pg'] },
  { engine: 'PostgreSQL', driver: 'postgres', ecosystem: 'js', packages: ['postgres'] },
  { engine: 'PostgreSQL', driver: 'pg-promise', ecosystem: 'js', packages: ['pg-promise'] },
  { engine: 'PostgreSQL', driver: '@neondatabase/serverless', ecosystem: 'js', packages: ['@neondatabase/serverless'] },
  {
    engine: 'PostgreSQL',
    driver: 'psycopg2',
    ecosystem: 'python',
    packages: [{ package: 'psycopg2', imports: ['psycopg2'] }, { package: 'psycopg2-binary', imports: ['psycopg2'] }],
  },
  { engine: 'PostgreSQL', driver: 'psycopg', ecosystem: 'python', packages: ['psycopg', { package: 'psycopg-binary', imports: ['psycopg'] }] },
  { engine: 'PostgreSQL', driver: 'asyncpg', ecosystem: 'python', packages: ['asyncpg'] },
  { engine: 'PostgreSQL', driver: 'aiopg', ecosystem: 'python', packages: ['aiopg'] },
  { engine: 'MongoDB', driver: 'mongodb', ecosystem: 'js', packages: ['mongodb'] },
  { engine: 'MongoDB', driver: 'pymongo', ecosystem: 'python', packages: ['pymongo'] },
  { engine: 'MongoDB', driver: 'motor', ecosystem: 'python', packages: ['motor'] },
];

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
    for (const d of DRIVERS) {
      const uses = usedLibraries(repo, { id: d.driver, description: d.engine, libraries: { [d.ecosystem]: d.packages } });
      if (uses.length === 0) continue;
      const k = `${d.engine}/${d.ecosystem}`;
      const group = used.get(k) ?? { engine: d.engine, ecosystem: d.ecosystem, drivers: new Map<string, ImportSite[]>() };
      group.drivers.set(d.driver, [...(group.drivers.get(d.driver) ?? []), ...uses.flatMap((u) => u.sites)]);
      used.set(k, group);
    }
    if (used.size === 0) return notApplicable('Production code uses no low-level database driver (MySQL, PostgreSQL or MongoDB).');
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
