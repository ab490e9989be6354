// src/platform/**, src/app.ts, src/server.ts, src/worker.ts, src/config.ts: the cross-cutting
// code every module uses. Gated by the feature that introduced each concern.

export const CONFIG_TS = `// Configuration: non-secret settings from the environment, secrets from AWS Secrets Manager
// (APP_SECRETS_ID). Validated at startup: a misconfigured pod fails its readiness probe
// instead of serving errors.
import { z } from 'zod';
@@secrets-manager@@import { loadAppSecrets } from './platform/secrets.js';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().default(8080),
@@metrics@@  OPS_PORT: z.coerce.number().int().default(9464),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  APP_VERSION: z.string().default('dev'),
@@secrets-manager@@  AWS_REGION: z.string().default('eu-central-1'),
@@secrets-manager@@  APP_SECRETS_ID: z.string().optional(),
@@db@@  DATABASE_URL: z.url().optional(),
@@read-replica@@  DATABASE_REPLICA_URL: z.url().optional(),
@@redis@@  REDIS_URL: z.url().default('redis://localhost:6379'),
@@cors-allowlist@@  CORS_ALLOWED_ORIGINS: z.string().default('http://localhost:5173'),
@@object-storage@@  ASSETS_BUCKET: z.string().default('meridian-assets-dev'),
@@billing@@  PSP_BASE_URL: z.url().default('https://sandbox.psp.example'),
@@graceful-shutdown@@  SHUTDOWN_GRACE_MS: z.coerce.number().int().default(25_000),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
@@metrics@@  opsPort: number;
  logLevel: string;
  version: string;
@@db@@  databaseUrl: string;
@@read-replica@@  databaseReplicaUrl: string | undefined;
@@redis@@  redisUrl: string;
@@cors-allowlist@@  corsAllowedOrigins: string[];
@@object-storage@@  assetsBucket: string;
@@object-storage@@  awsRegion: string;
@@sessions@@  sessionSecret: string;
@@identity@@  signingKeys: { privateKeyPem: string; publicKeyPem: string; keyId: string };
@@billing@@  psp: { baseUrl: string; apiKey: string; webhookSigningKey: string };
@@graceful-shutdown@@  shutdownGraceMs: number;
}

export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const e = Env.parse(env);
@@{secrets-manager
  // Locally and in tests the same keys come from the environment (see .env.example).
  const secrets = e.APP_SECRETS_ID ? await loadAppSecrets(e.APP_SECRETS_ID, e.AWS_REGION) : loadDevSecrets(env);
@@}
  return {
    env: e.NODE_ENV,
    port: e.PORT,
@@metrics@@    opsPort: e.OPS_PORT,
    logLevel: e.LOG_LEVEL,
    version: e.APP_VERSION,
@@{db
@@secrets-manager@@    databaseUrl: secrets.DATABASE_URL,
@@!secrets-manager@@    databaseUrl: e.DATABASE_URL ?? 'postgresql://meridian@localhost:5432/meridian',
@@}
@@read-replica@@    databaseReplicaUrl: secrets.DATABASE_REPLICA_URL ?? e.DATABASE_REPLICA_URL,
@@redis@@    redisUrl: e.REDIS_URL,
@@cors-allowlist@@    corsAllowedOrigins: e.CORS_ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
@@object-storage@@    assetsBucket: e.ASSETS_BUCKET,
@@object-storage@@    awsRegion: e.AWS_REGION,
@@sessions@@    sessionSecret: secrets.SESSION_SECRET,
@@identity@@    signingKeys: { privateKeyPem: secrets.JWT_PRIVATE_KEY, publicKeyPem: secrets.JWT_PUBLIC_KEY, keyId: secrets.JWT_KEY_ID },
@@billing@@    psp: { baseUrl: e.PSP_BASE_URL, apiKey: secrets.PSP_API_KEY, webhookSigningKey: secrets.PSP_WEBHOOK_SIGNING_KEY },
@@graceful-shutdown@@    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}
@@{secrets-manager

function loadDevSecrets(env: NodeJS.ProcessEnv) {
  if (env.NODE_ENV === 'production') throw new Error('APP_SECRETS_ID is required in production');
  return {
    DATABASE_URL: env.DATABASE_URL ?? 'postgresql://meridian@localhost:5432/meridian',
    DATABASE_REPLICA_URL: env.DATABASE_REPLICA_URL,
    SESSION_SECRET: env.SESSION_SECRET ?? '',
    JWT_PRIVATE_KEY: env.JWT_PRIVATE_KEY ?? '',
    JWT_PUBLIC_KEY: env.JWT_PUBLIC_KEY ?? '',
    JWT_KEY_ID: env.JWT_KEY_ID ?? 'dev',
    PSP_API_KEY: env.PSP_API_KEY ?? '',
    PSP_WEBHOOK_SIGNING_KEY: env.PSP_WEBHOOK_SIGNING_KEY ?? '',
  };
}
@@}
`;

export const SECRETS_TS = `// Secrets come from AWS Secrets Manager, read once at startup with the pod's IAM role (IRSA).
// Nothing secret lives in the repository, the image or the Helm values.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

const AppSecrets = z.object({
  DATABASE_URL: z.url(),
  DATABASE_REPLICA_URL: z.url().optional(),
  SESSION_SECRET: z.string().min(32),
  JWT_PRIVATE_KEY: z.string().min(100),
  JWT_PUBLIC_KEY: z.string().min(100),
  JWT_KEY_ID: z.string().min(1),
  PSP_API_KEY: z.string().min(20),
  PSP_WEBHOOK_SIGNING_KEY: z.string().min(20),
});

export type AppSecrets = z.infer<typeof AppSecrets>;

export async function loadAppSecrets(secretId: string, region: string): Promise<AppSecrets> {
  const client = new SecretsManagerClient({ region });
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!out.SecretString) throw new Error(\`secret \${secretId} has no string value\`);
  return AppSecrets.parse(JSON.parse(out.SecretString));
}
`;

export const LOGGER_TS = `// Structured JSON logs (pino). Every line carries the request id and organization of the
// request being served (request-context.ts), so logs, traces and metrics join up.
import { pino, type Logger } from 'pino';
@@correlation-ids@@import { requestContext } from './request-context.js';

export type { Logger };

export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: process.env.OTEL_SERVICE_NAME ?? 'meridian', version: process.env.APP_VERSION ?? 'dev' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
@@tw:logger-redact-cookie@@    paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.newPassword', '*.pspToken'],
@@!tw:logger-redact-cookie@@    paths: ['req.headers.authorization', '*.password', '*.newPassword', '*.pspToken'],
    censor: '[redacted]',
  },
@@{correlation-ids
  mixin() {
    const ctx = requestContext.getStore();
    return ctx ? { requestId: ctx.requestId, orgId: ctx.orgId, traceId: ctx.traceId } : {};
  },
@@}
});
`;

export const REQUEST_CONTEXT_TS = `// Per-request context carried through async calls (AsyncLocalStorage): request id, trace id,
// organization. Set by the correlation middleware, read by the logger, the audit log and jobs.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';

export interface RequestContext {
  requestId: string;
  traceId?: string;
  orgId?: string;
  ip?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

const REQUEST_ID = /^[\\w.:-]{8,128}$/;

/** Accepts the caller's X-Request-Id when well formed, otherwise makes one; echoes it back. */
export function correlation() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const traceId = trace.getActiveSpan()?.spanContext().traceId;
    requestContext.run({ requestId, ...(traceId ? { traceId } : {}), ...(req.ip ? { ip: req.ip } : {}) }, next);
  };
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
`;

export const METRICS_TS = `// Prometheus metrics: the four golden signals per route, queue depth per queue and state,
// circuit-breaker state. Scraped from the ops port (see server.ts and the ServiceMonitor).
@@billing@@import type CircuitBreaker from 'opossum';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { NextFunction, Request, Response } from 'express';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'meridian_' });

export const httpDuration = new Histogram({
  name: 'meridian_http_request_duration_seconds',
  help: 'HTTP request latency by route and status class',
  labelNames: ['method', 'route', 'status'] as const,
@@tw:latency-buckets@@  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
@@!tw:latency-buckets@@  buckets: [0.05, 0.1, 0.25, 0.5, 1, 5],
  registers: [registry],
});

export const httpRequests = new Counter({
  name: 'meridian_http_requests_total',
  help: 'HTTP requests by route and status class',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export function httpMetrics() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = httpDuration.startTimer();
    res.on('finish', () => {
      // The route pattern, never the raw URL: ids in paths would explode cardinality.
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      const labels = { method: req.method, route, status: \`\${Math.floor(res.statusCode / 100)}xx\` };
      end(labels);
      httpRequests.inc(labels);
    });
    next();
  };
}
@@{queue-metrics

export const queueJobs = new Gauge({
  name: 'meridian_queue_jobs',
  help: 'Jobs per queue and state (waiting, active, delayed, failed)',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
});

export const jobDuration = new Histogram({
  name: 'meridian_job_duration_seconds',
  help: 'Job processing time by queue and outcome',
  labelNames: ['queue', 'outcome'] as const,
  buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [registry],
});
@@}
@@{billing

const breakerState = new Gauge({
  name: 'meridian_circuit_breaker_open',
  help: '1 while the circuit breaker is open',
  labelNames: ['breaker'] as const,
  registers: [registry],
});

export function breakerMetrics(breaker: CircuitBreaker): void {
  const name = breaker.name;
  breaker.on('open', () => breakerState.set({ breaker: name }, 1));
  breaker.on('halfOpen', () => breakerState.set({ breaker: name }, 0.5));
  breaker.on('close', () => breakerState.set({ breaker: name }, 0));
}
@@}
`;

export const TRACING_TS = `// OpenTelemetry tracing. Imported first by server.ts and worker.ts so the auto-instrumentation
// patches http, express, pg, ioredis and bullmq before they load. Spans go to the collector
// (OTEL_EXPORTER_OTLP_ENDPOINT), which samples and forwards them.
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';

const sdk = new NodeSDK({
  serviceName: process.env.OTEL_SERVICE_NAME ?? 'meridian',
  traceExporter: new OTLPTraceExporter(),
  instrumentations: [
    getNodeAutoInstrumentations({
      '@opentelemetry/instrumentation-fs': { enabled: false },
@@tw:tracing-ignore-health@@      '@opentelemetry/instrumentation-http': { ignoreIncomingRequestHook: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  ],
});

if (process.env.OTEL_SDK_DISABLED !== 'true') sdk.start();

export function shutdownTracing(): Promise<void> {
  return sdk.shutdown();
}
`;

export const DB_TS = `// Postgres through Prisma with the pg driver adapter. Reads that tolerate replica lag use
// db.$replica() (read-replicas extension); slow queries are logged with their duration.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
@@read-replica@@import { readReplicas } from '@prisma/extension-read-replicas';
import { Pool } from 'pg';
import type { Logger } from './logger.js';

@@tw:slow-query-threshold@@const SLOW_QUERY_MS = 250;
@@!tw:slow-query-threshold@@const SLOW_QUERY_MS = 500;

function client(connectionString: string, logger: Logger, role: 'primary' | 'replica') {
@@tw:db-pool@@  const pool = new Pool({ connectionString, max: 20, idleTimeoutMillis: 30_000, statement_timeout: 10_000 });
@@!tw:db-pool@@  const pool = new Pool({ connectionString, max: 10, statement_timeout: 10_000 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: 'event', level: 'query' }, { emit: 'event', level: 'warn' }] });
  prisma.$on('query', (e) => {
    if (e.duration >= SLOW_QUERY_MS) logger.warn({ role, durationMs: e.duration, query: e.query }, 'slow query');
  });
  prisma.$on('warn', (e) => logger.warn({ role, message: e.message }, 'prisma warning'));
  return prisma;
}

export function createDb(opts: { url: string; replicaUrl?: string | undefined; logger: Logger }) {
  const primary = client(opts.url, opts.logger, 'primary');
@@{read-replica
  const replica = opts.replicaUrl ? client(opts.replicaUrl, opts.logger, 'replica') : primary;
  return primary.$extends(readReplicas({ replicas: [replica] }));
@@}
@@!read-replica@@  return primary;
}

export type Db = ReturnType<typeof createDb>;
`;

export const PAGINATION_TS = `// Cursor pagination: fetch limit + 1 rows; the extra row's id is the next cursor.
export function pageOf<Row extends { id: string }, Item>(rows: Row[], limit: number, map: (r: Row) => Item): { items: Item[]; nextCursor?: string } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return more ? { items: page.map(map), nextCursor: page[page.length - 1]!.id } : { items: page.map(map) };
}
`;

export const REDIS_TS = `// Redis connections: one for BullMQ (blocking commands, no per-command retry limit) and one
// for sessions and rate limits.
import { Redis } from 'ioredis';

export function createRedis(url: string, purpose: 'queues' | 'cache'): Redis {
  return new Redis(url, {
    connectionName: \`meridian-\${purpose}\`,
    maxRetriesPerRequest: purpose === 'queues' ? null : 3,
    enableReadyCheck: true,
  });
}

let shared: Redis | undefined;

/** The cache connection of this process (sessions, rate limits). */
export function sharedRedis(): Redis {
  return (shared ??= createRedis(process.env.REDIS_URL ?? 'redis://localhost:6379', 'cache'));
}
`;

export const QUEUES_TS = `// BullMQ queues. Defaults every producer gets: retries with exponential backoff, bounded
// history. Jobs that exhaust their attempts move to the dead-letter queue (worker-runtime.ts).
import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
@@queue-metrics@@import { queueJobs } from './metrics.js';

export const QUEUE_NAMES = {
  emails: 'notifications-email',
@@billing@@  invoices: 'billing-invoices',
@@billing@@  pspEvents: 'billing-psp-events',
@@billing@@  exports: 'billing-exports',
@@catalog-imports@@  imports: 'catalog-imports',
@@dead-letter@@  deadLetter: 'dead-letter',
} as const;

export type QueueName = keyof typeof QUEUE_NAMES;

export const defaultJobOptions: DefaultJobOptions = {
@@tw:queue-attempts@@  attempts: 6,
@@!tw:queue-attempts@@  attempts: 3,
@@tw:queue-backoff@@  backoff: { type: 'exponential', delay: 2_000 },
@@!tw:queue-backoff@@  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
@@tw:queue-keep-failed@@  removeOnFail: { age: 14 * 24 * 3600 },
@@!tw:queue-keep-failed@@  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createQueues(connection: Redis): Record<QueueName, Queue> {
  const entries = Object.entries(QUEUE_NAMES).map(([key, name]) => [key, new Queue(name, { connection, defaultJobOptions })] as const);
  return Object.fromEntries(entries) as Record<QueueName, Queue>;
}
@@{queue-metrics

/** Queue depth, read at scrape time (no timers): alerting and KEDA both use these series. */
export function registerQueueMetrics(queues: Record<QueueName, Queue>): void {
  queueJobs.collect = async function collect() {
    for (const q of Object.values(queues)) {
      const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed');
      for (const [state, n] of Object.entries(counts)) this.set({ queue: q.name, state }, n);
    }
  };
}
@@}

export async function closeQueues(queues: Record<QueueName, Queue>): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}
`;

export const WORKER_RUNTIME_TS = `// Worker plumbing shared by every processor: concurrency, metrics, logging with the job's
// correlation id, and the dead-letter queue for jobs that exhausted their retries.
@@dead-letter@@import { Worker, type Job, type Processor, type Queue } from 'bullmq';
@@!dead-letter@@import { Worker, type Job, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';
@@queue-metrics@@import { jobDuration } from './metrics.js';

export interface WorkerOptions {
  connection: Redis;
@@dead-letter@@  deadLetter: Queue;
  logger: Logger;
  concurrency?: number;
}

export function startWorker<T>(queueName: string, processor: Processor<T>, opts: WorkerOptions): Worker<T> {
  const log = opts.logger.child({ queue: queueName });
  const worker = new Worker<T>(
    queueName,
    async (job: Job<T>) => {
@@queue-metrics@@      const end = jobDuration.startTimer({ queue: queueName });
      try {
        const result = await processor(job);
@@queue-metrics@@        end({ outcome: 'completed' });
        return result;
      } catch (err) {
@@queue-metrics@@        end({ outcome: 'failed' });
        throw err;
      }
    },
@@tw:worker-concurrency@@    { connection: opts.connection, concurrency: opts.concurrency ?? 5, autorun: true },
@@!tw:worker-concurrency@@    { connection: opts.connection, concurrency: opts.concurrency ?? 10, autorun: true },
  );
  worker.on('failed', async (job, err) => {
    if (!job) return;
    log.warn({ jobId: job.id, name: job.name, attemptsMade: job.attemptsMade, err }, 'job failed');
@@{dead-letter
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) {
      // Exhausted: park it in the dead-letter queue with everything needed to replay it.
      await opts.deadLetter.add(
        \`\${queueName}:\${job.name}\`,
        { queue: queueName, name: job.name, data: job.data, failedReason: err.message, attemptsMade: job.attemptsMade },
        { jobId: \`\${queueName}:\${job.id}\`, attempts: 1, removeOnComplete: false },
      );
      log.error({ jobId: job.id, name: job.name }, 'job moved to the dead-letter queue');
    }
@@}
  });
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  return worker;
}
`;

export const STORAGE_TS = `// Object storage (S3): presigned URLs so large files never pass through the API pods.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export function createStorage(opts: { bucket: string; region: string; publicBaseUrl: string }) {
  const s3 = new S3Client({ region: opts.region });
  return {
    signedGetUrl: (key: string, ttlSeconds: number) => getSignedUrl(s3, new GetObjectCommand({ Bucket: opts.bucket, Key: key }), { expiresIn: ttlSeconds }),
    signedPutUrl: (key: string, contentType: string, bytes: number, ttlSeconds: number) =>
      getSignedUrl(s3, new PutObjectCommand({ Bucket: opts.bucket, Key: key, ContentType: contentType, ContentLength: bytes }), { expiresIn: ttlSeconds }),
    publicUrl: (key: string) => \`\${opts.publicBaseUrl}/\${key}\`,
    async put(key: string, body: string, contentType: string) {
      await s3.send(new PutObjectCommand({ Bucket: opts.bucket, Key: key, Body: body, ContentType: contentType, ServerSideEncryption: 'aws:kms' }));
    },
    async getText(key: string) {
      const out = await s3.send(new GetObjectCommand({ Bucket: opts.bucket, Key: key }));
      return (await out.Body?.transformToString('utf8')) ?? '';
    },
  };
}

export type ObjectStorage = ReturnType<typeof createStorage>;
`;

export const ERRORS_TS = `// Errors as RFC 9457 problem details. Handlers throw these; errorHandler() renders them and
// hides everything else behind a 500 with the request id.
import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import type { Logger } from './logger.js';
@@correlation-ids@@import { currentRequestId } from './request-context.js';

export class HttpError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(status: number, title: string, detail?: string) {
    super(detail ?? title);
    this.status = status;
    this.title = title;
  }
}

export class BadRequest extends HttpError {
  constructor(detail?: string) {
    super(400, 'Bad Request', detail);
  }
}
export class Unauthorized extends HttpError {
  constructor(detail?: string) {
    super(401, 'Unauthorized', detail);
  }
}
export class Forbidden extends HttpError {
  constructor(detail?: string) {
    super(403, 'Forbidden', detail);
  }
}
export class NotFound extends HttpError {
  constructor(what: string) {
    super(404, 'Not Found', \`\${what} not found\`);
  }
}
export class Conflict extends HttpError {
  constructor(detail?: string) {
    super(409, 'Conflict', detail);
  }
}
export class Gone extends HttpError {
  constructor(detail?: string) {
    super(410, 'Gone', detail);
  }
}

export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
@@correlation-ids@@    const requestId = currentRequestId();
@@!correlation-ids@@    const requestId = undefined;
    if (err instanceof ZodError) {
      res.status(400).type('application/problem+json').json({ type: 'about:blank', title: 'Bad Request', status: 400, detail: err.issues.map((i) => \`\${i.path.join('.')}: \${i.message}\`).join('; '), requestId });
      return;
    }
    if (err instanceof HttpError) {
      res.status(err.status).type('application/problem+json').json({ type: 'about:blank', title: err.title, status: err.status, detail: err.message, instance: req.originalUrl, requestId });
      return;
    }
    logger.error({ err, path: req.originalUrl }, 'unhandled error');
    res.status(500).type('application/problem+json').json({ type: 'about:blank', title: 'Internal Server Error', status: 500, requestId });
  };
}
`;

export const VALIDATE_TS = `// Request validation with the same zod schemas that generate the OpenAPI document.
import type { NextFunction, Request, Response } from 'express';
import type { ZodType } from 'zod';

export function validate(schemas: { params?: ZodType; query?: ZodType; body?: ZodType }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (schemas.params) req.params = schemas.params.parse(req.params) as Request['params'];
    // Express 5 exposes req.query read-only: the parsed query goes to res.locals.
    if (schemas.query) res.locals.query = schemas.query.parse(req.query);
    if (schemas.body) req.body = schemas.body.parse(req.body);
    next();
  };
}
`;

export const AUTH_TS = `// Authentication of API calls: a bearer access token (or the dashboard session) and the scope
// the route needs.
import type { NextFunction, Request, Response } from 'express';
import { Forbidden, Unauthorized } from './errors.js';
@@correlation-ids@@import { requestContext } from './request-context.js';

export interface AuthContext {
  userId: string;
  orgId: string;
  sessionId: string;
  scopes: string[];
}

declare module 'express-serve-static-core' {
  interface Request {
    auth: AuthContext;
  }
}

export type AccessTokenVerifier = (jwt: string) => Promise<AuthContext>;

let verify: AccessTokenVerifier | undefined;

export function useAccessTokenVerifier(v: AccessTokenVerifier): void {
  verify = v;
}

export function requireAuth(scope: string) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
@@sessions@@    const fromSession = req.session?.auth as AuthContext | undefined;
@@sessions@@    const auth = bearer && verify ? await verify(bearer).catch(() => undefined) : fromSession;
@@!sessions@@    const auth = bearer && verify ? await verify(bearer).catch(() => undefined) : undefined;
    if (!auth) throw new Unauthorized('missing or invalid access token');
    if (!auth.scopes.includes(scope)) throw new Forbidden(\`requires scope \${scope}\`);
    req.auth = auth;
@@{correlation-ids
    const ctx = requestContext.getStore();
    if (ctx) ctx.orgId = auth.orgId;
@@}
    next();
  };
}
`;

export const IDEMPOTENCY_TS = `// Idempotency-Key support for POST/PUT endpoints with side effects. The first response for a
// key is stored for 24 hours and replayed for retries; a retry with a different body is a 422.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Db } from './db.js';

const keyStore = new AsyncLocalStorage<string>();
let db: Db | undefined;

export function useIdempotencyStore(d: Db): void {
  db = d;
}

export function currentIdempotencyKey(): string | undefined {
  return keyStore.getStore();
}

const KEY = /^[\\w-]{16,128}$/;

export function idempotent() {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const key = req.get('idempotency-key');
    if (!key) return next();
    if (!KEY.test(key)) {
      res.status(400).json({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Idempotency-Key must be 16-128 characters [A-Za-z0-9_-]' });
      return;
    }
    const scope = \`\${req.auth?.orgId ?? 'anonymous'}:\${req.method}:\${req.baseUrl}\${req.path}\`;
    const fingerprint = createHash('sha256').update(JSON.stringify(req.body ?? null)).digest('hex');
    const existing = await db!.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        res.status(422).json({ type: 'about:blank', title: 'Unprocessable Content', status: 422, detail: 'Idempotency-Key reused with a different request' });
        return;
      }
      if (existing.responseStatus !== null) {
        res.setHeader('idempotent-replayed', 'true');
        res.status(existing.responseStatus).json(existing.responseBody);
        return;
      }
      res.status(409).json({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'A request with this Idempotency-Key is in progress' });
      return;
    }
    await db!.idempotencyKey.create({ data: { scope, key, fingerprint, expiresAt: new Date(Date.now() + 24 * 3600 * 1000) } });
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      void db!.idempotencyKey.update({ where: { scope_key: { scope, key } }, data: { responseStatus: res.statusCode, responseBody: body as object } });
      return json(body);
    };
    keyStore.run(key, next);
  };
}
`;

export const DEPRECATION_TS = `// Deprecated endpoints announce themselves (RFC 9745 Deprecation, RFC 8594 Sunset, and a Link
// to the successor) per docs/api/deprecation-policy.md, and are counted so we know who still
// calls them before the sunset date.
import type { NextFunction, Request, Response } from 'express';
import { Counter } from 'prom-client';
import { registry } from './metrics.js';

const calls = new Counter({
  name: 'meridian_deprecated_endpoint_calls_total',
  help: 'Calls to deprecated endpoints by route and organization',
  labelNames: ['route', 'org'] as const,
  registers: [registry],
});

export function deprecated(opts: { sunset: string; successor: string }) {
  const sunset = new Date(\`\${opts.sunset}T00:00:00Z\`).toUTCString();
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Deprecation', 'true');
    res.setHeader('Sunset', sunset);
    res.setHeader('Link', \`<\${opts.successor}>; rel="successor-version"\`);
    calls.inc({ route: req.route?.path ?? req.path, org: req.auth?.orgId ?? 'anonymous' });
    next();
  };
}
`;

export const RATE_LIMIT_TS = `// Rate limits, counted in Redis so every replica shares them. Authentication endpoints are
// limited per IP and account; cost-bearing endpoints (exports, imports) per organization.
import type { Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import { sharedRedis } from './redis.js';

const store = (prefix: string) =>
  new RedisStore({ prefix, sendCommand: (command: string, ...args: string[]) => sharedRedis().call(command, ...args) as never });

const byOrg = (req: Request): string => req.auth?.orgId ?? ipKeyGenerator(req.ip ?? '');

/** /v1/auth/*: credential stuffing and reset-mail abuse. */
export const authLimiter = rateLimit({
  windowMs: 15 * 60 * 1000,
@@tw:auth-limit@@  limit: 10,
@@!tw:auth-limit@@  limit: 30,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  keyGenerator: (req) => \`\${ipKeyGenerator(req.ip ?? '')}:\${String(req.body?.email ?? '').toLowerCase()}\`,
  store: store('rl:auth:'),
});

/** Everything else: a per-organization budget that protects the database from one tenant. */
export const apiLimiter = rateLimit({
  windowMs: 60 * 1000,
@@tw:api-limit@@  limit: 1200,
@@!tw:api-limit@@  limit: 600,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  keyGenerator: byOrg,
  store: store('rl:api:'),
});

/** Exports and imports: each one scans a lot of rows. */
export const exportLimiter = rateLimit({
  windowMs: 60 * 60 * 1000,
  limit: 10,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  keyGenerator: byOrg,
  store: store('rl:export:'),
});
`;

export const SESSION_TS = `// Dashboard sessions in Redis (connect-redis): any replica can serve any request.
import { RedisStore } from 'connect-redis';
import session from 'express-session';
import type { Redis } from 'ioredis';

export function sessions(opts: { redis: Redis; secret: string; secure: boolean }) {
  return session({
    store: new RedisStore({ client: opts.redis, prefix: 'sess:' }),
    name: 'meridian.sid',
    secret: opts.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, secure: opts.secure, sameSite: 'lax', maxAge: 8 * 3600 * 1000 },
  });
}
`;

export const HEALTH_TS = `// Liveness: the process answers. Readiness: it can reach what it needs; a failing dependency
// takes the pod out of the Service instead of serving errors.
import type { Redis } from 'ioredis';
import type { Db } from './db.js';
import { withTimeout } from './timeout.js';

export interface HealthDeps {
  db: Db;
  redis: Redis;
}

let shuttingDown = false;

export function markShuttingDown(): void {
  shuttingDown = true;
}

export async function readiness(deps: HealthDeps): Promise<{ ok: boolean; checks: Record<string, string> }> {
  if (shuttingDown) return { ok: false, checks: { process: 'shutting down' } };
  const checks: Record<string, string> = {};
  const timed = async (name: string, fn: () => Promise<unknown>) => {
    try {
      await withTimeout(fn(), 1_000);
      checks[name] = 'ok';
    } catch (e) {
      checks[name] = (e as Error).message;
    }
  };
  await Promise.all([timed('postgres', () => deps.db.$executeRaw\`SELECT 1\`), timed('redis', () => deps.redis.ping())]);
  return { ok: Object.values(checks).every((c) => c === 'ok'), checks };
}
`;

export const OPENAPI_TS = `// The OpenAPI registry: modules register their paths with the zod schemas they validate with,
// and src/openapi/generate.ts writes openapi.yaml from it.
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };

export const registry = new OpenAPIRegistry();

registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });

const ERRORS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  402: 'PaymentRequired',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Gone',
  429: 'TooManyRequests',
};

export function errorResponses(extra: readonly number[]) {
  const codes = new Set([400, 401, 403, ...extra]);
  return Object.fromEntries([...codes].sort().map((c) => [c, { $ref: \`#/components/responses/\${ERRORS[c]}\` }]));
}

export function buildDocument() {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Meridian Platform API', version: 'v1', description: 'See docs/api/deprecation-policy.md for versioning.' },
    servers: [{ url: 'https://api.meridian.example' }, { url: 'https://api.staging.meridian.example' }],
  });
}
`;

export const SHARED_SCHEMAS_TS = `// Schemas shared by every module.
@@openapi@@import { z } from './openapi.js';
@@!openapi@@import { z } from 'zod';
@@{openapi

export const Problem = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.number().int().min(100).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');
@@}

export const PageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().optional(),
@@openapi@@  })
@@openapi@@  .openapi('PageQuery');
@@!openapi@@  });
export type PageQuery = z.infer<typeof PageQuery>;
`;

export const OPENAPI_GENERATE_TS = `// npm run openapi:generate: writes openapi.yaml from the registrations of every module.
// CI runs it and fails when the committed file differs (the spec is generated, never edited).
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
@@ep:billing.listPlans@@import { registerBillingPaths } from '../modules/billing/index.js';
@@ep:catalog.listProducts@@import { registerCatalogPaths } from '../modules/catalog/index.js';
import { registerIdentityPaths } from '../modules/identity/index.js';
import { buildDocument } from '../platform/openapi.js';

registerIdentityPaths();
@@ep:billing.listPlans@@registerBillingPaths();
@@ep:catalog.listProducts@@registerCatalogPaths();

const header = '# Generated by \`npm run openapi:generate\` from the route registrations in src/modules/*/openapi.ts.\\n# Do not edit: CI regenerates it and fails when this file differs.\\n';
writeFileSync(new URL('../../openapi.yaml', import.meta.url), header + stringify(buildDocument(), { lineWidth: 0 }));
process.stdout.write('openapi.yaml written\\n');
`;

export const APP_TS = `// The HTTP application: security middleware, observability, then the module routers. No
// listening here (server.ts does it), so tests drive it with supertest.
import cors from 'cors';
import express, { type Express } from 'express';
@@security-headers@@import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.js';
@@billing@@import type { createBillingModule } from './modules/billing/index.js';
@@catalog@@import type { createCatalogModule } from './modules/catalog/index.js';
@@identity@@import type { createIdentityModule } from './modules/identity/index.js';
@@identity@@import { useAccessTokenVerifier } from './platform/auth.js';
import { errorHandler } from './platform/errors.js';
@@health@@import { readiness, type HealthDeps } from './platform/health.js';
import type { Logger } from './platform/logger.js';
@@metrics@@import { httpMetrics } from './platform/metrics.js';
@@rate-limit@@import { apiLimiter, authLimiter } from './platform/rate-limit.js';
@@correlation-ids@@import { correlation, currentRequestId } from './platform/request-context.js';
@@sessions@@import { sessions } from './platform/session.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
@@health@@  health: HealthDeps;
@@sessions@@  redis: HealthDeps['redis'];
@@identity@@  identity: ReturnType<typeof createIdentityModule>;
@@billing@@  billing: ReturnType<typeof createBillingModule>;
@@catalog@@  catalog: ReturnType<typeof createCatalogModule>;
}

const PSP_WEBHOOK = '/v1/billing/webhooks/psp';

export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);

@@security-headers@@  app.use(helmet());
@@{cors-allowlist
  app.use(
    cors({
      // Only our own front-ends; the list comes from configuration per environment.
      origin: config.corsAllowedOrigins,
      credentials: true,
      maxAge: 600,
    }),
  );
@@}
@@correlation-ids@@  app.use(correlation());
  app.use(
    pinoHttp({
      logger,
@@correlation-ids@@      genReqId: (req, res) => currentRequestId() ?? String(res.getHeader('x-request-id') ?? ''),
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
@@metrics@@  app.use(httpMetrics());
  // The PSP webhook needs the raw body for its signature; everything else is JSON.
  const json = express.json({ limit: '1mb' });
  app.use((req, res, next) => (req.path === PSP_WEBHOOK ? next() : json(req, res, next)));
@@sessions@@  app.use(sessions({ redis: deps.redis, secret: config.sessionSecret, secure: config.env === 'production' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
@@{health
  app.get('/readyz', async (_req, res) => {
    const r = await readiness(deps.health);
    res.status(r.ok ? 200 : 503).json(r);
  });
@@}

@@rate-limit@@  app.use('/v1/auth', authLimiter);
@@rate-limit@@  app.use('/v1', apiLimiter);
@@{identity
  useAccessTokenVerifier(async (jwt) => {
    const c = await deps.identity.tokens.verifyAccess(jwt);
    return { userId: c.userId, orgId: c.orgId, sessionId: c.sessionId, scopes: c.scopes };
  });
  app.use(deps.identity.router);
@@}
@@billing@@  app.use(deps.billing.router);
@@catalog@@  app.use(deps.catalog.router);

  app.use((_req, res) => {
    res.status(404).type('application/problem+json').json({ type: 'about:blank', title: 'Not Found', status: 404 });
  });
  app.use(errorHandler(logger));
  return app;
}
`;

export const SERVER_TS = `// The API process: tracing first, then configuration, dependencies, the HTTP server, the ops
// server (metrics, queue dashboard) and a graceful shutdown on SIGTERM.
@@tracing@@import { shutdownTracing } from './platform/tracing.js';
@@queue-dashboard@@import { createBullBoard } from '@bull-board/api';
@@queue-dashboard@@import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
@@queue-dashboard@@import { ExpressAdapter } from '@bull-board/express';
@@metrics@@import express from 'express';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
@@billing@@import { createBillingModule } from './modules/billing/index.js';
@@catalog@@import { createCatalogModule } from './modules/catalog/index.js';
@@identity@@import { createIdentityModule } from './modules/identity/index.js';
@@db@@import { createDb } from './platform/db.js';
@@health@@import { markShuttingDown } from './platform/health.js';
@@idempotency@@import { useIdempotencyStore } from './platform/idempotency.js';
import { logger } from './platform/logger.js';
@@metrics@@import { registry } from './platform/metrics.js';
@@queues@@import { closeQueues, createQueues, registerQueueMetrics } from './platform/queues.js';
@@redis@@import { createRedis, sharedRedis } from './platform/redis.js';
@@object-storage@@import { createStorage } from './platform/storage.js';

const config = await loadConfig();
@@db@@const db = createDb({ url: config.databaseUrl, replicaUrl: config.databaseReplicaUrl, logger });
@@redis@@const redis = sharedRedis();
@@queues@@const queueConnection = createRedis(config.redisUrl, 'queues');
@@queues@@const queues = createQueues(queueConnection);
@@queue-metrics@@registerQueueMetrics(queues);
@@idempotency@@useIdempotencyStore(db);
@@object-storage@@const storage = createStorage({ bucket: config.assetsBucket, region: config.awsRegion, publicBaseUrl: 'https://assets.meridian.example' });

@@identity@@const identity = createIdentityModule({ db, emails: queues.emails, keys: config.signingKeys, logger });
@@billing@@const billing = createBillingModule({ db, queues: { invoices: queues.invoices, pspEvents: queues.pspEvents, exports: queues.exports }, storage, psp: config.psp, audit: identity.audit, logger });
@@catalog@@const catalog = createCatalogModule({ db, queues: { imports: queues.imports }, storage, logger });

const app = createApp({
  config,
  logger,
@@health@@  health: { db, redis },
@@sessions@@  redis,
@@identity@@  identity,
@@billing@@  billing,
@@catalog@@  catalog,
});
const server = app.listen(config.port, () => logger.info({ port: config.port }, 'api listening'));
@@{tw:keepalive
// Longer than the load balancer's idle timeout, so it never reuses a socket we just closed.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
@@}
@@{metrics

// Ops port: not exposed through the ingress.
const ops = express();
ops.get('/metrics', async (_req, res) => {
  res.type(registry.contentType).send(await registry.metrics());
});
@@{queue-dashboard
const board = new ExpressAdapter();
board.setBasePath('/queues');
createBullBoard({ queues: Object.values(queues).map((q) => new BullMQAdapter(q, { readOnlyMode: config.env === 'production' })), serverAdapter: board });
ops.use('/queues', board.getRouter());
@@}
const opsServer = ops.listen(config.opsPort, () => logger.info({ port: config.opsPort }, 'ops listening'));
@@}
@@{graceful-shutdown

// SIGTERM from Kubernetes: fail readiness, stop accepting connections, let in-flight requests
// finish, then close queues, Redis and the database. A hard deadline covers anything stuck.
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
@@health@@  markShuttingDown();
  setTimeout(() => {
    logger.error('shutdown deadline exceeded, exiting');
    process.exit(1);
  }, config.shutdownGraceMs).unref();
  await new Promise<void>((resolve) => server.close(() => resolve()));
@@metrics@@  opsServer.close();
@@queues@@  await closeQueues(queues);
@@redis@@  await Promise.allSettled([redis.quit(), queueConnection.quit()]);
@@db@@  await db.$disconnect();
@@tracing@@  await shutdownTracing();
  logger.info('shutdown complete');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
@@}
`;

export const WORKER_TS = `// The worker process: runs the queue processors of every module. Scaled by KEDA on queue depth.
@@tracing@@import { shutdownTracing } from './platform/tracing.js';
import { loadConfig } from './config.js';
@@billing-jobs@@import { billingProcessors } from './modules/billing/index.js';
@@billing-jobs@@import { billingRepository } from './modules/billing/repository.js';
@@catalog-imports@@import { catalogProcessors } from './modules/catalog/index.js';
import { createDb } from './platform/db.js';
import { sendEmail } from './platform/email.js';
import { logger } from './platform/logger.js';
import { closeQueues, createQueues, QUEUE_NAMES } from './platform/queues.js';
import { createRedis } from './platform/redis.js';
@@object-storage@@import { createStorage } from './platform/storage.js';
import { startWorker } from './platform/worker-runtime.js';

const config = await loadConfig();
const db = createDb({ url: config.databaseUrl, replicaUrl: config.databaseReplicaUrl, logger });
const connection = createRedis(config.redisUrl, 'queues');
const queues = createQueues(connection);
@@object-storage@@const storage = createStorage({ bucket: config.assetsBucket, region: config.awsRegion, publicBaseUrl: 'https://assets.meridian.example' });
@@dead-letter@@const opts = { connection, deadLetter: queues.deadLetter, logger };
@@!dead-letter@@const opts = { connection, logger };

@@billing-jobs@@const billing = billingProcessors({ db, repo: billingRepository(db), storage, logger });
@@catalog-imports@@const catalog = catalogProcessors({ db, storage, logger });

const workers = [
  startWorker(QUEUE_NAMES.emails, (job) => sendEmail(job.data), { ...opts, concurrency: 10 }),
@@billing-jobs@@  startWorker(QUEUE_NAMES.invoices, billing.invoices, opts),
@@billing-jobs@@  startWorker(QUEUE_NAMES.pspEvents, billing.pspEvents, { ...opts, concurrency: 20 }),
@@billing-jobs@@  startWorker(QUEUE_NAMES.exports, billing.exports, { ...opts, concurrency: 2 }),
@@catalog-imports@@  startWorker(QUEUE_NAMES.imports, catalog.imports, { ...opts, concurrency: 2 }),
];
logger.info({ queues: workers.map((w) => w.name) }, 'workers started');

// SIGTERM: stop taking jobs and wait for the running ones (BullMQ returns them to the queue if
// the deadline passes, and they are retried elsewhere).
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining workers');
  setTimeout(() => process.exit(1), config.shutdownGraceMs).unref();
  await Promise.all(workers.map((w) => w.close()));
  await closeQueues(queues);
  await connection.quit();
  await db.$disconnect();
@@tracing@@  await shutdownTracing();
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
`;

export const EMAIL_TS = `// Transactional email through Amazon SES (SMTP interface), sent only by the worker.
import nodemailer from 'nodemailer';
import { logger } from './logger.js';

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST ?? 'localhost',
  port: Number(process.env.SMTP_PORT ?? 1025),
  secure: process.env.SMTP_PORT === '465',
  auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } : undefined,
});

const SUBJECTS: Record<string, string> = {
  'password-reset': 'Reset your Meridian password',
  invitation: "You've been invited to Meridian",
};

export async function sendEmail(m: { to: string; template: string; link?: string }): Promise<void> {
  const base = process.env.DASHBOARD_URL ?? 'http://localhost:5173';
  await transport.sendMail({
    from: 'Meridian <no-reply@meridian.example>',
    to: m.to,
    subject: SUBJECTS[m.template] ?? 'Meridian',
    text: m.link ? \`\${base}/\${m.template}?t=\${encodeURIComponent(m.link)}\` : '',
  });
  logger.info({ template: m.template }, 'email sent');
}
`;

export const TIMEOUT_TS = `// A deadline for promises that take no AbortSignal.
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(\`timed out after \${ms} ms\`)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
`;
