import { defineDetector, no, yes, type PatternSpec } from '../../core/detector.ts';
import {
  SECRET_ASSIGNMENT,
  SECRET_ASSIGNMENT_LITERALS,
  SECRET_FORMATS,
  entropy,
  isPlaceholder,
  maskSecrets,
  maskValue,
} from '../../core/secrets.ts';
import type { EvidenceItem, FileRole, Match } from '../../core/types.ts';

/** Production source and configuration; never tests, fixtures, docs, vendored or generated files. */
const ROLES: readonly FileRole[] = ['source', 'config', 'iac', 'ci', 'other'];
const LOCKFILE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|poetry\.lock|Pipfile\.lock|uv\.lock|pdm\.lock|Gemfile\.lock|composer\.lock|go\.sum|Cargo\.lock|packages\.lock\.json|gradle\.lockfile|flake\.lock|[^/]+\.lock)$/;
/** Templates of configuration show the shape, not the values: `.env.example`, `config.sample.json`. */
const TEMPLATE = /(?:^|[./_-])(?:example|examples|sample|template|tmpl|tpl|dist|defaults?)(?:[./_-]|$)/i;
const NOT_SCANNED = /\.(?:map|svg|snap|lock)$/;
/** Environment files for tests and local development hold throwaway values, not production secrets. */
const NON_PRODUCTION_ENV = /(?:^|\/)\.env\.(?:test|testing|ci|e2e|dev|development|local)(?:\.[\w-]+)?$/i;
/** UI translations: "Client Secret": "Klienthemmelighed" names a field, it is not one. */
const TRANSLATIONS = /(?:^|\/)(?:locales?|i18n|l10n|translations?|lang)\//i;
/** The last word of a name that holds a secret (`dbPassword`, `API_KEY`, `authToken`). */
const SECRET_LAST_WORDS = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'key', 'apikey', 'token', 'credential',
  'credentials', 'auth', 'cert',
]);

/** The words of an identifier, lower case: `accessTokenStorage_KEY` -> access token storage key. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** `GooglePasswordManager`, `passwordHash`: the secret word is not what the name holds. */
function notHoldingSecret(name: string): boolean {
  return !SECRET_LAST_WORDS.has(nameWords(name).at(-1) ?? '');
}
/** Last words of names that hold a reference or a setting about a secret, not the secret itself. */
const NOT_SECRET_WORDS = new Set([
  'name', 'names', 'id', 'ids', 'type', 'field', 'label', 'header', 'url', 'uri', 'path', 'file', 'length', 'len', 'prefix',
  'suffix', 'regex', 'pattern', 'param', 'expiry', 'expires', 'expiration', 'ttl', 'lifetime', 'endpoint', 'version', 'mode',
  'placeholder', 'hint', 'message', 'msg', 'error', 'title', 'route', 'policy', 'strength', 'algorithm', 'alg', 'format',
  'env', 'var', 'ref', 'arn', 'region', 'host', 'port', 'enabled', 'required', 'min', 'max', 'count', 'input', 'in',
]);
/** `accessTokenStorageKey`, `TOKEN_COOKIE_NAME`: the key under which a secret is kept, not the secret. */
const NOT_SECRET_PAIRS = new Set(['storage key', 'cookie key', 'local key', 'query key', 'cache key', 'header key', 'param key']);

function notSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1] ?? '';
  return NOT_SECRET_WORDS.has(last) || NOT_SECRET_PAIRS.has(words.slice(-2).join(' '));
}
const ENV_SECRET_NAME = /PASSWORD|PASSWD|PWD|SECRET|API_?KEY|APIKEY|ACCESS_?KEY|AUTH_?TOKEN|TOKEN|PRIVATE_?KEY|CLIENT_?SECRET|CREDENTIALS?/i;
/** Local-development defaults of well-known images; committed, but not secrets anyone relies on. */
const LOCAL_DEFAULTS = new Set(['postgres', 'postgresql', 'root', 'admin', 'guest', 'mysql', 'redis', 'rabbitmq', 'minioadmin', 'localdev', 'development', 'password1', 'secret123']);

/** Placeholders the shared list misses (`changethis`, `replace-me`, `fake-key-123`). */
const MORE_PLACEHOLDERS = /^(?:change[-_]?(?:this|it|me)\w*|replace[-_]?(?:me|this)\w*|fill[-_]?me[-_]?in|insert[-_]\w+|fake[-_]?\w*|sample[-_]?\w*|dummy[-_]?\w*|not[-_]?(?:a[-_]?)?secret\w*|super[-_]?secret|secret[-_]?key|my[-_]?secret\w*)$/i;

function placeholder(value: string): boolean {
  return isPlaceholder(value) || MORE_PLACEHOLDERS.test(value) || LOCAL_DEFAULTS.has(value.toLowerCase());
}

function classes(v: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
}

/** A literal that looks like a real credential rather than a word, path, URL or reference. */
function looksSecret(value: string): boolean {
  if (placeholder(value)) return false;
  if (/EXAMPLE|^(.)\1+$/i.test(value)) return false;
  if (/^(?:\$|%|\{\{|env\.|process\.|os\.|https?:\/\/[^@]*$|\.{0,2}\/)/.test(value)) return false;
  // Words, identifiers and UI text (`accessTokenStorage`, `X-Auth-Token`, `Forgot-password?`): generated
  // secrets carry digits, or are long and mixed-case.
  if (!/\d/.test(value) && !(value.length >= 24 && /[a-z]/.test(value) && /[A-Z]/.test(value))) return false;
  return entropy(value) >= 3.0 || (value.length >= 12 && classes(value) >= 2);
}

function kindOf(id: string): string {
  return SECRET_FORMATS.find((f) => f.id === id)?.description ?? id;
}

/**
 * A PEM header alone is often code that parses keys (`startsWith('-----BEGIN PRIVATE KEY-----')`): require
 * key material (optional header fields, then a long base64 line, also as `\n` escapes in a string).
 */
const PRIVATE_KEY_WITH_BODY =
  /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----(?:\r?\n|\\n)(?:[\w-]+:[^\n]*(?:\r?\n|\\n))*(?:\r?\n|\\n)?[ \t]*[A-Za-z0-9+/=]{40,}/;

const formatPatterns: Record<string, PatternSpec> = Object.fromEntries(
  SECRET_FORMATS.map((f) => [
    `format:${f.id}`,
    // A token in a comment is still a leaked token: match raw text.
    {
      regex: f.id === 'private-key' ? PRIVATE_KEY_WITH_BODY : new RegExp(f.regex.source, f.regex.flags.replace('g', '')),
      literals: f.literals,
      roles: ROLES,
      code: false,
    },
  ]),
);

export default defineDetector({
  id: 'has-hardcoded-secrets',
  pillar: 'security',
  question: 'Does production source or configuration contain hard-coded secrets?',
  rationale:
    'Secrets in the repository leak to everyone with read access and to every clone, and cannot be rotated without a code change.',
  measures: {
    secrets: { unit: 'findings', description: 'Hard-coded secret values found in production source and configuration' },
  },
  patterns: {
    ...formatPatterns,
    assignment: {
      regex: new RegExp(SECRET_ASSIGNMENT.source, SECRET_ASSIGNMENT.flags.replace('g', '')),
      literals: SECRET_ASSIGNMENT_LITERALS,
      roles: ROLES,
    },
    jvmConfig: {
      // Spring and other JVM configuration with unquoted values: `spring.datasource.password=...`,
      // `client-secret: ...` in application.yml. Group 1 is the key, group 2 the value.
      regex: /^[ \t]*([\w.-]*(?:password|passwd|secret|api[-_]?key|apikey|access[-_]?key|token|credentials?))[ \t]*[=:][ \t]*([^\s#'"$<{][^\s#]*)[ \t]*$/im,
      literals: ['assword', 'ASSWORD', 'ecret', 'ECRET', 'ey', 'EY', 'oken', 'OKEN', 'wd', 'redential'],
      roles: ['config', 'other'],
      paths: ['**/*.properties', '**/application*.yml', '**/application*.yaml', '**/bootstrap*.yml', '**/bootstrap*.yaml'],
      code: false,
      maxPerFile: 100,
    },
    dotenv: {
      regex: /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"][^\s#]*))/m,
      literals: ['='],
      roles: ['other', 'config'],
      paths: ['**/.env', '**/.env.*', '**/*.env'],
      code: false,
      maxPerFile: 500,
    },
  },
  detect({ repo, matches }) {
    const findings = new Map<string, EvidenceItem>();
    const skip = (m: Match): boolean =>
      LOCKFILE.test(m.path) || NOT_SCANNED.test(m.path) || NON_PRODUCTION_ENV.test(m.path) || TRANSLATIONS.test(m.path);
    // Only configuration files are templates; a `defaults.ts` in source is real code.
    const isTemplate = (path: string): boolean =>
      repo.file(path)?.role !== 'source' && TEMPLATE.test(path.slice(path.lastIndexOf('/') + 1));
    /** The excerpt as the scanner masked it, masked again for the value we know, to be safe. */
    const safe = (m: Match, values: readonly string[]): string => {
      let e = maskSecrets(m.excerpt);
      for (const v of values) if (v.length >= 4) e = e.split(v).join(maskValue(v));
      // Key material the shared masking does not know (a PEM body inlined after its header).
      return e.replace(/[A-Za-z0-9+/=]{32,}/g, (run) => maskValue(run));
    };
    const record = (m: Match, excerpt: string, note: string): void => {
      const key = `${m.path}:${m.line}`;
      if (!findings.has(key)) findings.set(key, { path: m.path, line: m.line, excerpt, note });
    };

    for (const f of SECRET_FORMATS) {
      for (const m of matches(`format:${f.id}`)) {
        if (skip(m) || isTemplate(m.path)) continue;
        if (/EXAMPLE/i.test(m.text)) continue; // documented sample keys (AKIAIOSFODNN7EXAMPLE)
        if ((f.id === 'connection-string-password' || f.id === 'keyword-connection-password') && !looksSecret(m.groups[0] ?? '')) continue;
        record(m, f.id === 'private-key' ? safe(m, []) : safe(m, [m.text, m.groups[0] ?? '']), kindOf(f.id));
      }
    }
    for (const m of matches('assignment')) {
      const [name = '', value = ''] = m.groups;
      if (skip(m) || isTemplate(m.path) || notSecretName(name) || notHoldingSecret(name) || !looksSecret(value)) continue;
      // A template literal with interpolation builds the value at run time (`ol_whs_${random(32)}`).
      if (/\$\{/.test(m.text)) continue;
      // A UUID is an identifier (`OnePassword = "bada5566-..."` is a passkey provider's AAGUID).
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) continue;
      record(m, safe(m, [value]), `secret-named '${name}' assigned a literal`);
    }
    for (const m of matches('jvmConfig')) {
      const [name = '', value = ''] = m.groups;
      if (skip(m) || isTemplate(m.path) || notSecretName(name) || notHoldingSecret(name) || !looksSecret(value)) continue;
      record(m, `${m.text.slice(0, m.text.lastIndexOf(value)).trim()}${maskValue(value)}`, `secret-named '${name}' set in configuration`);
    }
    for (const m of matches('dotenv')) {
      const name = m.groups[0] ?? '';
      const value = m.groups[1] ?? m.groups[2] ?? m.groups[3] ?? '';
      if (skip(m) || isTemplate(m.path) || !ENV_SECRET_NAME.test(name) || notSecretName(name)) continue;
      if (value.length < 6 || placeholder(value)) continue;
      if (/^(?:\d+|true|false|yes|no|on|off)$/i.test(value) || /^(?:\$|%|\{\{)/.test(value)) continue;
      // .env values are unquoted, so the scanner's masking may not see them: build the excerpt.
      record(m, `${name}=${maskValue(value)}`, `committed env file sets '${name}'`);
    }

    const all = [...findings.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    const measures = { secrets: { value: all.length, unit: 'findings' } };
    if (all.length === 0) return no('No hard-coded secret was found in production source or configuration.', [], measures);
    const files = [...new Set(all.map((e) => e.path))];
    return yes(
      `${all.length} hard-coded secret(s) in ${files.length} file(s) (first: ${all[0]!.path}:${all[0]!.line}).`,
      all.slice(0, 10),
      measures,
    );
  },
});
