// Documentation of the modern platform: README, architecture, ADRs, runbooks, postmortems,
// policies. Features gate sections that arrived later.

export const README = `# Meridian platform

The backend of Meridian, a B2B commerce product: organizations sign in, subscribe to a plan,
manage a product catalog with price books, and pay invoices. One TypeScript service (API and
workers) on Node 22, PostgreSQL, and Redis, deployed to Kubernetes (EKS) on AWS.

@@{identity
## Architecture in one paragraph

A modular monolith: \`src/modules/{identity,billing,catalog}\` are bounded contexts, each with a
public \`index.ts\` and private internals; lint rules stop one module from reaching into another.
\`src/platform\` holds what every module needs (config, logging, metrics, tracing, queues, HTTP
middleware). Slow or retryable work runs in BullMQ workers (\`src/worker.ts\`). Details, diagrams
@@architecture-doc@@and the reasons behind them: [ARCHITECTURE.md](ARCHITECTURE.md) and [docs/adr](docs/adr).
@@!architecture-doc@@and the reasons behind them: [docs/adr](docs/adr).
@@}

## Getting started

Prerequisites: Node 22 (\`.nvmrc\`), Docker.

\`\`\`sh
docker compose up -d            # Postgres, Redis (Valkey), Mailpit
cp .env.example .env            # then fill in the dev keys (see CONTRIBUTING.md)
npm ci
npm run db:migrate              # prisma migrate deploy
npm run dev                     # API on :8080, metrics on :9464
npm run dev:worker              # queue workers
\`\`\`
@@{integration-tests

## Tests

\`\`\`sh
npm test                        # unit + integration (needs docker compose up)
npm run test:coverage           # with the coverage thresholds CI enforces
\`\`\`

Unit tests live in \`test/unit\`, API tests (supertest against real Postgres and Redis) in
\`test/integration\`, k6 load tests in \`test/load\`.
@@}
@@{openapi

## API

- Every route is versioned (\`/v1/...\`) and validated with zod schemas.
- \`openapi.yaml\` is generated from those schemas (\`npm run openapi:generate\`); CI fails if it
  is stale, lints it with Spectral and rejects breaking changes to /v1.
@@api-deprecation@@- Deprecations follow [docs/api/deprecation-policy.md](docs/api/deprecation-policy.md).
@@}
@@{deploy-pipeline

## Operations

@@{ci-load-tests
- Merging to \`main\` deploys to staging, runs the k6 load test, then deploys to production with
  \`helm upgrade --atomic\` (automatic rollback). See [docs/release-process.md](docs/release-process.md).
@@}
@@{!ci-load-tests
- Merging to \`main\` deploys to staging, then to production with \`helm upgrade --atomic\`
  (automatic rollback).
@@}
- Infrastructure is Terraform in \`infra/terraform\` (one state per environment).
@@slos@@- Dashboards: Grafana "Meridian / API" and "Meridian / Queues". SLOs: \`deploy/slo\`.
@@!slos@@- Dashboards: Grafana "Meridian / API" and "Meridian / Queues".
@@rb:on-call@@- Runbooks for every alert: [docs/runbooks](docs/runbooks). On-call: [docs/runbooks/on-call.md](docs/runbooks/on-call.md).
@@postmortem-1@@- Incidents get a blameless postmortem in [docs/postmortems](docs/postmortems).
@@}
@@{contributing

## Contributing

Read [CONTRIBUTING.md](CONTRIBUTING.md): branches, commit messages, the review checklist, how to
add a module, an endpoint or a migration. Security issues: [SECURITY.md](SECURITY.md).
@@}
`;

export const ARCHITECTURE = `# Architecture

## Context

Meridian serves a few hundred business customers (organizations) through a web dashboard and a
public REST API. Traffic is moderate (peaks around 300 requests/s) but billing and catalog
imports do heavy background work. The team is four engineers; we optimise for changing one area
without understanding all of them.

## Shape: a modular monolith

\`\`\`mermaid
flowchart LR
  subgraph api[API pods]
    A[app.ts: helmet, CORS allow-list, rate limits, correlation ids] --> I[identity]
    A --> B[billing]
    A --> C[catalog]
  end
  subgraph workers[Worker pods]
    W[worker.ts] --> BP[billing processors]
    W --> CP[catalog imports]
    W --> E[emails]
  end
  I & B & C --> PG[(Postgres primary)]
  B & C --> RR[(read replica)]
  A & W --> R[(Redis: queues, sessions, rate limits)]
  B --> PSP[Payment provider]
\`\`\`

One deployable, three bounded contexts. We chose this over microservices (ADR 0001): one team,
one database, transactions inside a context, and module boundaries strong enough to split later.

| Module | Owns | Public API (index.ts) |
|---|---|---|
| identity | users, organizations, memberships, sessions, invitations, audit trail | \`createIdentityModule\`, \`AuditLog\` |
| billing | plans, subscriptions, invoices, payments, PSP integration | \`createBillingModule\`, \`billingProcessors\` |
| catalog | products, variants, categories, price books, search, imports | \`createCatalogModule\`, \`catalogProcessors\` |

### Rules (enforced by eslint.config.js)

- A module imports another module only through its \`index.ts\` (eslint-plugin-boundaries
  \`entry-point\`, plus \`no-restricted-imports\` for \`internal/\`, \`repository\`, \`service\`).
- \`src/platform\` never imports a module.
- Each module owns its tables; no module queries another module's tables.
- Cross-module calls are synchronous function calls today; events go through queues.

Inside a module: \`http.ts\` (routes) -> \`service.ts\` (use cases) -> \`repository.ts\` (Prisma),
with \`schemas.ts\` (zod) shared by validation and the OpenAPI document, and \`internal/\` for
everything else.

## Data

PostgreSQL 17 on RDS, Multi-AZ, with a read replica. Prisma is the only access path; schema
changes are Prisma migrations applied by a Helm pre-upgrade job (ADR 0002). Every tenant table
has \`organization_id\` and every query filters on it. Listing, search and exports read from the
replica (\`db.$replica()\`); writes and read-after-write go to the primary.

## Background work

BullMQ on Redis (ADR 0003). Producers set a \`jobId\` derived from the business key, so enqueuing
twice is harmless; jobs retry with exponential backoff and land in the \`dead-letter\` queue when
retries are exhausted.
@@keda@@Workers scale on queue length (KEDA).

## Cross-cutting

- **Security**: secrets from AWS Secrets Manager via Pod Identity; helmet; CORS allow-list per
  environment; rate limits on /v1/auth and on cost-bearing endpoints; argon2id; audit trail of
  privileged actions. Threat model: docs/security/threat-model.md.
- **Observability**: pino JSON logs with request id, trace id and organization; Prometheus
  metrics (golden signals per route, queue depth, breaker state); OpenTelemetry traces;
  SLOs in \`deploy/slo\`.
- **Resilience**: timeouts, retries with backoff and a circuit breaker on the PSP; idempotency
  keys on payment endpoints; graceful shutdown on SIGTERM; readiness probe fails while draining.

## Deployment

EKS in eu-central-1 across three zones. API: 3-12 replicas (HPA on CPU). Workers: 2-20 (KEDA on
backlog). Helm chart in \`deploy/helm/meridian\`, infrastructure in \`infra/terraform\`.
`;

export const ADRS: [feature: string, path: string, text: string][] = [
  [
    'adr-1',
    'docs/adr/0001-modular-monolith.md',
    `# 1. A modular monolith, not microservices

- Status: accepted
- Date: 2025-10-09
- Deciders: Maya Chen, Jonas Lindqvist, Amara Okafor, Diego Ramírez

## Context

We are four engineers starting a platform with three clear domains (identity, billing, catalog).
Microservices would give each domain its own deployment and database, at the price of network
calls, distributed transactions, and four pipelines to maintain. A plain monolith tends to grow
into a ball of mud where every change touches everything.

## Decision

One service, organised as modules under \`src/modules/<context>\`. Each module exposes a public
\`index.ts\`; its internals are private. ESLint (eslint-plugin-boundaries and
\`no-restricted-imports\`) fails the build when a module imports another module's internals.
Each module owns its tables.

## Consequences

- One deployment, one database, local transactions; simple to run and test.
- Boundaries are enforced by tooling, not discipline, so a module can be extracted later.
- A heavy module (catalog imports) shares the API's resources; we mitigate with separate worker
  pods.
`,
  ],
  [
    'adr-2',
    'docs/adr/0002-postgres-and-prisma-migrations.md',
    `# 2. PostgreSQL with Prisma and migrations for every schema change

- Status: accepted
- Date: 2025-10-16

## Context

We need relational integrity for billing, full-text search for the catalog, and a way to change
the schema safely while old and new versions of the code run side by side during a rollout.

## Decision

PostgreSQL (RDS, Multi-AZ) accessed only through Prisma with the \`pg\` driver adapter. Every
schema change is a Prisma migration in \`prisma/migrations\`, reviewed like code and applied by
the Helm pre-upgrade job. Migrations are backwards compatible with the running version: expand
first (add nullable column, backfill in a job), contract in a later release. No DDL in
application code.

## Consequences

- The schema history is in git; any environment can be rebuilt from it.
- Raw SQL is limited to search and recursive queries, through \`Prisma.sql\` (parameterised).
- A read replica serves listings and exports; code opts in with \`db.$replica()\`.
`,
  ],
  [
    'adr-3',
    'docs/adr/0003-bullmq-for-background-jobs.md',
    `# 3. BullMQ for background jobs

- Status: accepted
- Date: 2025-11-13

## Context

Billing (invoice runs, PSP webhooks, exports) and catalog imports must not run in request
handlers: they are slow, they call third parties, and they must survive a pod restart. Polling
a table on a timer does not scale past one worker and makes exactly-once processing our
problem.

## Decision

BullMQ on Redis (ElastiCache/Valkey, Multi-AZ). Rules for every queue:

1. Producers set \`jobId\` from the business key (\`psp-event:<id>\`, \`invoice-export:<id>\`),
   so duplicates are dropped at enqueue.
2. Processors are idempotent: they check current state before acting.
3. Default options: 6 attempts, exponential backoff from 2 s.
4. Exhausted jobs move to the \`dead-letter\` queue with their payload and error; an alert fires
   and the on-call replays or discards them (docs/runbooks/queue-backlog.md).
5. Queue depth is exported to Prometheus and drives KEDA autoscaling of the workers.

## Consequences

- Redis becomes critical: it runs Multi-AZ with automatic failover.
- Jobs are at-least-once; idempotency is mandatory and checked in review.
`,
  ],
  [
    'adr-4',
    'docs/adr/0004-url-versioning-and-generated-openapi.md',
    `# 4. URL versioning and an OpenAPI document generated from code

- Status: accepted
- Date: 2026-01-08

## Context

Customers integrate with our API directly. A hand-written spec drifts from the code; an API
without versions forces customers to follow every change.

## Decision

- Major version in the path (\`/v1\`). Additive changes stay in v1; a breaking change needs v2.
- Request and response schemas are zod schemas registered with zod-to-openapi;
  \`openapi.yaml\` is generated and committed, and CI fails when it is stale.
- CI lints the spec (Spectral) and runs oasdiff against main to block breaking changes.
- Deprecation follows docs/api/deprecation-policy.md (headers, sunset dates, customer notice).

## Consequences

- Validation and documentation cannot disagree.
- Reviewers see API changes as a diff of openapi.yaml.
`,
  ],
];

export const DEPRECATION_POLICY = `# API versioning and deprecation policy

## Versions

The major version is part of every path (\`/v1/...\`). Within a major version we only make
additive changes: new endpoints, new optional fields, new enum values documented as such.
Removing or renaming a field, tightening validation, or changing a status code is breaking and
requires a new major version. CI compares \`openapi.yaml\` with main (oasdiff) and blocks
breaking changes.

## Deprecation process

1. **Announce**: mark the operation \`deprecated: true\` in the spec, add the successor, and
   apply the \`deprecated()\` middleware, which sends \`Deprecation: true\`, a \`Sunset\` date and
   a \`Link: <successor>; rel="successor-version"\` header on every response.
2. **Notify**: email the technical contacts of every organization that called the endpoint in
   the last 90 days (from \`meridian_deprecated_endpoint_calls_total\`), and publish it in the
   changelog.
3. **Wait**: at least **6 months** between announcement and sunset for endpoints, **12 months**
   for a whole major version.
@@tw:depr-followup@@4. **Follow up**: one month before sunset, contact the organizations still calling it.
@@tw:depr-followup@@5. **Remove**: after the sunset date, the endpoint answers \`410 Gone\` for one more month with
   a link to the successor, then is deleted.

## Currently deprecated

| Endpoint | Successor | Sunset |
|---|---|---|
| \`GET /v1/catalog/product-search\` | \`GET /v1/catalog/search\` | 2026-09-30 |
@@tw:depr-changelog@@
Customers were notified on 2026-05-04; the changelog entry is in v0.30.0.
`;

export const THREAT_MODEL = `# Threat model

Method: STRIDE per trust boundary, reviewed when a boundary changes and at least twice a year
(last review: 2026-03-12, Maya Chen and Diego Ramírez).

## Trust boundaries

1. Internet -> ALB -> API pods (customer browsers and API clients)
2. Payment provider -> webhook endpoint
3. API/worker pods -> Postgres, Redis, S3, Secrets Manager
4. CI (GitHub Actions) -> AWS (OIDC roles) and the cluster

## Threats and mitigations

| # | Boundary | STRIDE | Threat | Mitigation | Status |
|---|---|---|---|---|---|
| 1 | 1 | Spoofing | Credential stuffing on /v1/auth/login | Rate limit per IP+account (Redis), argon2id, MFA, audit of failures | done |
| 2 | 1 | Elevation | Member acts on another organization | Every route checks scope; every query filters organization_id; integration tests per module | done |
| 3 | 1 | Info disclosure | Tokens or passwords in logs | pino redaction of auth headers, cookies and password fields | done |
| 4 | 1 | DoS | One tenant exhausts the database | Per-organization rate limit, statement_timeout, exports via queue | done |
| 5 | 1 | Tampering | Cross-site requests from other origins | CORS allow-list per environment, SameSite cookies, helmet | done |
| 6 | 2 | Spoofing | Forged PSP webhook | HMAC signature with timestamp tolerance, constant-time compare | done |
| 7 | 2 | Repudiation | Replayed webhook double-processes a payment | Event id as jobId, processed-events table | done |
| 8 | 3 | Info disclosure | Leaked database credentials | Secrets Manager, RDS-managed master password with rotation, Pod Identity, no secrets in git (secret scanning on) | done |
| 9 | 3 | Tampering | Audit trail altered | audit_events is INSERT/SELECT only for the app role | done |
@@tw:tm-actions@@| 10 | 4 | Elevation | Compromised dependency or action | Dependabot, npm audit gate, CodeQL, actions pinned to major versions, OIDC roles scoped per job | partly: pin actions by SHA (planned Q3) |
@@!tw:tm-actions@@| 10 | 4 | Elevation | Compromised dependency or action | Dependabot, npm audit gate, CodeQL, actions pinned to major versions, OIDC roles scoped per job | planned |

## Open items

- Pin GitHub Actions by commit SHA.
- Add a WAF rule set on the ALB for the public API.
`;

export const SECURITY_MD = `# Security policy

## Reporting a vulnerability

Email **security@meridian.example** (PGP key on https://meridian.example/.well-known/security.txt).
Please do not open a public issue. We acknowledge within one business day and keep you informed
until the fix ships. We do not take legal action against good-faith research.

## Supported versions

Only what runs in production (the latest release on \`main\`) receives fixes.

## How we work

- Secrets live in AWS Secrets Manager, never in the repository (GitHub secret scanning and push
  protection are on).
- Every pull request runs CodeQL (security-extended), \`npm audit\` and is reviewed by a code owner.
@@tw:sec-sla@@- Dependabot opens updates weekly; high and critical advisories are fixed within 7 days.
@@!tw:sec-sla@@- Dependabot opens updates weekly; advisories are fixed promptly.
- The threat model is in [docs/security/threat-model.md](docs/security/threat-model.md).
`;

export const CONTRIBUTING = `# Contributing

## Setup

See the README for the local stack. Generate development keys once:

\`\`\`sh
openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt > .dev-key.pem
\`\`\`

and point \`JWT_PRIVATE_KEY\`/\`JWT_PUBLIC_KEY\` in \`.env\` at it (never commit \`.env\`).

## Workflow

1. Branch from \`main\`: \`feat/billing-credit-notes\`, \`fix/catalog-search-accents\`.
2. Commit messages and pull-request titles follow Conventional Commits
   (\`feat(billing): ...\`, \`fix(catalog): ...\`); commitlint checks them in a git hook and in CI.
3. Open a pull request with the template filled in, including **Risk and rollback**.
4. CI must pass: lint and type check, tests with coverage thresholds, the OpenAPI checks,
   \`npm audit\`, CodeQL, the image build.
5. Merge with a merge commit once a code owner approves. \`main\` deploys automatically.

## Code review

Reviewers use the checklist in the pull-request template. In particular they check that:

- module boundaries hold (lint enforces imports; reviewers check responsibilities);
- new endpoints are versioned, validated and documented (\`openapi.yaml\` diff);
- background work is idempotent and retried with backoff;
- migrations are backwards compatible (expand/contract);
- nothing logs personal data or secrets;
- security-sensitive changes (auth, payments, permissions, secrets) get a second owner.

@@tw:review-sla@@Aim to review within one working day. Small pull requests (< 400 lines) get better reviews.
@@!tw:review-sla@@Small pull requests (< 400 lines) get better reviews.

## Adding things

- **An endpoint**: schema in \`schemas.ts\`, route in \`http.ts\`, registration in \`openapi.ts\`,
  use case in \`service.ts\`, an integration test; then \`npm run openapi:generate\`.
- **A migration**: \`npx prisma migrate dev --name <what>\`; never edit an applied migration.
- **A job**: a queue in \`src/platform/queues.ts\`, a processor in the module's \`internal/\`,
  registered in \`src/worker.ts\`; choose the \`jobId\` first.
- **An architectural decision**: an ADR in \`docs/adr\` (copy the format of the latest one).
`;

export const RELEASE_PROCESS = `# Releases and change management

## Continuous deployment

Every merge to \`main\` runs \`.github/workflows/deploy.yml\`: build the image, deploy to staging
with \`helm upgrade --atomic\`, run the k6 load test against staging, then deploy to production
with \`--atomic\`. If the new pods do not become ready within 10 minutes, Helm rolls the release
back on its own and the workflow fails.

## Weekly version tags

Every Monday the release captain (rotation in the on-call calendar) tags \`main\` as
\`vX.Y.0\` and updates CHANGELOG.md from the merged pull-request titles. Tags mark what customers
were told, not what was deployed; deploys happen on every merge.

## High-risk changes

A change is **high risk** when it touches authentication or permissions, payments, a
destructive or long-running migration, or infrastructure shared by all tenants. High-risk
changes:

1. say so in the pull request (**Risk and rollback** section) with the rollback steps;
2. need approval from two code owners, one outside the author's module;
@@{tw:release-merge-window
3. are merged between 09:00 and 15:00 CET, Monday to Thursday, with the author watching the
   deploy and the dashboards for 30 minutes;
@@}
@@{!tw:release-merge-window
3. are merged when the author can watch the deploy and the dashboards for 30 minutes;
@@}
4. use expand/contract for schema changes, so the previous release can run against the new
   schema.

## Rollback

See [runbooks/rollback.md](runbooks/rollback.md): \`helm rollback\` for the application; database
changes are rolled forward.
`;

export const RUNBOOKS: [feature: string, name: string, text: string][] = [
  [
    'runbooks',
    'on-call.md',
    `# On-call

## Rotation

One primary and one secondary, weekly, handover on Monday 10:00 CET in the platform sync. The
schedule lives in PagerDuty ("Meridian platform"); \`severity: page\` alerts page the primary,
\`severity: ticket\` alerts open a Linear issue in the Platform triage view.

## Expectations

- Acknowledge a page within 10 minutes, 24/7 for production.
- Follow the runbook linked from the alert; if there is none, that is an action item.
- Escalate to the secondary after 30 minutes without mitigation, and to the engineering
  manager for customer-visible incidents longer than one hour.
- Open an incident channel (#inc-YYYYMMDD-topic) for anything customer-visible; post updates on
  the status page every 30 minutes.

## After an incident

Write a postmortem within 5 working days ([template](../postmortems/TEMPLATE.md)) for every page
that affected customers. Action items get owners and due dates and are reviewed weekly until done.

## Handover checklist

- [ ] Open incidents and their state
- [ ] Alerts that fired and were not actionable (tune or delete them)
@@tw:oncall-dlq@@- [ ] Dead-letter queue empty or explained
- [ ] Upcoming risky changes
`,
  ],
  [
    'runbooks',
    'high-error-rate.md',
    `# API high error rate

Alert: \`MeridianApiHighErrorRate\` (more than 2% of requests answer 5xx for 10 minutes) or
\`MeridianApiAvailabilityBudgetBurn\`.

## Diagnose

1. Grafana "Meridian / API": which routes and status codes? One route or all?
2. Did a deploy just happen? \`helm history meridian -n meridian\`
3. Logs: \`{app="meridian", level="error"}\` grouped by \`msg\`; follow a \`requestId\` into its trace.
4. Dependencies: readiness failures (\`/readyz\` checks), Postgres CPU and connections, Redis,
   circuit breaker state (\`meridian_circuit_breaker_open\`).

## Mitigate

- Bad deploy: roll back ([rollback.md](rollback.md)); do not wait for a fix.
- Database saturated: see [database.md](database.md).
- PSP down (billing routes only): see [psp-outage.md](psp-outage.md).
- One tenant flooding: lower its rate limit (\`rl:api:<orgId>\`) and contact the customer.

## Escalate

If errors continue 30 minutes after mitigation, page the secondary.
`,
  ],
  [
    'runbooks',
    'high-latency.md',
    `# API high latency

Alert: \`MeridianApiHighLatency\` (p95 above 500 ms for 15 minutes) or
\`MeridianApiLatencyBudgetBurn\`.

## Diagnose

1. Which routes? Grafana "Meridian / API", latency by route.
2. Traces: open slow traces for that route; is the time in Postgres, Redis, or the PSP?
3. Postgres: slow query log (\`log_min_duration_statement\`), Performance Insights top SQL,
   replica lag for replica-backed routes.
4. Saturation: CPU of the API pods (HPA at max?), node capacity.

## Mitigate

- Missing index or bad plan: add the index with \`CREATE INDEX CONCURRENTLY\` in a migration;
  as a stopgap, raise the HPA max or move the read to the replica.
- HPA at max: raise \`maxReplicas\` in the chart and check node group capacity.
@@tw:rb-latency-replica@@- Replica lag: route reads back to the primary by unsetting \`DATABASE_REPLICA_URL\`.
`,
  ],
  [
    'runbooks',
    'queue-backlog.md',
    `# Queue backlog and dead-letter queue

Alerts: \`MeridianQueueBacklog\` (more than 1,000 waiting jobs for 15 minutes),
\`MeridianDeadLetterJobs\`.

## Diagnose

1. Grafana "Meridian / Queues": which queue, waiting vs active vs failed.
2. Are workers running and scaling? \`kubectl -n meridian get scaledobject,hpa,pods -l app.kubernetes.io/component=worker\`
@@tw:rb-bullboard@@3. Are jobs failing? Bull Board (port-forward the ops port: \`kubectl -n meridian port-forward svc/meridian-api 9464\`, then http://localhost:9464/queues), failed tab.
@@!tw:rb-bullboard@@3. Are jobs failing? Bull Board, failed tab.
4. Is a dependency slow (PSP, S3, database)? Check the job duration histogram per queue.

## Mitigate

- Workers at max replicas: raise \`maxReplicaCount\` in the ScaledObject.
- A poison job blocks progress: it will reach the dead-letter queue after its attempts; do not
  delete queues.
- A dependency is down: the jobs retry with backoff; nothing to do until it recovers.

## Dead-letter queue

Jobs land in \`dead-letter\` after exhausting their retries, with the original queue, name,
payload and last error.

1. Read the error. A bug: fix it first, then replay. Bad data: fix the data or discard.
2. Replay from Bull Board (dead-letter -> job -> "promote" re-adds it to the original queue with
   the same jobId) or discard with a note in the incident channel.
3. The dead-letter queue should be empty at every on-call handover.
`,
  ],
  [
    'runbooks',
    'psp-outage.md',
    `# Payment provider outage

Alert: \`MeridianCircuitBreakerOpen\` with \`breaker="psp"\`.

When the PSP fails, the circuit breaker opens and payment calls fail fast with 503 instead of
holding connections. Webhooks keep arriving later; they are queued and processed once.

1. Check the PSP status page and our error logs (\`breaker: psp\`).
2. Post on our status page: "Card payments are delayed; no payment is lost or charged twice."
3. Nothing to restart: the breaker half-opens every 30 s and closes when calls succeed.
4. After recovery, check \`billing-psp-events\` drains and the dead-letter queue is empty.
5. Invoices that failed to charge are retried by the dunning job; do not charge manually (the
   idempotency keys protect retries, manual charges bypass them).
`,
  ],
  [
    'runbooks',
    'database.md',
    `# Database (RDS Postgres)

Alerts: \`meridian-<env>-db-cpu\`, \`-db-free-storage\`, \`-replica-lag\` (CloudWatch, via SNS).

## High CPU

1. Performance Insights: top SQL by load. Usually one query after a deploy or a big tenant.
2. Kill a runaway query: \`SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE ...\`.
3. Fix with an index (migration, \`CONCURRENTLY\`) or move the read to the replica.

## Storage

Storage autoscaling is on up to 4x; if the alarm fires anyway, find the growth
(\`pg_total_relation_size\`) and check the export and audit tables.

## Failover

Multi-AZ failover is automatic (60-120 s). The API readiness probe fails during it and pods
recover by themselves; check connection errors stop within 5 minutes.

## Replica lag

Routes using \`db.$replica()\` show stale data. Unset \`DATABASE_REPLICA_URL\` (values file,
deploy) to read from the primary until the replica catches up.
`,
  ],
  [
    'dr',
    'disaster-recovery.md',
    `# Disaster recovery

## Objectives

| Scenario | RTO | RPO |
|---|---|---|
| Loss of one availability zone | 5 minutes (automatic: Multi-AZ RDS and Redis, pods in 3 zones) | 0 |
| Loss or corruption of the database | 4 hours | 15 minutes (point-in-time restore) |
| Loss of the region | 24 hours | 24 hours (daily snapshot copies in us-east-1) |

@@tw:dr-contract@@These are the objectives in our customer contracts; the weekly restore drill measures them.

## Database restore (corruption, bad migration, deleted data)

1. Declare an incident; freeze deploys.
2. Find the last good time (audit events, logs).
3. Restore to a new instance: \`aws rds restore-db-instance-to-point-in-time --source-db-instance-identifier meridian-prod --target-db-instance-identifier meridian-prod-restore --restore-time <ISO time>\`
4. Verify it with \`scripts/restore-drill.sh --verify-only meridian-prod-restore\`.
5. Either copy the lost rows back, or point the application at the restored instance (update
   the \`DATABASE_URL\` in Secrets Manager, restart the deployments).

## Region loss

Terraform the environment in us-east-1 with \`envs/prod-dr.tfvars\`, restore the latest copied
snapshot from the \`meridian-prod-dr\` vault, deploy with the usual workflow, switch DNS.

## Drills

\`.github/workflows/restore-drill.yml\` restores the latest production snapshot every Tuesday and
checks row counts and freshness; it fails (and opens an issue) when the restore takes longer
than the RTO or the data is older than the RPO.
`,
  ],
  [
    'runbooks',
    'rollback.md',
    `# Rolling back a release

Helm already rolls back a release whose pods do not become ready (\`--atomic\`). Roll back by
hand when the release is up but wrong:

\`\`\`sh
aws eks update-kubeconfig --name meridian-prod
helm history meridian -n meridian
helm rollback meridian <previous revision> -n meridian --wait
\`\`\`

Then revert the merge commit on \`main\` so the next deploy does not bring it back.

Database migrations are not rolled back: they are written to be compatible with the previous
release (expand/contract), so rolling back the application is enough. If a migration itself is
wrong, write a new migration.
`,
  ],
  [
    'secret-rotation',
    'secret-rotation.md',
    `# Rotating secrets

Application secrets live in \`meridian/<env>/app\` (Secrets Manager). Pods read them at startup.

1. Create the new value at the provider (PSP dashboard, new key pair for JWT signing).
2. For JWT keys: add the new public key first (both verify), deploy, then switch signing.
3. \`aws secretsmanager put-secret-value --secret-id meridian/prod/app --secret-string file://new.json\`
   (from the security laptop; never paste secrets in chat or tickets).
4. Restart: \`kubectl -n meridian rollout restart deploy/meridian-api deploy/meridian-worker\`.
5. Revoke the old value at the provider; record the rotation in the security log.

The RDS master password is rotated by RDS itself every 7 days.
`,
  ],
  [
    'cost-review',
    'cost-review.md',
    `# Weekly cost review

Every Monday in the platform sync (15 minutes), with the FinOps dashboard:

1. Spend per environment and service (tags \`environment\`, \`service\`, \`team\`, \`cost-center\`)
   against the monthly budget in \`infra/terraform/budgets.tf\`.
2. Anomalies reported by AWS Cost Anomaly Detection in the last week: explained or ticketed.
3. Infracost comments on last week's infrastructure pull requests: any surprise?
4. Top three line items and one saving to try (rightsizing, storage lifecycle, reserved capacity).

Notes go in the "Cost review" page of the team wiki with the decisions taken.
`,
  ],
  [
    'slos',
    'error-budget-policy.md',
    `# Error budget policy

SLOs (deploy/slo/meridian-api.yaml): 99.9% of requests succeed and 99% complete within 500 ms,
over 30 days.

- Budget left: ship as usual.
- Budget burning fast (page from the burn-rate alert): incident, mitigate first.
- Budget exhausted for the window: feature work pauses for reliability work until the budget
  recovers; exceptions need the engineering manager's approval in writing.

@@tw:ebp-review@@The burn is reviewed in the weekly platform sync, next to the cost review.
`,
  ],
];

export const POSTMORTEM_TEMPLATE = `# Postmortem: <title>

- Date: YYYY-MM-DD
- Authors:
- Status: draft | reviewed
- Severity: SEV1 | SEV2 | SEV3

## Summary

What happened, in three sentences, for someone outside the team.

## Impact

Who was affected, how, for how long. Numbers.

## Timeline (CET)

| Time | Event |
|---|---|

## Root cause and contributing factors

Blameless: systems and decisions, not people.

## What went well / what did not

## Action items

| Action | Owner | Due | Issue |
|---|---|---|---|

- [ ] ...
`;

export const POSTMORTEMS: [feature: string, path: string, text: string][] = [
  [
    'postmortem-1',
    'docs/postmortems/2026-02-11-billing-webhook-backlog.md',
    `# Postmortem: PSP webhook backlog delayed payment confirmations

- Date: 2026-02-11
- Authors: Jonas Lindqvist
- Status: reviewed (2026-02-16)
- Severity: SEV2

## Summary

After a PSP incident, the provider re-sent about 180,000 webhook events within 20 minutes. Our
single worker pod processed them at 40/s; confirmations of new payments waited behind the
replayed ones for up to 74 minutes. No payment was lost or charged twice.

## Impact

- 212 organizations saw "payment pending" for 20-74 minutes after paying.
- 31 support tickets; no financial loss.

## Timeline (CET)

| Time | Event |
|---|---|
| 14:02 | PSP recovers from its outage and starts re-sending events |
| 14:09 | \`billing-psp-events\` waiting jobs pass 10,000; no alert (none existed for queue depth) |
| 14:31 | Support escalates: customers see pending payments |
| 14:40 | On-call scales the worker deployment to 6 replicas by hand |
| 15:16 | Backlog drained |

## Root cause and contributing factors

- Workers had a fixed replica count; nothing scaled on backlog.
- No alert on queue depth: we learned about it from customers.
- Duplicate events were dropped (jobId = event id), which kept the damage to delay only.

## Action items

| Action | Owner | Due | Issue |
|---|---|---|---|
| Alert on queue backlog with a runbook | Jonas | 2026-02-20 | PLAT-412 |
| Autoscale workers on queue length (KEDA) | Diego | 2026-03-06 | PLAT-413 |
| Dead-letter queue + alert for exhausted jobs | Jonas | 2026-03-06 | PLAT-414 |
| Load test the worker path in staging | Amara | 2026-03-20 | PLAT-415 |

@@rb:queue-backlog@@- [x] Alert on queue backlog with a runbook (MeridianQueueBacklog, docs/runbooks/queue-backlog.md)
@@!rb:queue-backlog@@- [ ] Alert on queue backlog with a runbook
@@keda@@- [x] Autoscale workers on queue length (deploy/helm/meridian/templates/scaledobject-worker.yaml)
@@!keda@@- [ ] Autoscale workers on queue length (KEDA)
@@dead-letter@@- [x] Dead-letter queue + alert for exhausted jobs
@@!dead-letter@@- [ ] Dead-letter queue + alert for exhausted jobs
- [ ] Load test the worker path in staging
`,
  ],
  [
    'postmortem-2',
    'docs/postmortems/2026-04-08-catalog-listing-latency.md',
    `# Postmortem: catalog listing latency for large catalogs

- Date: 2026-04-08
- Authors: Amara Okafor
- Status: reviewed (2026-04-14)
- Severity: SEV3

## Summary

Organizations with more than 200,000 products saw \`GET /v1/catalog/products\` take 3-6 s
(p95) for two days after a bulk import by one customer. The listing sorted by \`created_at\`
without a matching index.

## Impact

Three large organizations; dashboard product pages slow; two API clients hit their timeouts.
The latency SLO burned 35% of its monthly budget.

## Timeline (CET)

| Time | Event |
|---|---|
| Apr 6, 22:10 | Customer imports 240,000 products |
| Apr 7, 09:15 | \`MeridianApiHighLatency\` fires (ticket severity) |
| Apr 8, 10:30 | Slow query log shows the listing query at 4.8 s; sequential scan |
| Apr 8, 11:05 | Mitigation: listing reads moved to the replica |
| Apr 8, 16:40 | Index created concurrently by hand in production, latency back to 40 ms |

## Root cause and contributing factors

- No index on (organization_id, status, created_at); fine for small catalogs.
- The slow-query threshold (1 s) hid the degradation as it grew.
- The k6 test used a small catalog.

## Action items

| Action | Owner | Due | Issue |
|---|---|---|---|
| Add the index as a migration (the manual one must be in git) | Amara | 2026-04-24 | PLAT-488 |
| Lower the slow-query threshold to 250 ms | Diego | 2026-04-17 | PLAT-489 |
| Seed the staging load test with a 250k-product organization | Amara | 2026-05-15 | PLAT-490 |

@@mig:products-created-index@@- [x] Add the index as a migration (prisma/migrations/{{MIGRATION:mig:products-created-index}})
@@!mig:products-created-index@@- [ ] Add the index as a migration (the manual one must be in git)
@@tw:pg-slow-log@@- [x] Lower the slow-query threshold to 250 ms
@@!tw:pg-slow-log@@- [ ] Lower the slow-query threshold to 250 ms
- [ ] Seed the staging load test with a 250k-product organization
`,
  ],
];

export const RESTORE_DRILL_SH = `#!/usr/bin/env bash
# Weekly restore drill (and the verification step of a real restore).
#   scripts/restore-drill.sh <source-db-instance>            restore the latest snapshot and verify
#   scripts/restore-drill.sh --verify-only <db-instance>     verify an already restored instance
set -euo pipefail

VERIFY_ONLY=false
if [[ "\${1:-}" == "--verify-only" ]]; then VERIFY_ONLY=true; shift; fi
SOURCE="\${1:?source db instance}"
DRILL="restore-drill-$(date +%Y%m%d%H%M)"
RTO_SECONDS=$((4 * 3600))
RPO_SECONDS=$((26 * 3600)) # daily snapshot + 2 h margin
started=$(date +%s)

cleanup() { [[ "$VERIFY_ONLY" == true ]] || aws rds delete-db-instance --db-instance-identifier "$DRILL" --skip-final-snapshot >/dev/null || true; }
trap cleanup EXIT

if [[ "$VERIFY_ONLY" == true ]]; then
  DRILL="$SOURCE"
else
  SNAPSHOT=$(aws rds describe-db-snapshots --db-instance-identifier "$SOURCE" --snapshot-type automated \\
    --query 'reverse(sort_by(DBSnapshots,&SnapshotCreateTime))[0].DBSnapshotIdentifier' --output text)
  echo "restoring $SNAPSHOT into $DRILL"
  aws rds restore-db-instance-from-db-snapshot --db-instance-identifier "$DRILL" --db-snapshot-identifier "$SNAPSHOT" \\
    --db-instance-class db.t4g.medium --no-multi-az --db-subnet-group-name meridian-prod --tags Key=purpose,Value=restore-drill >/dev/null
  aws rds wait db-instance-available --db-instance-identifier "$DRILL"
fi

HOST=$(aws rds describe-db-instances --db-instance-identifier "$DRILL" --query 'DBInstances[0].Endpoint.Address' --output text)
export PGPASSWORD
PGPASSWORD=$(aws secretsmanager get-secret-value --secret-id "$DRILL_DB_PASSWORD_SECRET_ID" --query SecretString --output text)
PSQL=(psql "host=$HOST dbname=meridian user=meridian_admin sslmode=require" -v ON_ERROR_STOP=1 -At)

echo "checking data"
organizations=$("\${PSQL[@]}" -c 'SELECT count(*) FROM organizations')
invoices=$("\${PSQL[@]}" -c 'SELECT count(*) FROM invoices')
newest=$("\${PSQL[@]}" -c "SELECT extract(epoch FROM max(occurred_at))::bigint FROM audit_events")
migrations=$("\${PSQL[@]}" -c 'SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NULL')
echo "organizations=$organizations invoices=$invoices unfinished_migrations=$migrations"
(( organizations > 0 && invoices > 0 )) || { echo "restored database is empty"; exit 1; }
(( migrations == 0 )) || { echo "restored database has unfinished migrations"; exit 1; }

age=$(( $(date +%s) - newest ))
echo "newest audit event is $age s old (RPO $RPO_SECONDS s)"
(( age <= RPO_SECONDS )) || { echo "RPO exceeded"; exit 1; }

# The logical export path must restore too: dump the billing tables and restore them into a
# throwaway Postgres.
pg_dump "host=$HOST dbname=meridian user=meridian_admin sslmode=require" -Fc -t invoices -t invoice_lines -t payments -f /tmp/billing.dump
docker run -d --name drill-pg -e POSTGRES_HOST_AUTH_METHOD=trust -p 55432:5432 postgres:17 >/dev/null
trap 'docker rm -f drill-pg >/dev/null; cleanup' EXIT
until pg_isready -h localhost -p 55432 -q; do sleep 1; done
pg_restore --no-owner -h localhost -p 55432 -U postgres -d postgres /tmp/billing.dump
restored=$(psql -h localhost -p 55432 -U postgres -At -c 'SELECT count(*) FROM invoices')
(( restored == invoices )) || { echo "logical restore mismatch: $restored != $invoices"; exit 1; }

elapsed=$(( $(date +%s) - started ))
echo "restore drill took $elapsed s (RTO $RTO_SECONDS s)"
(( elapsed <= RTO_SECONDS )) || { echo "RTO exceeded"; exit 1; }
echo "restore drill passed"
`;
