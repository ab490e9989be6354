// The history of the modern platform: nine months of pull requests by four engineers and
// Dependabot, merged with merge commits, deployed on every merge, tagged every Monday.
import { addDays, isWeekend, Random } from '../random.ts';
import type { TimelineEvent, State } from '../timeline.ts';
import { ENDPOINTS } from './api.ts';
import { allBumps, DEPS } from './deps.ts';
import { HANDLES, ORG, PEOPLE, type Who } from './people.ts';

interface Pr {
  who: Who;
  title: string;
  features: string[];
  /** Merge on this day (YYYY-MM-DD); unanchored PRs are spread between anchors. */
  at?: string;
  /** Commits of the branch: [message, features]; default one commit with the title. */
  commits?: [string, string[]][];
}

const eps = (module: string, ...ops: string[]): string[] => ops.map((o) => `ep:${module}.${o}`);

/** Feature pull requests in merge order, anchored where a date matters (ADRs, incidents). */
const FEATURES: Pr[] = [
  { who: 'diego', title: 'ci: lint, type check and test every pull request', features: ['ci'], at: '2025-10-07' },
  { who: 'maya', title: 'docs(adr): record the modular monolith decision', features: ['adr-1'], at: '2025-10-09' },
  { who: 'diego', title: 'build: Dockerfile and docker compose for local development', features: ['docker'] },
  { who: 'maya', title: 'feat(db): Postgres through Prisma with the pg driver adapter', features: ['db'] },
  { who: 'maya', title: 'docs(adr): Postgres, Prisma and migrations for every schema change', features: ['adr-2'], at: '2025-10-16' },
  { who: 'maya', title: 'feat(platform): request ids in logs and responses', features: ['correlation-ids'] },
  { who: 'jonas', title: 'feat(platform): BullMQ queues, the worker process and transactional email', features: ['redis', 'queues'], commits: [['feat(platform): Redis connections', ['redis']], ['feat(platform): BullMQ queues and the worker process', ['queues']]] },
  { who: 'maya', title: 'feat(identity): identity module with password hashing and tokens', features: ['identity'] },
  { who: 'maya', title: 'feat(identity): login, token refresh and logout', features: eps('identity', 'login', 'refreshSession', 'logout'), at: '2025-10-22' },
  { who: 'maya', title: 'feat(security): helmet and a CORS allow-list', features: ['security-headers', 'cors-allowlist'] },
  { who: 'diego', title: 'feat(security): rate limit /v1/auth with counters in Redis', features: ['rate-limit'] },
  { who: 'maya', title: 'feat(identity): password reset and MFA', features: ['mig:password-reset', ...eps('identity', 'requestPasswordReset', 'confirmPasswordReset', 'verifyMfa')], at: '2025-10-29' },
  {
    who: 'amara',
    title: 'feat(catalog): products API',
    features: ['object-storage', 'catalog', 'mig:catalog', ...eps('catalog', 'listProducts', 'createProduct', 'getProduct')],
    at: '2025-11-04',
    commits: [
      ['feat(platform): S3 object storage client', ['object-storage']],
      ['feat(catalog): catalog module and its tables', ['catalog', 'mig:catalog']],
      ['feat(catalog): list, create and get products', eps('catalog', 'listProducts', 'createProduct', 'getProduct')],
    ],
  },
  { who: 'maya', title: 'chore(platform): enforce module boundaries with eslint-plugin-boundaries', features: ['module-boundaries'] },
  { who: 'maya', title: 'feat(platform): Prometheus metrics on an ops port', features: ['metrics'] },
  { who: 'jonas', title: 'docs(adr): BullMQ for background jobs', features: ['adr-3'], at: '2025-11-13' },
  { who: 'diego', title: 'feat(platform): OpenTelemetry tracing', features: ['tracing'] },
  { who: 'amara', title: 'feat(catalog): update and archive products', features: eps('catalog', 'updateProduct', 'archiveProduct') },
  { who: 'maya', title: 'feat(identity): current user, organizations and members', features: eps('identity', 'getMe', 'getOrganization', 'listMembers') },
  { who: 'jonas', title: 'feat(platform): Idempotency-Key support for side-effecting endpoints', features: ['idempotency', 'mig:idempotency'] },
  {
    who: 'jonas',
    title: 'feat(billing): billing module, PSP client, plans and subscriptions',
    features: ['billing', 'mig:billing', ...eps('billing', 'listPlans', 'getSubscription', 'changePlan', 'cancelSubscription')],
    at: '2025-11-20',
    commits: [
      ['feat(billing): module, tables and a PSP client with timeouts, retries and a circuit breaker', ['billing', 'mig:billing']],
      ['feat(billing): plans and subscriptions endpoints', eps('billing', 'listPlans', 'getSubscription', 'changePlan', 'cancelSubscription')],
    ],
  },
  { who: 'amara', title: 'feat(catalog): product variants', features: eps('catalog', 'listVariants', 'createVariant', 'deleteVariant') },
  { who: 'maya', title: 'feat(platform): read secrets from AWS Secrets Manager', features: ['secrets-manager'] },
  { who: 'diego', title: 'feat(infra): Terraform for the VPC, EKS and ECR', features: ['iac'], at: '2025-11-26' },
  { who: 'diego', title: 'feat(infra): RDS Postgres and ElastiCache, both Multi-AZ', features: ['iac-data'] },
  { who: 'maya', title: 'feat(identity): change member roles and remove members', features: eps('identity', 'updateMember', 'removeMember') },
  { who: 'jonas', title: 'feat(billing): invoices and payments', features: eps('billing', 'listInvoices', 'getInvoice', 'payInvoice'), at: '2025-12-03' },
  { who: 'diego', title: 'feat(deploy): Helm chart with a migration job', features: ['helm'] },
  { who: 'maya', title: 'feat(platform): graceful shutdown and a readiness probe', features: ['health', 'graceful-shutdown'] },
  { who: 'diego', title: 'ci: deploy to staging and production on every merge to main', features: ['deploy-pipeline'], at: '2025-12-09' },
  { who: 'diego', title: 'ci: CodeQL and Dependabot', features: ['sast', 'sca'], at: '2025-12-10' },
  { who: 'maya', title: 'docs: contributing guide, code owners and a pull-request template', features: ['contributing', 'codeowners', 'pr-template'] },
  { who: 'maya', title: 'build: commitlint in a commit-msg hook and on pull-request titles', features: ['commit-conventions'] },
  { who: 'jonas', title: 'feat(billing): PSP webhooks, processed once by the worker', features: ['billing-jobs', 'mig:psp-events', ...eps('billing', 'receivePspWebhook')], at: '2025-12-17' },
  { who: 'amara', title: 'feat(api): generate openapi.yaml from the zod schemas', features: ['openapi'], at: '2026-01-07' },
  { who: 'amara', title: 'docs(adr): URL versioning and a generated OpenAPI document', features: ['adr-4'], at: '2026-01-08' },
  { who: 'amara', title: 'ci: lint openapi.yaml with Spectral', features: ['api-lint'] },
  { who: 'maya', title: 'feat(identity): invitations', features: ['mig:invitations', ...eps('identity', 'listInvitations', 'createInvitation', 'revokeInvitation', 'acceptInvitation')] },
  { who: 'amara', title: 'feat(catalog): categories', features: eps('catalog', 'listCategories', 'createCategory', 'updateCategory') },
  { who: 'maya', title: 'feat(platform): dashboard sessions in Redis', features: ['sessions'] },
  { who: 'maya', title: 'test: API integration tests against Postgres and Redis', features: ['integration-tests'], at: '2026-01-15' },
  { who: 'maya', title: 'test: enforce coverage thresholds in CI', features: ['coverage'] },
  { who: 'amara', title: 'feat(catalog): price books', features: ['mig:price-books', ...eps('catalog', 'listPriceBooks', 'createPriceBook', 'setPrice', 'listProductPrices')], at: '2026-01-21' },
  { who: 'maya', title: 'docs: ARCHITECTURE.md', features: ['architecture-doc'] },
  { who: 'amara', title: 'feat(catalog): full-text product search', features: ['mig:product-search', ...eps('catalog', 'searchCatalog', 'legacyProductSearch')] },
  { who: 'diego', title: 'ci: Terraform fmt, validate, tflint, checkov and plan on pull requests', features: ['iac-ci'] },
  { who: 'diego', title: 'feat(infra): S3 bucket for assets and exports', features: ['iac-s3'] },
  { who: 'amara', title: 'feat(catalog): presigned product image uploads', features: eps('catalog', 'createImageUpload') },
  { who: 'diego', title: 'feat(infra): application secret and EKS pod identity', features: ['iac-secrets'] },
  { who: 'jonas', title: 'feat(billing): payment methods', features: eps('billing', 'listPaymentMethods', 'attachPaymentMethod', 'detachPaymentMethod') },
  { who: 'diego', title: 'feat(infra): CloudWatch alarms and the alert topic', features: ['iac-monitoring'] },
  { who: 'diego', title: 'feat(finops): monthly budget per environment', features: ['budgets'] },
  { who: 'maya', title: 'docs(runbooks): on-call rotation and expectations', features: ['rb:on-call'] },
  { who: 'diego', title: 'docs(runbooks): rollback and database', features: ['rb:rollback', 'rb:database'] },
  { who: 'maya', title: 'docs: release and change-management process', features: ['release-process'] },
  { who: 'jonas', title: 'feat(billing): invoice PDFs and CSV exports', features: ['mig:invoice-exports', ...eps('billing', 'getInvoicePdf', 'createInvoiceExport', 'getInvoiceExport')] },
  { who: 'amara', title: 'feat(catalog): CSV product imports', features: ['catalog-imports', 'mig:product-imports', ...eps('catalog', 'createImport', 'getImport')] },
  { who: 'diego', title: 'feat(deploy): worker deployment', features: ['helm-worker'] },
  { who: 'diego', title: 'feat(deploy): autoscale the API on CPU', features: ['autoscaling'] },
  { who: 'jonas', title: 'feat(platform): queue depth metrics and Bull Board on the ops port', features: ['queue-metrics', 'queue-dashboard'] },
  { who: 'diego', title: 'feat(observability): ServiceMonitor and alerts linked to runbooks', features: ['alerts', 'rb:high-error-rate', 'rb:high-latency', 'rb:psp-outage'], at: '2026-02-04' },
  { who: 'jonas', title: 'feat(db): read replica for listings, search and exports', features: ['read-replica'], at: '2026-02-06' },
  { who: 'jonas', title: 'docs(postmortem): PSP webhook backlog of 2026-02-11', features: ['postmortem-1'], at: '2026-02-16' },
  { who: 'jonas', title: 'feat(observability): queue backlog alert and runbook', features: ['rb:queue-backlog'], at: '2026-02-18' },
  { who: 'jonas', title: 'feat(platform): dead-letter queue for jobs that exhausted their retries', features: ['dead-letter'], at: '2026-02-25' },
  { who: 'diego', title: 'feat(deploy): scale workers on queue length with KEDA', features: ['keda'], at: '2026-03-04' },
  { who: 'jonas', title: 'feat(billing): credit notes and tax rates', features: ['mig:credit-notes', ...eps('billing', 'listCreditNotes', 'listTaxRates')] },
  { who: 'maya', title: 'docs(security): threat model', features: ['threat-model'], at: '2026-03-12' },
  // The last quarter: operations maturing, many small changes.
  { who: 'diego', title: 'feat(infra): AWS Backup with daily cross-region copies', features: ['backups'], at: '2026-03-31' },
  { who: 'diego', title: 'ci: weekly restore drill of the production snapshot', features: ['restore-drill'] },
  { who: 'diego', title: 'docs(runbooks): disaster recovery objectives and procedure', features: ['dr'] },
  { who: 'amara', title: 'test: k6 load tests for catalog browsing and authentication', features: ['load-tests'] },
  { who: 'amara', title: 'ci: load test staging with k6 before production', features: ['ci-load-tests'] },
  { who: 'amara', title: 'docs(postmortem): catalog listing latency of 2026-04-08', features: ['postmortem-2'], at: '2026-04-14' },
  { who: 'diego', title: 'perf(infra): log statements slower than 250 ms in RDS', features: ['tw:pg-slow-log'], at: '2026-04-16' },
  { who: 'diego', title: 'perf(db): log queries slower than 250 ms in the application', features: ['tw:slow-query-threshold'] },
  { who: 'diego', title: 'feat(finops): AWS cost anomaly detection', features: ['cost-anomaly'] },
  { who: 'diego', title: 'ci: Infracost comments on Terraform pull requests', features: ['infracost'] },
  { who: 'diego', title: 'docs(runbooks): weekly cost review', features: ['cost-review'] },
  { who: 'maya', title: 'feat(observability): SLOs as code and the error budget policy', features: ['slos'], at: '2026-04-23' },
  { who: 'amara', title: 'feat(api): deprecation headers and policy; deprecate /v1/catalog/product-search', features: ['api-deprecation'], at: '2026-04-28' },
  { who: 'amara', title: 'ci: block breaking changes to /v1 with oasdiff', features: ['api-breaking'] },
  { who: 'amara', title: 'perf(db): index products by organization, status and creation date', features: ['mig:products-created-index'], at: '2026-05-12' },
  { who: 'maya', title: 'docs(runbooks): rotating secrets', features: ['secret-rotation'] },
  { who: 'maya', title: 'docs: security policy', features: ['security-policy'], at: '2026-05-20' },
  { who: 'maya', title: 'feat(identity): audit events API for organization admins', features: eps('identity', 'listAuditEvents') },
  { who: 'jonas', title: 'feat(billing): void open invoices', features: eps('billing', 'voidInvoice'), at: '2026-06-03' },
  { who: 'maya', title: 'chore(platform): cap cyclomatic complexity at 12', features: ['tw:complexity-rule'] },
  { who: 'amara', title: 'docs(api): document the deprecation of /v1/catalog/product-search in the changelog', features: ['tw:depr-changelog'], at: '2026-06-24' },
];

/** Small follow-ups: [who, title, feature, prerequisite]. */
const TWEAKS: [Who, string, string, string][] = [
  ['maya', 'fix(identity): invitations expire after 7 days', 'tw:identity-invite-ttl', 'ep:identity.createInvitation'],
  ['maya', 'fix(identity): 10-minute access tokens', 'tw:identity-access-ttl', 'identity'],
  ['jonas', 'fix(billing): invoice PDF links expire after 5 minutes', 'tw:billing-pdf-ttl', 'ep:billing.getInvoicePdf'],
  ['jonas', 'perf(billing): give up on the PSP after 4 s instead of 8 s', 'tw:psp-timeout', 'billing'],
  ['jonas', 'fix(billing): retry transient PSP failures up to 4 times', 'tw:psp-retries', 'billing'],
  ['jonas', 'fix(billing): round tax per invoice line, half-even', 'tw:billing-tax-per-line', 'billing'],
  ['amara', 'feat(catalog): search with up to 8 words', 'tw:catalog-search-words', 'ep:catalog.searchCatalog'],
  ['maya', 'fix(platform): redact cookies in request logs', 'tw:logger-redact-cookie', 'identity'],
  ['jonas', 'fix(platform): 6 attempts before the dead-letter queue', 'tw:queue-attempts', 'dead-letter'],
  ['maya', 'fix(security): tighten the login rate limit to 10 per 15 minutes', 'tw:auth-limit', 'rate-limit'],
  ['maya', 'test: raise coverage thresholds to 80%', 'tw:coverage-80', 'coverage'],
  ['jonas', 'docs(runbooks): how to open Bull Board', 'tw:rb-bullboard', 'rb:queue-backlog'],
  ['maya', 'docs(runbooks): check the dead-letter queue at handover', 'tw:oncall-dlq', 'dead-letter'],
  ['maya', 'docs: review within one working day', 'tw:review-sla', 'contributing'],
  ['diego', 'docs(runbooks): read from the primary when the replica lags', 'tw:rb-latency-replica', 'read-replica'],
  ['maya', 'docs: merge window for high-risk changes', 'tw:release-merge-window', 'release-process'],
  ['diego', 'docs(security): pinning actions by SHA is planned for Q3', 'tw:tm-actions', 'threat-model'],
  ['amara', 'docs(api): contact callers one month before a sunset', 'tw:depr-followup', 'api-deprecation'],
  ['maya', 'docs(security): fix high and critical advisories within 7 days', 'tw:sec-sla', 'security-policy'],
  ['diego', 'docs(runbooks): the DR objectives are contractual', 'tw:dr-contract', 'dr'],
  ['maya', 'docs(runbooks): review the error budget weekly', 'tw:ebp-review', 'slos'],
  ['maya', 'docs: flag security-sensitive changes in the pull-request checklist', 'tw:pr-security-item', 'pr-template'],
  ['jonas', 'docs: idempotency in the pull-request checklist', 'tw:pr-idempotency-item', 'postmortem-1'],
  ['diego', 'ci: smoke test production after the deploy', 'tw:deploy-smoke', 'deploy-pipeline'],
  ['diego', 'ci: CodeQL security-extended queries', 'tw:codeql-extended', 'sast'],
  ['diego', 'ci: cancel superseded CI runs', 'tw:ci-concurrency', 'ci'],
  ['maya', 'fix(deploy): allow the admin front-end origin in production', 'tw:cors-admin', 'helm'],
  ['diego', 'perf(deploy): scale the API out at 65% CPU', 'tw:hpa-cpu', 'autoscaling'],
  ['diego', 'fix(deploy): 40 s termination grace period for the API', 'tw:api-grace', 'helm'],
  ['jonas', 'fix(platform): 1200 requests per minute per organization', 'tw:api-limit', 'rate-limit'],
  ['jonas', 'fix(platform): keep failed jobs for 14 days', 'tw:queue-keep-failed', 'queues'],
  ['diego', 'perf(platform): no spans for health checks', 'tw:tracing-ignore-health', 'tracing'],
  ['maya', 'fix(platform): keep-alive longer than the load balancer idle timeout', 'tw:keepalive', 'graceful-shutdown'],
  ['jonas', 'fix(billing): half-open the PSP circuit after 30 s', 'tw:psp-reset', 'billing'],
  ['amara', 'perf(catalog): import in batches of 500', 'tw:import-batch', 'catalog-imports'],
  ['maya', 'fix(identity): refresh tokens live 14 days', 'tw:refresh-ttl', 'identity'],
  ['jonas', 'fix(billing): cap PSP retry backoff at 3 s', 'tw:psp-max-backoff', 'billing'],
  ['jonas', 'fix(platform): first job retry after 2 s', 'tw:queue-backoff', 'queues'],
  ['jonas', 'perf(platform): 5 concurrent jobs per worker by default', 'tw:worker-concurrency', 'queues'],
  ['maya', 'feat(observability): finer latency buckets', 'tw:latency-buckets', 'metrics'],
  ['jonas', 'perf(db): 20 connections per pod, close idle ones', 'tw:db-pool', 'db'],
  ['diego', 'fix(deploy): keep two API pods during node drains', 'tw:pdb-min', 'helm'],
  ['diego', 'fix(infra): keep three days of Redis snapshots', 'tw:redis-snapshots', 'iac-data'],
  ['diego', 'feat(infra): Performance Insights and Postgres logs in CloudWatch', 'tw:rds-insights', 'iac-data'],
  ['diego', 'fix(infra): expire exports after 7 days', 'tw:s3-expire-exports', 'iac-s3'],
  ['diego', 'feat(infra): alarm on low database storage', 'tw:alarm-storage', 'iac-monitoring'],
  ['amara', 'test: tighten the search latency threshold of the load test', 'tw:k6-search', 'load-tests'],
  ['maya', 'build: reject capitalised commit subjects', 'tw:commitlint-subject', 'commit-conventions'],
];

const HUMANS: Exclude<Who, 'dependabot'>[] = ['maya', 'jonas', 'amara', 'diego'];

const pad = (n: number): string => String(n).padStart(2, '0');

function slug(title: string): string {
  return title
    .replace(/^(\w+)(\(([^)]*)\))?!?: /, (_m, type: string, _s, scope: string | undefined) => `${type}/${scope ? `${scope}-` : ''}`)
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)
    .replace(/-$/, '');
}

interface Dated extends Pr {
  day: string;
}

function weekdaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) if (!isWeekend(d)) days.push(d);
  return days;
}

/** Feature PRs on their anchor days, the others spread evenly over the weekdays between anchors. */
function dateFeatures(end: string): Dated[] {
  const anchors = FEATURES.map((p, i) => [i, p.at] as const).filter((x): x is readonly [number, string] => x[1] !== undefined);
  const bounds: (readonly [number, string])[] = [[-1, '2025-10-06'], ...anchors, [FEATURES.length, end]];
  const out: Dated[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [i0, d0] = bounds[k]!;
    const [i1, d1] = bounds[k + 1]!;
    if (i0 >= 0) out.push({ ...FEATURES[i0]!, day: d0 });
    const inner = FEATURES.slice(i0 + 1, i1);
    // At most two feature pull requests a day.
    const days = weekdaysBetween(d0, d1).flatMap((d) => [d, d]);
    if (inner.length > days.length) throw new Error(`${inner.length} pull requests do not fit between ${d0} and ${d1}`);
    inner.forEach((p, j) => out.push({ ...p, day: days[Math.floor(((j + 0.5) * days.length) / inner.length)]! }));
  }
  return out;
}

/** Every pull request with its merge day: features, tweaks and Dependabot bumps. */
function datedPrs(r: Random, end: string, lateStart: string): Dated[] {
  const features = dateFeatures(end);
  const dayOf = new Map<string, string>([['bootstrap', '2025-10-06']]);
  for (const p of features) for (const f of p.features) dayOf.set(f, p.day);
  const after = (feature: string): string => {
    const d = dayOf.get(feature);
    if (!d) throw new Error(`unknown prerequisite ${feature}`);
    return d;
  };
  const out: Dated[] = [...features];
  // Tweaks: the last quarter, when the platform settled and got polished.
  for (const [who, title, feature, requires] of TWEAKS) {
    const from = after(requires) < lateStart ? lateStart : after(requires);
    const day = r.pick(weekdaysBetween(from, end));
    dayOf.set(feature, day);
    out.push({ who, title, features: [feature], day });
  }
  // Dependabot opens its pull requests on Mondays; one is merged within the week, each bump of a
  // package after the previous one. More of them recently: more dependencies, more releases.
  const sca = after('sca');
  const bumps = allBumps();
  for (const b of bumps) {
    if (!dayOf.has(b.requires)) continue; // the previous version of this package came too late
    // Dependabot's first batch was merged after the holidays.
    const from = [sca, '2026-01-05', after(b.requires)].sort().at(-1)!;
    // The k-th of n remaining updates of a package lands in the k-th share of the time left.
    const versions = DEPS.find((d) => d.name === b.name)!.versions;
    const remaining = versions.length - 1 - versions.indexOf(b.from);
    const days = weekdaysBetween(from, end);
    if (days.length === 0) continue;
    const share = Math.max(1, Math.floor(days.length / remaining));
    const day = days[Math.min(days.length - 1, Math.floor(share * (0.25 + 0.75 * r.next())))]!;
    const feature = `dep:${b.name}@${b.to}`;
    dayOf.set(feature, day);
    const scope = b.dev ? 'deps-dev' : 'deps';
    out.push({ who: 'dependabot', title: `chore(${scope}): bump ${b.name} from ${b.from} to ${b.to}`, features: [feature], day });
  }
  // Stable: on one day, features first, in plan order.
  return out.map((p, i) => ({ p, i })).sort((a, b) => (a.p.day < b.p.day ? -1 : a.p.day > b.p.day ? 1 : a.i - b.i)).map((x) => x.p);
}

interface Scheduled extends Dated {
  number: number;
  /** Merge time, wall clock of the merger. */
  merge: string;
  merger: Exclude<Who, 'dependabot'>;
}

/** Merge times: the PRs of one day spread over the working day. */
function schedule(prs: Dated[], r: Random): Scheduled[] {
  const perDay = new Map<string, number>();
  for (const p of prs) perDay.set(p.day, (perDay.get(p.day) ?? 0) + 1);
  const seen = new Map<string, number>();
  return prs.map((p, i) => {
    const k = seen.get(p.day) ?? 0;
    seen.set(p.day, k + 1);
    const n = perDay.get(p.day)!;
    const minutes = 10 * 60 + Math.floor(((k + 0.5) * 7 * 60) / n) + r.int(-10, 10);
    const merger: Exclude<Who, 'dependabot'> = p.who === 'dependabot' ? r.pick(HUMANS) : p.who;
    return { ...p, number: i + 12, merger, merge: `${p.day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
  });
}



/** Wall time minus minutes (same day or earlier). */
function before(wall: string, minutes: number): string {
  const d = new Date(`${wall}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() - minutes);
  return `${d.toISOString().slice(0, 10)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** UTC timestamp yyyymmddhhmmss of a person's wall-clock time (Prisma's migration naming). */
function migrationStamp(wall: string, tz: string): number {
  const sign = tz.startsWith('-') ? -1 : 1;
  const offset = sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5)));
  const d = new Date(`${wall}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() - offset);
  const iso = d.toISOString();
  return Number(iso.slice(0, 19).replace(/[-:T]/g, ''));
}

export interface ModernPlan {
  events: TimelineEvent[];
  pullRequests: number;
  releases: number;
}

export function planModern(): ModernPlan {
  const r = new Random(20251006);
  const END = '2026-06-27';
  // Pull requests are numbered from 12: the first issues were opened before the first pull request.
  const prs = schedule(datedPrs(r, END, '2026-03-30'), r);
  const events: TimelineEvent[] = [];
  const apply =
    (features: readonly string[], author: Who, wall: string) =>
    (s: State): void => {
      for (const f of features) {
        s.features.add(f);
        if (f.startsWith('mig:') || f === 'db') s.counters.set(`migts:${f}`, migrationStamp(wall, PEOPLE[author].tz));
      }
    };

  // The first commit, straight to main.
  events.push({
    kind: 'commit',
    author: PEOPLE.maya,
    at: '2025-10-06T10:12',
    message: 'chore: bootstrap the TypeScript service\n\nExpress 5, zod, pino, vitest, ESLint with typescript-eslint strict.',
    change: (s) => {
      s.features.add('bootstrap');
    },
  });

  // Weekly releases on Mondays 09:30 CET, by a rotating release captain.
  const releases: { day: string; captain: Exclude<Who, 'dependabot'> }[] = [];
  for (let d = '2025-10-13', k = 0; d < END; d = addDays(d, 7), k++) releases.push({ day: d, captain: HUMANS[k % HUMANS.length]! });

  type Item = { key: string; emit: () => void };
  const items: Item[] = [];
  for (const p of prs) {
    const bump = /bump (\S+) from \S+ to (\S+)$/.exec(p.title);
    const branch = bump ? `dependabot/npm_and_yarn/${bump[1]!.replace(/^@/, "")}-${bump[2]}` : slug(p.title);
    const commits = p.commits ?? [[p.title, p.features]];
    const who = PEOPLE[p.who];
    items.push({
      key: p.merge,
      emit: () => {
        events.push({ kind: 'branch', ref: branch });
        const gap = p.who === 'dependabot' ? 0 : r.int(25, 180);
        commits.forEach(([message, features], i) => {
          const wall = p.who === 'dependabot' ? `${p.day}T07:${pad(r.int(0, 59))}` : before(p.merge, gap * (commits.length - i) + r.int(5, 20));
          const change = [apply(features, p.who, wall)];
          if (i === 0) change.push((s) => void s.log.push(`pr|${p.title} (#${p.number})`));
          const body = p.who === 'dependabot' ? `\n\nBumps ${message.replace(/^.*bump /, '')}.\n\nSigned-off-by: dependabot[bot] <support@github.com>` : '';
          events.push({ kind: 'commit', ref: branch, author: who, at: wall, message: `${message}${body}`, change });
        });
        events.push({
          kind: 'merge',
          branch,
          author: PEOPLE[p.merger],
          at: p.merge,
          committer: { name: 'GitHub', email: 'noreply@github.com', tz: PEOPLE[p.merger].tz },
          message: `Merge pull request #${p.number} from ${ORG}/${branch}\n\n${p.title}`,
        });
      },
    });
  }
  releases.forEach((rel, i) => {
    const version = `v0.${i + 1}.0`;
    const captain = PEOPLE[rel.captain];
    items.push({
      key: `${rel.day}T09:30`,
      emit: () => {
        events.push({
          kind: 'commit',
          author: captain,
          at: `${rel.day}T09:30`,
          message: `chore(release): ${version}`,
          change: (s) => {
            const last = s.log.map((l) => l.startsWith('release|')).lastIndexOf(true);
            const titles = s.log.slice(last + 1).filter((l) => l.startsWith('pr|')).map((l) => l.slice(3));
            s.log.push(`release|${version}|${rel.day}|${titles.join('\t')}`);
            s.counters.set('release', i + 1);
          },
        });
        events.push({ kind: 'tag', name: version, tagger: captain, at: `${rel.day}T09:31`, message: `${version}\n\nRelease captain: @${HANDLES[rel.captain]}` });
      },
    });
  });
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const it of items) it.emit();
  return { events, pullRequests: prs.length, releases: releases.length };
}

/** Every feature the plan introduces (to check it against the templates). */
export function plannedFeatures(): Set<string> {
  const out = new Set<string>(['bootstrap']);
  for (const p of FEATURES) for (const f of p.features) out.add(f);
  for (const [, , f] of TWEAKS) out.add(f);
  for (const e of ENDPOINTS) if (!out.has(e.id)) throw new Error(`endpoint ${e.id} is never introduced`);
  return out;
}
