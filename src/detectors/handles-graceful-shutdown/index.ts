import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';
import GRACEFUL_SHUTDOWN, { DRAINING_SERVERS } from '../../ecosystems/capabilities/graceful-shutdown.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const JS = ['javascript', 'typescript'] as const;

export default defineDetector({
  id: 'handles-graceful-shutdown',
  pillar: 'reliability',
  question: 'Does production code handle SIGTERM by draining work (closing servers, queues and pools) before exiting?',
  rationale: 'Every deploy and scale-in sends SIGTERM; exiting at once drops in-flight requests and half-done jobs.',
  patterns: {
    jsSignal: {
      regex: /\bprocess\.(?:on|once|addListener)\s*\(\s*['"`](?:SIGTERM|SIGINT)['"`]/,
      literals: ['SIGTERM', 'SIGINT'],
      languages: JS,
    },
    // `for (const s of ['SIGTERM', 'SIGINT']) process.on(s, ...)`
    jsSignalName: { regex: /['"`](?:SIGTERM|SIGINT)['"`]/, literals: ['SIGTERM', 'SIGINT'], languages: JS },
    jsProcessOn: { regex: /\bprocess\.(?:on|once|addListener)\s*\(/, literals: ['process.'], languages: JS, maxPerFile: 1 },
    jsDrain: {
      regex: /\b[\w$]+\.(?:close|closeAllConnections|disconnect|\$disconnect|quit|shutdown|tryShutdown|drain|stop|terminate)\s*\(|\b(?:pool|knex|sql|db|client|connection|pgPool)\w*\.end\s*\(/,
      literals: ['.close', '.disconnect', '$disconnect', '.quit', '.shutdown', '.tryShutdown', '.drain', '.stop', '.terminate', '.end('],
      languages: JS,
      maxPerFile: 1,
    },
    nestHooks: { regex: /\.enableShutdownHooks\s*\(/, literals: ['enableShutdownHooks'], languages: JS },
    pySignal: {
      regex: /\b(?:signal\.signal|add_signal_handler)\s*\(\s*(?:signal\.)?(?:SIGTERM|SIGINT)\b/,
      literals: ['SIGTERM', 'SIGINT'],
      languages: ['python'],
    },
    pyDrain: {
      regex:
        /\.(?:close|shutdown|stop|join|cancel|dispose|set)\s*\(|\bshould_exit\b|\b_?(?:running|is_running|keep_running|alive|active|should_run|accepting)\s*=\s*False\b|\b_?(?:shutdown|stop|exit)_requested\s*=\s*True\b/,
      literals: ['.close', '.shutdown', '.stop', '.join', '.cancel', '.dispose', '.set(', 'should_exit', 'False', '_requested'],
      languages: ['python'],
      maxPerFile: 1,
    },
    goSignal: {
      // Arguments may hold calls: signal.NotifyContext(context.Background(), syscall.SIGTERM); the
      // signals may be a list passed variadically (podinfo: signal.Notify(c, shutdownSignals...)).
      regex: /\bsignal\.Notify(?:Context)?\s*\((?:[^()]|\([^()]*\))*?(?:\b(?:syscall\.SIGTERM|syscall\.SIGINT|os\.Interrupt)|\w+\.\.\.\s*\))/,
      literals: ['signal.Notify'],
      languages: ['go'],
    },
    goDrain: { regex: /\.(?:Shutdown|GracefulStop|Close|Stop)\s*\(/, literals: ['.Shutdown', '.GracefulStop', '.Close', '.Stop'], languages: ['go'], maxPerFile: 1 },
    goGracefulStop: { regex: /\.(?:Shutdown|GracefulStop)\s*\(/, literals: ['.Shutdown', '.GracefulStop'], languages: ['go'], maxPerFile: 1 },
    jvmHook: { regex: /\bRuntime\.getRuntime\(\)\.addShutdownHook\s*\(|@PreDestroy\b/, literals: ['addShutdownHook', '@PreDestroy'], languages: ['java', 'kotlin'] },
    // The .NET generic host (ASP.NET Core included) stops hosted services and drains Kestrel
    // within HostOptions.ShutdownTimeout when it receives SIGTERM.
    dotnetHost: {
      regex: /\b(?:WebApplication\.Create(?:Slim|Empty)?Builder|Host\.Create(?:Default|Application)Builder)\s*\(/,
      literals: ['WebApplication.Create', 'Host.Create'],
      languages: ['csharp'],
      maxPerFile: 1,
    },
    // A draining server started by a process definition (Procfile, Dockerfile, compose, k8s).
    serverCommand: {
      regex: new RegExp(`(?:^|[\\s"'\\[,:=])(?:bundle\\s+exec\\s+|python\\s+-m\\s+)?(${DRAINING_SERVERS.map((s) => s.command).join('|')})\\b`),
      literals: DRAINING_SERVERS.map((s) => s.command),
      roles: ['config', 'other', 'iac'],
      paths: ['**/Procfile*', '**/Dockerfile*', '**/*.dockerfile', '**/*compose*.y*ml', '**/k8s/**', '**/kubernetes/**', '**/deploy/**', '**/helm/**', '**/charts/**', '**/fly.toml', '**/render.yaml', '**/app.yaml'],
      maxPerFile: 2,
    },
    // Spring Boot 3.4 and later shut the embedded server down gracefully by default.
    springBootVersion: {
      regex: /spring-boot-starter-parent<\/artifactId>\s*<version>(\d+)\.(\d+)|["']?org\.springframework\.boot["']?\s*\)?\s*version\s*\(?\s*["'](\d+)\.(\d+)|^[ \t]*spring-?[bB]oot[ \t]*=[ \t]*["'](\d+)\.(\d+)/m,
      literals: ['spring-boot-starter-parent', 'org.springframework.boot', 'spring-boot', 'springBoot'],
      roles: ['config', 'other', 'source'],
      paths: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '**/libs.versions.toml'],
      maxPerFile: 1,
    },
    springImmediate: {
      regex: /\bserver\.shutdown\s*[=:]\s*immediate\b|^[ \t]*shutdown:[ \t]*["']?immediate\b/m,
      literals: ['immediate'],
      roles: ['config', 'other'],
      paths: ['**/application*.yml', '**/application*.yaml', '**/application*.properties'],
    },
    springGraceful: {
      regex: /\bserver\.shutdown\s*[=:]\s*graceful\b|^[ \t]*shutdown:[ \t]*["']?graceful\b/m,
      literals: ['graceful'],
      roles: ['config', 'other'],
      paths: ['**/application*.yml', '**/application*.yaml', '**/application*.properties'],
    },
  },
  detect({ repo, matches }) {
    const graceful: EvidenceItem[] = [];
    const exitOnly: EvidenceItem[] = [];
    const files = (name: string): Set<string> => new Set(matches(name).map((m) => m.path));
    const sortLoc = (a: Match, b: Match): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line);

    for (const u of usedLibraries(repo, GRACEFUL_SHUTDOWN)) graceful.push(...u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} drains on shutdown`)));
    graceful.push(...matches('nestHooks').map((m) => fromMatch(m, 'Nest shutdown hooks enabled')));

    // A signal handler counts when its file also drains something; one that only exits does not.
    const handlers = (signal: readonly Match[], drainFiles: Set<string>): void => {
      const seen = new Set<string>();
      for (const m of [...signal].sort(sortLoc)) {
        if (seen.has(m.path)) continue;
        seen.add(m.path);
        if (drainFiles.has(m.path)) graceful.push(fromMatch(m, 'SIGTERM/SIGINT handler that closes resources'));
        else exitOnly.push(fromMatch(m, 'signal handler without draining'));
      }
    };
    const processOn = files('jsProcessOn');
    handlers([...matches('jsSignal'), ...matches('jsSignalName').filter((m) => processOn.has(m.path))], files('jsDrain'));
    handlers(matches('pySignal'), files('pyDrain'));
    // Go: http.Server.Shutdown and grpc.Server.GracefulStop drain by definition; the signal is
    // often caught in a package of its own (pkg/signals) and passed down as a context.
    const goGraceful = matches('goGracefulStop');
    handlers(matches('goSignal'), goGraceful.length > 0 ? new Set(matches('goSignal').map((m) => m.path)) : files('goDrain'));
    const goSignalFiles = files('goSignal');
    if (goSignalFiles.size > 0) {
      const elsewhere = goGraceful.filter((m) => !goSignalFiles.has(m.path));
      graceful.push(...elsewhere.slice(0, 3).map((m) => fromMatch(m, 'server drained with Shutdown/GracefulStop')));
    }
    graceful.push(...matches('jvmHook').map((m) => fromMatch(m, 'JVM shutdown hook')));
    graceful.push(...matches('springGraceful').map((m) => fromMatch(m, 'Spring Boot graceful shutdown')));
    if (matches('springImmediate').length === 0) {
      for (const m of matches('springBootVersion')) {
        const [major, minor] = m.groups.filter((g) => g !== undefined).map(Number);
        if (major! > 3 || (major === 3 && minor! >= 4)) graceful.push(fromMatch(m, `Spring Boot ${major}.${minor} drains the embedded server on SIGTERM by default`));
      }
    }
    graceful.push(...matches('dotnetHost').map((m) => fromMatch(m, '.NET generic host drains on SIGTERM (ShutdownTimeout)')));
    const declared = new Set(repo.dependencies().filter((d) => !d.dev).map((d) => `${d.ecosystem}:${d.name}`));
    for (const server of DRAINING_SERVERS.filter((s) => declared.has(`${s.ecosystem}:${s.package}`))) {
      const runs = matches('serverCommand').filter((m) => m.groups[0] === server.command && !/^\s*#/.test(m.excerpt));
      const config = server.config ? repo.file(server.config) : undefined;
      graceful.push(...runs.slice(0, 2).map((m) => fromMatch(m, server.note)));
      if (runs.length === 0 && config && config.role !== 'vendored') graceful.push({ path: config.path, note: server.note });
    }

    if (graceful.length > 0) return yes(`Shutdown is graceful: ${graceful.length} place(s) drain work on SIGTERM.`, graceful.slice(0, 10));
    if (exitOnly.length > 0) return no('SIGTERM/SIGINT is handled but the handler does not close servers, queues or pools.', exitOnly.slice(0, 10));
    return no('No SIGTERM/SIGINT handling or graceful-shutdown library found in production code.');
  },
});
