// User errors: a stable code, the data, and a message that says what happened and how to fix it.
export const USER_ERROR_CODES = [
  'path-not-found',
  'not-a-directory',
  'config-invalid',
  'config-unreadable',
  'rubric-invalid',
  'unknown-pillar',
  'output-unwritable',
  'usage',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export class UserError extends Error {
  readonly code: UserErrorCode;
  constructor(code: UserErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export const MESSAGES = {
  pathNotFound: (path: string) => `path not found: ${path} (give the folder of a repository to assess)`,
  notADirectory: (path: string) => `not a directory: ${path} (give the folder of a repository, not a file)`,
  configInvalid: (file: string, issues: readonly string[]) =>
    `invalid config ${file}: ${issues.join('; ')} (see docs/schemas/config.schema.json)`,
  configUnreadable: (file: string, why: string) => `cannot read config ${file}: ${why}`,
  outputUnwritable: (file: string, why: string) => `cannot write ${file}: ${why} (choose a writable --output path)`,
  unknownPillar: (id: string, known: readonly string[]) => `unknown pillar "${id}" (one of: ${known.join(', ')})`,
} as const;
