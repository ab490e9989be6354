// The modern platform's tree as a function of its state: which feature brings each file, and
// the gated templates that describe every version of it.
import type { FileContent, Tree } from '../git.ts';
import { gate, gateIds } from '../gate.ts';
import type { State } from '../timeline.ts';
import { renderOpenApiYaml, renderRegistrations, renderRoutes, renderSchemas, type ModuleName } from './api.ts';
import { GITHUB } from './ci.ts';
import { CHART, SLO_YAML } from './deploy.ts';
import { packageJson } from './deps.ts';
import {
  ADRS,
  ARCHITECTURE,
  CONTRIBUTING,
  DEPRECATION_POLICY,
  POSTMORTEM_TEMPLATE,
  POSTMORTEMS,
  README,
  RELEASE_PROCESS,
  RESTORE_DRILL_SH,
  RUNBOOKS,
  SECURITY_MD,
  THREAT_MODEL,
} from './docs.ts';
import { backendHcl, TF, tfvars, TFLINT } from './infra.ts';
import { MIGRATION_LOCK, MIGRATIONS, SCHEMA_PRISMA } from './prisma.ts';
import {
  changelog,
  COMMITLINT,
  COMPOSE,
  DOCKERFILE,
  DOCKERIGNORE,
  EDITORCONFIG,
  ENV_EXAMPLE,
  ESLINT_CONFIG,
  GITIGNORE,
  HUSKY_COMMIT_MSG,
  MIGRATE_TS,
  NVMRC,
  SPECTRAL,
  TSCONFIG,
  TSCONFIG_BUILD,
} from './root.ts';
import { BILLING_INDEX, BILLING_PSP, BILLING_REPOSITORY, BILLING_SERVICE, BILLING_TOTALS, BILLING_WEBHOOK_SIGNATURE, BILLING_WORKERS } from './src-billing.ts';
import { CATALOG_IMPORT_JOB, CATALOG_INDEX, CATALOG_REPOSITORY, CATALOG_SEARCH, CATALOG_SERVICE } from './src-catalog.ts';
import { IDENTITY_AUDIT, IDENTITY_INDEX, IDENTITY_PASSWORD, IDENTITY_REPOSITORY, IDENTITY_SERVICE, IDENTITY_TOKENS } from './src-identity.ts';
import * as P from './src-platform.ts';
import * as T from './tests.ts';

type Content = string | ((s: State) => string);

/** [path, feature that brings it (null: from the first commit), template or renderer, executable] */
type Entry = [string, string | null, Content, boolean?];

const moduleFiles = (m: ModuleName, files: Record<string, [string | null, string]>): Entry[] => [
  [`src/modules/${m}/http.ts`, m, (s) => renderRoutes(m, s)],
  [`src/modules/${m}/schemas.ts`, m, (s) => renderSchemas(m, s)],
  [`src/modules/${m}/openapi.ts`, 'openapi', (s) => renderRegistrations(m, s)],
  ...Object.entries(files).map(([path, [feature, text]]): Entry => [`src/modules/${m}/${path}`, feature ?? m, text]),
];

/** Migration directory names: `<timestamp>_<name>`, the timestamp set by the plan (counter `migts:<feature>`). */
export function migrationDir(feature: string, name: string, s: State): string {
  const ts = s.counters.get(`migts:${feature}`);
  if (ts === undefined) throw new Error(`migration ${name} has no timestamp`);
  return `${ts}_${name}`;
}

const ENTRIES: Entry[] = [
  // repository root
  ['package.json', null, packageJson],
  ['tsconfig.json', null, TSCONFIG],
  ['tsconfig.build.json', null, TSCONFIG_BUILD],
  ['eslint.config.js', null, ESLINT_CONFIG],
  ['vitest.config.ts', null, T.VITEST_CONFIG],
  ['.gitignore', null, GITIGNORE],
  ['.nvmrc', null, NVMRC],
  ['.editorconfig', null, EDITORCONFIG],
  ['README.md', null, README],
  ['.env.example', 'docker', ENV_EXAMPLE],
  ['Dockerfile', 'docker', DOCKERFILE],
  ['.dockerignore', 'docker', DOCKERIGNORE],
  ['docker-compose.yml', 'docker', COMPOSE],
  ['commitlint.config.js', 'commit-conventions', COMMITLINT],
  ['.husky/commit-msg', 'commit-conventions', HUSKY_COMMIT_MSG, true],
  ['.spectral.yaml', 'api-lint', SPECTRAL],
  ['openapi.yaml', 'openapi', renderOpenApiYaml],
  ['ARCHITECTURE.md', 'architecture-doc', ARCHITECTURE],
  ['SECURITY.md', 'security-policy', SECURITY_MD],
  ['CONTRIBUTING.md', 'contributing', CONTRIBUTING],
  ['prisma/schema.prisma', 'db', SCHEMA_PRISMA],
  ['prisma/migrations/migration_lock.toml', 'db', MIGRATION_LOCK],
  // application
  ['src/config.ts', null, P.CONFIG_TS],
  ['src/app.ts', null, P.APP_TS],
  ['src/server.ts', null, P.SERVER_TS],
  ['src/worker.ts', 'queues', P.WORKER_TS],
  ['src/migrate.ts', 'helm', MIGRATE_TS],
  ['src/openapi/generate.ts', 'openapi', P.OPENAPI_GENERATE_TS],
  ['src/platform/logger.ts', null, P.LOGGER_TS],
  ['src/platform/errors.ts', null, P.ERRORS_TS],
  ['src/platform/request-context.ts', 'correlation-ids', P.REQUEST_CONTEXT_TS],
  ['src/platform/metrics.ts', 'metrics', P.METRICS_TS],
  ['src/platform/tracing.ts', 'tracing', P.TRACING_TS],
  ['src/platform/db.ts', 'db', P.DB_TS],
  ['src/platform/pagination.ts', 'db', P.PAGINATION_TS],
  ['src/platform/redis.ts', 'redis', P.REDIS_TS],
  ['src/platform/queues.ts', 'queues', P.QUEUES_TS],
  ['src/platform/worker-runtime.ts', 'queues', P.WORKER_RUNTIME_TS],
  ['src/platform/email.ts', 'queues', P.EMAIL_TS],
  ['src/platform/storage.ts', 'object-storage', P.STORAGE_TS],
  ['src/platform/validate.ts', 'identity', P.VALIDATE_TS],
  ['src/platform/auth.ts', 'identity', P.AUTH_TS],
  ['src/platform/schemas.ts', 'identity', P.SHARED_SCHEMAS_TS],
  ['src/platform/idempotency.ts', 'idempotency', P.IDEMPOTENCY_TS],
  ['src/platform/deprecation.ts', 'api-deprecation', P.DEPRECATION_TS],
  ['src/platform/rate-limit.ts', 'rate-limit', P.RATE_LIMIT_TS],
  ['src/platform/session.ts', 'sessions', P.SESSION_TS],
  ['src/platform/health.ts', 'health', P.HEALTH_TS],
  ['src/platform/timeout.ts', 'health', P.TIMEOUT_TS],
  ['src/platform/openapi.ts', 'openapi', P.OPENAPI_TS],
  ['src/platform/secrets.ts', 'secrets-manager', P.SECRETS_TS],
  ...moduleFiles('identity', {
    'index.ts': [null, IDENTITY_INDEX],
    'service.ts': [null, IDENTITY_SERVICE],
    'repository.ts': [null, IDENTITY_REPOSITORY],
    'internal/password.ts': [null, IDENTITY_PASSWORD],
    'internal/tokens.ts': [null, IDENTITY_TOKENS],
    'internal/audit.ts': [null, IDENTITY_AUDIT],
  }),
  ...moduleFiles('billing', {
    'index.ts': [null, BILLING_INDEX],
    'service.ts': [null, BILLING_SERVICE],
    'repository.ts': [null, BILLING_REPOSITORY],
    'internal/psp-client.ts': [null, BILLING_PSP],
    'internal/webhook-signature.ts': [null, BILLING_WEBHOOK_SIGNATURE],
    'internal/totals.ts': [null, BILLING_TOTALS],
    'internal/workers.ts': ['billing-jobs', BILLING_WORKERS],
  }),
  ...moduleFiles('catalog', {
    'index.ts': [null, CATALOG_INDEX],
    'service.ts': [null, CATALOG_SERVICE],
    'repository.ts': [null, CATALOG_REPOSITORY],
    'internal/search.ts': ['ep:catalog.searchCatalog', CATALOG_SEARCH],
    'internal/import-job.ts': ['catalog-imports', CATALOG_IMPORT_JOB],
  }),
  // tests
  ['test/setup-env.ts', null, T.SETUP_ENV],
  ['test/unit/identity/password.test.ts', 'identity', T.UNIT_PASSWORD],
  ['test/unit/identity/tokens.test.ts', 'identity', T.UNIT_TOKENS],
  ['test/unit/billing/totals.test.ts', 'billing', T.UNIT_TOTALS],
  ['test/unit/billing/webhook-signature.test.ts', 'billing', T.UNIT_WEBHOOK],
  ['test/unit/billing/psp-client.test.ts', 'billing', T.UNIT_PSP],
  ['test/unit/catalog/search.test.ts', 'ep:catalog.searchCatalog', T.UNIT_SEARCH],
  ['test/unit/catalog/csv.test.ts', 'catalog-imports', T.UNIT_CSV],
  ['test/unit/platform/pagination.test.ts', 'db', T.UNIT_PAGINATION],
  ['test/unit/platform/deprecation.test.ts', 'api-deprecation', T.UNIT_DEPRECATION],
  ['test/integration/helpers.ts', 'integration-tests', T.TEST_APP],
  ['test/integration/health.test.ts', 'integration-tests', T.INTEGRATION_HEALTH],
  ['test/integration/identity.test.ts', 'integration-tests', T.INTEGRATION_IDENTITY],
  ['test/integration/billing.test.ts', 'integration-tests', T.INTEGRATION_BILLING],
  ['test/integration/catalog.test.ts', 'integration-tests', T.INTEGRATION_CATALOG],
  ['test/load/catalog-browse.js', 'load-tests', T.K6_CATALOG],
  ['test/load/auth.js', 'load-tests', T.K6_AUTH],
  // infrastructure and deployment
  ...Object.entries(TF).map(([name, [feature, text]]): Entry => [`infra/terraform/${name}`, feature, text]),
  ['infra/terraform/envs/staging.tfvars', 'iac', tfvars('staging')],
  ['infra/terraform/envs/prod.tfvars', 'iac', tfvars('prod')],
  ['infra/terraform/envs/staging.backend.hcl', 'iac', backendHcl('staging')],
  ['infra/terraform/envs/prod.backend.hcl', 'iac', backendHcl('prod')],
  ['infra/terraform/.tflint.hcl', 'iac-ci', TFLINT],
  ...Object.entries(CHART).map(([path, [feature, text]]): Entry => [path, feature, text]),
  ['deploy/slo/meridian-api.yaml', 'slos', SLO_YAML],
  ...Object.entries(GITHUB).map(([path, [feature, text]]): Entry => [path, feature, text]),
  ['scripts/restore-drill.sh', 'restore-drill', RESTORE_DRILL_SH, true],
  // documentation
  ...ADRS.map(([feature, path, text]): Entry => [path, feature, text]),
  ['docs/api/deprecation-policy.md', 'api-deprecation', DEPRECATION_POLICY],
  ['docs/security/threat-model.md', 'threat-model', THREAT_MODEL],
  ['docs/release-process.md', 'release-process', RELEASE_PROCESS],
  ...RUNBOOKS.map(([feature, name, text]): Entry => [`docs/runbooks/${name}`, feature === 'runbooks' ? `rb:${name.replace(/\.md$/, '')}` : feature, text]),
  ['docs/postmortems/TEMPLATE.md', 'postmortem-1', POSTMORTEM_TEMPLATE],
  ...POSTMORTEMS.map(([feature, path, text]): Entry => [path, feature, text]),
];

/** Each version of a file is rendered once: keyed by the features its template looks at. */
const memo = new Map<string, string>();
const idsOf = new Map<string, string[]>();
const API_FILE = /^(openapi\.yaml|src\/modules\/\w+\/(http|schemas|openapi)\.ts)$/;

function cacheKey(path: string, content: Content, s: State): string | undefined {
  if (typeof content === 'string') {
    let ids = idsOf.get(path);
    if (!ids) idsOf.set(path, (ids = [...gateIds(content)].sort()));
    return `${path}|${ids.filter((id) => s.features.has(id)).join(',')}|${s.counters.get('migts:mig:products-created-index') ?? ''}`;
  }
  if (API_FILE.test(path)) {
    const relevant = [...s.features].filter((f) => f.startsWith('ep:') || f === 'openapi' || f === 'api-deprecation').sort();
    return `${path}|${relevant.join(',')}`;
  }
  return undefined;
}

export function renderModern(s: State): Tree {
  const out = new Map<string, FileContent>();
  for (const [path, feature, content, executable] of ENTRIES) {
    if (feature !== null && !s.features.has(feature)) continue;
    const key = cacheKey(path, content, s);
    let text = key !== undefined ? memo.get(key) : undefined;
    if (text !== undefined) {
      out.set(path, executable ? { text, executable } : { text });
      continue;
    }
    text = typeof content === 'function' ? content(s) : gate(content, s);
    text = text.replace(/\{\{MIGRATION:([\w:-]+)\}\}/g, (_m, f: string) => {
      const m = MIGRATIONS.find(([feat]) => feat === f);
      if (!m) throw new Error(`unknown migration ${f}`);
      return migrationDir(f, m[1], s);
    });
    if (key !== undefined) memo.set(key, text);
    out.set(path, executable ? { text, executable } : { text });
  }
  for (const [feature, name, sql] of MIGRATIONS) {
    if (s.features.has(feature)) out.set(`prisma/migrations/${migrationDir(feature, name, s)}/migration.sql`, { text: sql });
  }
  if (s.log.some((l) => l.startsWith('release|'))) out.set('CHANGELOG.md', { text: changelog(s.log) });
  return out;
}

/** Every feature some file or gate mentions (the plan is checked against it). */
export function knownFeatures(): Set<string> {
  const ids = new Set<string>();
  for (const [, feature, content] of ENTRIES) {
    if (feature) ids.add(feature);
    if (typeof content === 'string') for (const id of gateIds(content)) ids.add(id.replace(/^!/, ''));
  }
  for (const [feature] of MIGRATIONS) ids.add(feature);
  return ids;
}
