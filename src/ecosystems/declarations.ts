// Which manifest declaration provides a library, per ecosystem, and which imports need none
// (standard library, shared framework). Used by usedLibraries where the ecosystem has a manifest.
import type { Ecosystem } from '../core/types.ts';

export interface DeclarationRule {
  /** An import specifier that needs no declaration: the standard library or a shared framework. */
  builtin(specifier: string): boolean;
  /**
   * Whether a declared dependency name provides a library entry, given the import specifiers
   * that were found for it.
   */
  declares(dependency: string, library: string, specifiers: readonly string[]): boolean;
}

function under(name: string, prefix: string, sep: string): boolean {
  return name === prefix || name.startsWith(`${prefix}${sep}`);
}

/**
 * Namespaces shared by unrelated projects: `io.github.x` and `io.github.y` are strangers, and so
 * are `org.apache.kafka` and `org.apache.commons`.
 */
const SHARED_NAMESPACES = new Set(['github', 'gitlab', 'bitbucket', 'sourceforge', 'googlecode', 'apache', 'eclipse', 'google', 'microsoft', 'amazon', 'azure']);

/**
 * Starters and BOMs bring an organisation's other modules transitively (`org.springframework.boot`
 * brings `org.springframework.web`): a declared group of the same organisation declares the
 * library. The organisation is the first two segments, or three under a hosting namespace.
 */
function sameOrganisation(group: string, library: string): boolean {
  const a = group.split('.');
  const b = library.split('.');
  const depth = SHARED_NAMESPACES.has(a[1] ?? '') ? 3 : 2;
  if (a.length < depth || b.length < depth) return false;
  return a.slice(0, depth).join('.') === b.slice(0, depth).join('.');
}

// Ruby standard library and default gems commonly required without a Gemfile entry.
const RUBY_STDLIB = new Set([
  'json', 'logger', 'net/http', 'net/https', 'uri', 'securerandom', 'set', 'time', 'date', 'fileutils', 'open3',
  'yaml', 'psych', 'csv', 'digest', 'openssl', 'socket', 'benchmark', 'erb', 'optparse', 'English', 'pp',
  'tempfile', 'timeout', 'singleton', 'forwardable', 'ostruct', 'base64', 'zlib', 'stringio', 'pathname',
  'monitor', 'thread', 'etc', 'io/console', 'objspace', 'coverage', 'ripper', 'shellwords', 'find', 'open-uri',
]);

/** Gems the `rails` meta-gem depends on. */
const RAILS_FRAMEWORKS = new Set([
  'activerecord', 'activejob', 'actionpack', 'actionview', 'actionmailer', 'actioncable', 'activestorage',
  'activesupport', 'railties', 'actiontext', 'actionmailbox', 'activemodel',
]);

const RULES: Partial<Record<Ecosystem, DeclarationRule>> = {
  // go.mod requires module paths: `github.com/a/b` declares `github.com/a/b/c`; the import
  // `github.com/sony/gobreaker/v2` is declared by the module `github.com/sony/gobreaker/v2`.
  // Standard-library paths have no dot in their first element (`net/http`, `log/slog`).
  go: {
    builtin: (s) => !s.split('/')[0]!.includes('.'),
    declares: (dep, library, specifiers) => under(library, dep, '/') || specifiers.some((s) => under(s, dep, '/')),
  },
  // Entries are package prefixes; a dependency `group:artifact` declares them when its group id
  // and the entry are the same package tree (`io.github.resilience4j` for
  // `io.github.resilience4j.circuitbreaker`, or the other way round).
  jvm: {
    builtin: (s) => /^(?:java|javax|jakarta|kotlin)(?:\.|$)/.test(s),
    declares: (dep, library) => {
      const group = dep.split(':')[0]!;
      return under(library, group, '.') || under(group, library, '.') || sameOrganisation(group, library);
    },
  },
  // PackageReference `Polly` or `Polly.Extensions.Http` declares `Polly`. A package of the same
  // organisation brings the others transitively (`OpenTelemetry.Extensions.Hosting` brings the
  // `OpenTelemetry.Trace` namespace), except under shared roots (Microsoft, Azure, AWSSDK); an
  // Aspire client (`Aspire.RabbitMQ.Client`) wraps the library it names. `System.*` and ASP.NET
  // Core come with the SDK.
  dotnet: {
    builtin: (s) => under(s, 'System', '.') || under(s, 'Microsoft.AspNetCore', '.'),
    declares: (dep, library) => {
      const unwrapped = dep.replace(/^Aspire\./, '');
      const org = unwrapped.split('.')[0]!;
      const shared = SHARED_NAMESPACES.has(org.toLowerCase()) || org === 'System' || org === 'AWSSDK';
      return under(unwrapped, library, '.') || under(library, unwrapped, '.') || (!shared && under(library, org, '.'));
    },
  },
  // Gems: `require 'sidekiq/web'` belongs to the gem `sidekiq`; the `rails` gem brings its
  // frameworks (ActiveRecord, ActiveJob, ...), which code names by constant.
  ruby: {
    builtin: (s) => RUBY_STDLIB.has(s),
    declares: (dep, library, specifiers) =>
      dep === library || specifiers.some((s) => s.split('/')[0] === dep) || (dep === 'rails' && RAILS_FRAMEWORKS.has(library)),
  },
  // Composer packages: `laravel/framework` declares the entries that name it. Classes without a
  // namespace (`PDO`, `DateTime`, `Redis` from the extension) come with PHP itself.
  php: {
    builtin: (s) => !s.includes('\\'),
    declares: (dep, library) => dep.toLowerCase() === library.toLowerCase(),
  },
};

export function declarationRule(ecosystem: Ecosystem): DeclarationRule | undefined {
  return RULES[ecosystem];
}
