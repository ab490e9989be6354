// Secret formats and masking. Every excerpt that leaves the scanner passes through maskSecrets,
// so a secret found in source never appears in any output, whichever detector saw the line.

export interface SecretFormat {
  id: string;
  description: string;
  regex: RegExp;
  /** Substrings that must occur for the regex to be worth running. */
  literals: readonly string[];
}

/** Token formats with a recognisable shape. The value to mask is the whole match. */
export const SECRET_FORMATS: readonly SecretFormat[] = [
  {
    id: 'aws-access-key-id',
    description: 'AWS access key id',
    regex: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
    literals: ['AKIA', 'ASIA'],
  },
  {
    id: 'github-token',
    description: 'GitHub token',
    regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/g,
    literals: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  {
    id: 'slack-token',
    description: 'Slack token',
    regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
    literals: ['xox'],
  },
  {
    id: 'stripe-secret-key',
    description: 'Stripe secret key',
    regex: /\b[sr]k_live_[A-Za-z0-9]{16,}\b/g,
    literals: ['k_live_'],
  },
  {
    id: 'google-api-key',
    description: 'Google API key',
    regex: /\bAIza[0-9A-Za-z_-]{35}\b/g,
    literals: ['AIza'],
  },
  {
    id: 'private-key',
    description: 'PEM private key',
    regex: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----/g,
    literals: ['PRIVATE KEY'],
  },
  {
    id: 'connection-string-password',
    description: 'password in a connection URL',
    regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]+:([^\s@'"`/]{4,})@/g,
    literals: ['://'],
  },
  {
    // ADO.NET / JDBC keyword connection strings: `Server=db;Database=app;User Id=app;Password=...;`. Group 1 is the password.
    id: 'keyword-connection-password',
    description: 'password in a connection string',
    regex: /\b(?:Server|Data Source|Host|Address|Addr)\s*=[^;"'`\n]*;(?:[^;"'`\n]*;)*?\s*(?:Password|Pwd)\s*=\s*([^;"'`\s]{4,})/gi,
    literals: ['assword=', 'ASSWORD=', 'wd=', 'WD=', 'assword =', 'wd ='],
  },
];

/**
 * A secret-looking name assigned a quoted literal: `password = "hunter22"`, `apiKey: 'sk-...'`.
 * Group 1 is the name, group 2 the literal value.
 */
export const SECRET_ASSIGNMENT =
  /\b([A-Za-z0-9_]*(?:password|passwd|secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|private[_-]?key|client[_-]?secret|token)[A-Za-z0-9_]*)["']?\s*(?:=|:|=>|:=)\s*["'`]([^"'`\s]{6,})["'`]/gi;

export const SECRET_ASSIGNMENT_LITERALS = [
  'password',
  'PASSWORD',
  'Password',
  'passwd',
  'secret',
  'SECRET',
  'Secret',
  'key',
  'KEY',
  'Key',
  'token',
  'TOKEN',
  'Token',
] as const;

/**
 * The same names with an unquoted value (`.env` lines, YAML, properties): `JWT_SECRET=abc123`,
 * `password: hunter22`. Group 2 is the value.
 */
export const SECRET_ASSIGNMENT_UNQUOTED =
  /\b([A-Za-z0-9_]*(?:password|passwd|secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|private[_-]?key|client[_-]?secret|token)[A-Za-z0-9_]*)\s*(?:=|:)[ \t]*(?!["'`])([^\s"'`,;]{6,})/gi;

/** Values that are placeholders, not secrets. */
const PLACEHOLDER =
  /^(?:x+|\*+|\.+|-+|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\([^)]*\)s|changeme|change[-_]?me|changethis|change[-_]?this|replace[-_]?me|fake[-_a-z0-9]*|password|secret|example|test|dummy|redacted|placeholder|your[-_a-z]*|xxx.*|todo|null|none|undefined|process\.env.*|env\(.*)$/i;

export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value)) return true;
  // References to configuration rather than literals.
  if (/^(?:process\.env|os\.environ|ENV\[|System\.getenv|\$[A-Z_]+$)/.test(value)) return true;
  return false;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Keep the first four characters of a secret, so it can be recognised but not used. */
export function maskValue(value: string): string {
  const keep = value.length > 8 ? 4 : Math.min(2, value.length);
  return `${value.slice(0, keep)}${'*'.repeat(8)}`;
}

/** Mask every secret-looking value in a line of text. Idempotent. */
export function maskSecrets(text: string): string {
  let out = text;
  for (const f of SECRET_FORMATS) {
    if (!f.literals.some((l) => out.includes(l))) continue;
    out = out.replace(f.regex, (m, g1: unknown) => {
      if (f.id === 'private-key') return m;
      if (typeof g1 === 'string' && f.id === 'connection-string-password') {
        return m.replace(`:${g1}@`, `:${maskValue(g1)}@`);
      }
      if (typeof g1 === 'string' && f.id === 'keyword-connection-password') {
        return m.slice(0, m.length - g1.length) + maskValue(g1);
      }
      return maskValue(m);
    });
  }
  const maskIn = (m: string, _name: string, value: string): string =>
    isPlaceholder(value) || value.endsWith('********') ? m : m.replace(value, maskValue(value));
  out = out.replace(SECRET_ASSIGNMENT, maskIn);
  out = out.replace(SECRET_ASSIGNMENT_UNQUOTED, (m, name: string, value: string) =>
    // `password: process.env.X`, `token = getToken()` and the like are references, not values.
    /[().]/.test(value) || /^[A-Z_]+$/.test(value) ? m : maskIn(m, name, value),
  );
  // Key material written on the header's line (`"-----BEGIN ... KEY-----\nMIIE..."`).
  if (out.includes('PRIVATE KEY')) out = out.replace(/[A-Za-z0-9+/=]{32,}/g, (m) => maskValue(m));
  return out;
}
