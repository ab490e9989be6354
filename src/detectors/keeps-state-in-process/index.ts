import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import DISTRIBUTED_LOCK from '../../ecosystems/capabilities/distributed-lock.ts';
import IN_PROCESS_SCHEDULER from '../../ecosystems/capabilities/in-process-scheduler.ts';
import OBJECT_STORAGE from '../../ecosystems/capabilities/object-storage.ts';
import SESSION_MIDDLEWARE from '../../ecosystems/capabilities/session-middleware.ts';
import WEBSOCKET_SERVER from '../../ecosystems/capabilities/websocket-server.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const JS = ['javascript', 'typescript'] as const;

// Module-level Maps, node-cache or lru-cache are not reported: a cache may be per host by design,
// and telling it apart from shared state needs more than a pattern.
export default defineDetector({
  id: 'keeps-state-in-process',
  pillar: 'scalability',
  question:
    'Does production code keep state in the process or on local disk that breaks when a second host runs (in-memory sessions, local uploads, socket.io without an adapter, schedulers without a lock)?',
  rationale: 'State held by one process is invisible to the next host behind the load balancer: users get logged out, uploads vanish and broadcasts miss clients.',
  measures: { hazards: { unit: 'sites', description: 'Places where state is kept in one process or on local disk' } },
  patterns: {
    sessionCall: { regex: /\b(?:session|expressSession|fastifySession)\s*\(\s*\{/, literals: ['ession('], languages: JS },
    storeOption: { regex: /\bstore\s*[:,}]|\bstore\s*$/m, literals: ['store'], languages: JS, maxPerFile: 1 },
    multerDisk: { regex: /\bmulter\s*\(\s*\{[^}]*?\bdest\s*:|\b(?:multer\.)?diskStorage\s*\(/, literals: ['dest', 'diskStorage'], languages: JS },
    socketAdapter: { regex: /\.adapter\s*\(|\badapter\s*:\s*[\w(]/, literals: ['adapter'], languages: JS, maxPerFile: 1 },
    pySessionFiles: {
      regex: /\bSESSION_TYPE['"]?\s*\]?\s*=\s*['"]filesystem['"]|\bSESSION_ENGINE\s*=\s*['"]django\.contrib\.sessions\.backends\.file['"]/,
      literals: ['SESSION_TYPE', 'SESSION_ENGINE'],
      languages: ['python'],
    },
    goSessionFiles: { regex: /\bsessions\.NewFilesystemStore\s*\(/, literals: ['NewFilesystemStore'], languages: ['go'] },
  },
  detect({ repo, matches }) {
    const hazards: EvidenceItem[] = [];
    const files = (name: string): Set<string> => new Set(matches(name).map((m) => m.path));

    // In-memory sessions: session middleware without a `store` where no shared store is used.
    if (usedLibraries(repo, CAPABILITIES['session-store']).length === 0) {
      const withStore = files('storeOption');
      const calls = matches('sessionCall');
      for (const u of usedLibraries(repo, SESSION_MIDDLEWARE)) {
        for (const s of u.sites) {
          if (withStore.has(s.path)) continue;
          const call = calls.find((c) => c.path === s.path);
          hazards.push(call ? fromMatch(call, `${u.library} with the default in-memory store`) : fromImport(s, `${u.library} with the default in-memory store`));
        }
      }
    }
    // Uploads written to local disk when nothing stores files in object storage.
    if (usedLibraries(repo, OBJECT_STORAGE).length === 0) {
      hazards.push(...matches('multerDisk').map((m) => fromMatch(m, 'uploads written to local disk')));
    }
    // socket.io rooms live in one process unless an adapter shares them.
    if (matches('socketAdapter').length === 0) {
      for (const u of usedLibraries(repo, WEBSOCKET_SERVER)) hazards.push(...u.sites.slice(0, 3).map((s) => fromImport(s, 'socket.io server without an adapter')));
    }
    hazards.push(...[...matches('pySessionFiles'), ...matches('goSessionFiles')].map((m) => fromMatch(m, 'sessions stored on local disk')));
    // Jobs scheduled in every process run once per host unless a distributed lock elects a runner.
    if (usedLibraries(repo, DISTRIBUTED_LOCK).length === 0) {
      for (const u of usedLibraries(repo, IN_PROCESS_SCHEDULER)) hazards.push(...u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} schedules jobs in every process, without a lock`)));
    }

    hazards.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    const measures = { hazards: { value: hazards.length, unit: 'sites' } };
    if (hazards.length === 0) return no('No in-process sessions, local-disk uploads, adapter-less socket.io or unlocked schedulers found.', [], measures);
    return yes(`${hazards.length} place(s) keep state in one process or on local disk.`, hazards.slice(0, 10), measures);
  },
});
