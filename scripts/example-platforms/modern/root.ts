// Repository-level configuration of the modern platform.

export const TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2023",
    "lib": ["ES2023"],
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "noImplicitOverride": true,
    "exactOptionalPropertyTypes": false,
    "verbatimModuleSyntax": true,
    "skipLibCheck": true,
    "outDir": "dist",
    "rootDir": ".",
    "types": ["node"]
  },
  "include": ["src", "test", "vitest.config.ts"]
}
`;

export const TSCONFIG_BUILD = `{
  "extends": "./tsconfig.json",
  "compilerOptions": {
    "rootDir": "src",
    "outDir": "dist",
    "sourceMap": true
  },
  "include": ["src"]
}
`;

export const ESLINT_CONFIG = `// @ts-check
import js from '@eslint/js';
@@module-boundaries@@import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'test/load/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
@@{module-boundaries
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'module', pattern: 'src/modules/*', mode: 'folder', capture: ['name'] },
        { type: 'platform', pattern: 'src/platform', mode: 'folder' },
        { type: 'entry', pattern: 'src/*.ts', mode: 'file' },
      ],
    },
@@}
    rules: {
      'no-console': 'error',
@@tw:complexity-rule@@      complexity: ['error', 12],
@@{module-boundaries
      // Module boundaries (docs/adr/0001-modular-monolith.md): modules use the platform and other
      // modules' public index.ts only; the platform knows no module.
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          rules: [
            { from: 'entry', allow: ['module', 'platform'] },
            { from: 'module', allow: ['module', 'platform'] },
            { from: 'platform', allow: ['platform'] },
          ],
        },
      ],
      'boundaries/entry-point': [
        'error',
        {
          default: 'disallow',
          rules: [
            { target: 'module', allow: 'index.ts' },
            { target: ['platform', 'entry'], allow: '**' },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/internal/*', '../*/repository.js', '../*/service.js', '../*/http.js', '**/modules/*/internal/*'],
              message: 'Import another module through its index.ts (see ARCHITECTURE.md).',
            },
          ],
        },
      ],
@@}
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
@@module-boundaries@@      'boundaries/element-types': 'off',
@@module-boundaries@@      'boundaries/entry-point': 'off',
@@module-boundaries@@      'no-restricted-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
`;

export const COMMITLINT = `export default {
  extends: ['@commitlint/config-conventional'],
  rules: {
    'scope-enum': [2, 'always', ['identity', 'billing', 'catalog', 'platform', 'api', 'db', 'infra', 'deploy', 'ci', 'deps', 'deps-dev', 'docs', 'release', 'test']],
@@tw:commitlint-subject@@    'subject-case': [2, 'never', ['upper-case', 'pascal-case']],
  },
};
`;

export const HUSKY_COMMIT_MSG = `npx --no -- commitlint --edit "$1"
`;

export const SPECTRAL = `extends: ["spectral:oas"]
rules:
  operation-operationId: error
  operation-tags: error
  operation-description: off
  oas3-api-servers: error
  versioned-paths:
    description: Every path starts with its major version (docs/api/deprecation-policy.md).
    given: $.paths[*]~
    severity: error
    then:
      function: pattern
      functionOptions:
        match: "^/v[0-9]+/"
  kebab-case-paths:
    description: Path segments are kebab-case.
    given: $.paths[*]~
    severity: error
    then:
      function: pattern
      functionOptions:
        match: "^(/[a-z0-9-]+|/\\\\{[a-zA-Z]+\\\\})+$"
  error-responses-are-problems:
    description: Error responses use application/problem+json.
    given: $.components.responses[*].content
    severity: warn
    then:
      field: application/problem+json
      function: truthy
`;

export const DOCKERFILE = `# syntax=docker/dockerfile:1.7
FROM node:22.20-alpine AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY prisma ./prisma
RUN npx prisma generate
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:22.20-alpine
ENV NODE_ENV=production
WORKDIR /app
RUN apk add --no-cache tini
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --chown=node:node package.json ./
USER node
EXPOSE 8080 9464
# tini forwards SIGTERM to node, so the graceful shutdown in server.ts runs.
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "dist/server.js"]
`;

export const DOCKERIGNORE = `node_modules
dist
coverage
.git
.github
infra
deploy
docs
test
*.md
.env*
`;

export const COMPOSE = `# Local development only.
services:
  postgres:
    image: postgres:17
    environment:
      POSTGRES_USER: meridian
      POSTGRES_DB: meridian
      POSTGRES_HOST_AUTH_METHOD: trust
    ports: ["5432:5432"]
    volumes: ["pgdata:/var/lib/postgresql/data"]
  redis:
    image: valkey/valkey:8
    ports: ["6379:6379"]
  mailpit:
    image: axllent/mailpit:v1.27
    ports: ["1025:1025", "8025:8025"]

volumes:
  pgdata:
`;

export const ENV_EXAMPLE = `# Local development (docker compose up -d). Production reads AWS Secrets Manager instead.
DATABASE_URL=postgresql://meridian@localhost:5432/meridian
REDIS_URL=redis://localhost:6379
CORS_ALLOWED_ORIGINS=http://localhost:5173
SMTP_HOST=localhost
SMTP_PORT=1025
# Fill in locally, never commit .env:
SESSION_SECRET=
JWT_PRIVATE_KEY=
JWT_PUBLIC_KEY=
JWT_KEY_ID=dev
PSP_API_KEY=
PSP_WEBHOOK_SIGNING_KEY=
`;

export const GITIGNORE = `node_modules/
dist/
coverage/
.env
.dev-key.pem
*.tfplan
.terraform/
`;

export const EDITORCONFIG = `root = true

[*]
charset = utf-8
end_of_line = lf
indent_style = space
indent_size = 2
insert_final_newline = true
trim_trailing_whitespace = true
`;

export const NVMRC = `22.20\n`;

export const MIGRATE_TS = `// Entry of the Helm pre-upgrade job: read the database URL from Secrets Manager and apply
// pending migrations. Fails the release if a migration fails.
import { execFileSync } from 'node:child_process';
import { loadConfig } from './config.js';
import { logger } from './platform/logger.js';

const config = await loadConfig();
logger.info('applying migrations');
execFileSync('npx', ['prisma', 'migrate', 'deploy'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: config.databaseUrl } });
logger.info('migrations applied');
`;

/** CHANGELOG.md from the release records: `release|<version>|<date>|<title>\\t<title>...`. */
export function changelog(log: readonly string[]): string {
  const releases = log
    .filter((l) => l.startsWith('release|'))
    .map((l) => {
      const [, version, date, titles = ''] = l.split('|');
      return { version: version!, date: date!, titles: titles ? titles.split('\t') : [] };
    })
    .reverse();
  const section = (titles: string[], re: RegExp): string[] => titles.filter((t) => re.test(t)).map((t) => `- ${t.replace(/^(\w+)(\([^)]*\))?!?: /, (_m, _t, scope: string | undefined) => (scope ? `**${scope.slice(1, -1)}**: ` : ''))}`);
  let out = '# Changelog\n\nWeekly summary of what reached production. Every merge to main deploys; these tags mark what\nwe told customers. Generated from pull-request titles by the release captain.\n';
  for (const r of releases) {
    out += `\n## ${r.version} (${r.date})\n`;
    const groups: [string, RegExp][] = [
      ['Features', /^feat/],
      ['Fixes', /^fix/],
      ['Performance', /^perf/],
      ['Security', /^sec|\(security\)/],
      ['Dependencies', /^chore\(deps/],
      ['Documentation', /^docs/],
      ['Other', /^(refactor|chore(?!\(deps)|test|ci|build)/],
    ];
    const seen = new Set<string>();
    for (const [name, re] of groups) {
      const items = r.titles.filter((t) => !seen.has(t) && re.test(t));
      for (const t of items) seen.add(t);
      if (items.length > 0) out += `\n### ${name}\n\n${section(items, /./).join('\n')}\n`;
    }
  }
  return out;
}
