// src/modules/billing/**: plans, subscriptions, invoices, payments through the PSP, exports.

export const BILLING_INDEX = `// Public API of the billing module.
import type { Queue } from 'bullmq';
import type { Db } from '../../platform/db.js';
import type { Logger } from '../../platform/logger.js';
import type { ObjectStorage } from '../../platform/storage.js';
import type { AuditLog } from '../identity/index.js';
import { billingRouter } from './http.js';
import { createPspClient, type PspConfig } from './internal/psp-client.js';
import { billingRepository } from './repository.js';
import { BillingService } from './service.js';

export { BillingService } from './service.js';
@@openapi@@export { registerBillingPaths } from './openapi.js';
@@billing-jobs@@export { billingProcessors } from './internal/workers.js';

export interface BillingModuleDeps {
  db: Db;
  queues: { invoices: Queue; pspEvents: Queue; exports: Queue };
  storage: ObjectStorage;
  psp: PspConfig;
  audit: AuditLog;
  logger: Logger;
}

export function createBillingModule(deps: BillingModuleDeps) {
  const repo = billingRepository(deps.db);
  const psp = createPspClient(deps.psp, deps.logger);
  const service = new BillingService({ repo, psp, queues: deps.queues, storage: deps.storage, audit: deps.audit, logger: deps.logger });
  return { service, psp, repo, router: billingRouter(service) };
}
`;

export const BILLING_SERVICE = `// Billing use cases. Money moves only through the PSP client (retries, timeouts, circuit
// breaker, idempotency keys); anything slow or retryable goes through a queue.
import type { Queue } from 'bullmq';
import type { AuthContext } from '../../platform/auth.js';
import { BadRequest, Conflict, NotFound } from '../../platform/errors.js';
import { currentIdempotencyKey } from '../../platform/idempotency.js';
import type { Logger } from '../../platform/logger.js';
import type { ObjectStorage } from '../../platform/storage.js';
import type { AuditLog } from '../identity/index.js';
import type { PspClient } from './internal/psp-client.js';
import { verifyWebhookSignature } from './internal/webhook-signature.js';
import type { BillingRepository } from './repository.js';
import type * as S from './schemas.js';

export interface BillingServiceDeps {
  repo: BillingRepository;
  psp: PspClient;
  queues: { invoices: Queue; pspEvents: Queue; exports: Queue };
  storage: ObjectStorage;
  audit: AuditLog;
  logger: Logger;
}

@@{tw:billing-pdf-ttl
const PDF_LINK_TTL_SECONDS = 300;
@@}
@@{!tw:billing-pdf-ttl
const PDF_LINK_TTL_SECONDS = 3600;
@@}

export class BillingService {
  readonly #d: BillingServiceDeps;

  constructor(deps: BillingServiceDeps) {
    this.#d = deps;
  }
@@{ep:billing.listPlans

  listPlans(): Promise<S.PlanList> {
    return this.#d.repo.plans();
  }
@@}
@@{ep:billing.getSubscription

  async getSubscription(auth: AuthContext): Promise<S.Subscription> {
    const sub = await this.#d.repo.subscription(auth.orgId);
    if (!sub) throw new NotFound('subscription');
    return sub;
  }
@@}
@@{ep:billing.changePlan

  async changePlan(auth: AuthContext, input: S.ChangePlanRequest): Promise<S.Subscription> {
    const plan = await this.#d.repo.plan(input.planId);
    if (!plan) throw new BadRequest(\`unknown plan \${input.planId}\`);
    const method = input.paymentMethodId ?? (await this.#d.repo.defaultPaymentMethod(auth.orgId))?.id;
    if (!method) throw new Conflict('add a payment method first');
    const sub = await this.#d.repo.upsertSubscription(auth.orgId, plan.id, method);
    await this.#d.queues.invoices.add('prorate', { orgId: auth.orgId, subscriptionId: sub.id }, { jobId: \`prorate:\${sub.id}:\${currentIdempotencyKey() ?? sub.updatedAt}\` });
    await this.#d.audit.record({ action: 'billing.plan_changed', actorId: auth.userId, orgId: auth.orgId, targetType: 'subscription', targetId: sub.id, details: { planId: plan.id } });
    return sub;
  }
@@}
@@{ep:billing.cancelSubscription

  async cancelSubscription(auth: AuthContext): Promise<S.Subscription> {
    const sub = await this.#d.repo.cancelAtPeriodEnd(auth.orgId);
    if (!sub) throw new NotFound('subscription');
    await this.#d.audit.record({ action: 'billing.subscription_canceled', actorId: auth.userId, orgId: auth.orgId, targetType: 'subscription', targetId: sub.id });
    return sub;
  }
@@}
@@{ep:billing.listInvoices

  listInvoices(auth: AuthContext, q: S.InvoiceQuery): Promise<S.InvoicePage> {
    return this.#d.repo.invoices(auth.orgId, q);
  }
@@}
@@{ep:billing.getInvoice

  async getInvoice(auth: AuthContext, invoiceId: string): Promise<S.Invoice> {
    const invoice = await this.#d.repo.invoice(auth.orgId, invoiceId);
    if (!invoice) throw new NotFound('invoice');
    return invoice;
  }
@@}
@@{ep:billing.getInvoicePdf

  async invoicePdfLink(auth: AuthContext, invoiceId: string): Promise<S.DownloadLink> {
    const invoice = await this.#d.repo.invoice(auth.orgId, invoiceId);
    if (!invoice) throw new NotFound('invoice');
    const url = await this.#d.storage.signedGetUrl(\`invoices/\${auth.orgId}/\${invoice.number}.pdf\`, PDF_LINK_TTL_SECONDS);
    return { url, expiresAt: new Date(Date.now() + PDF_LINK_TTL_SECONDS * 1000).toISOString() };
  }
@@}
@@{ep:billing.payInvoice

  async payInvoice(auth: AuthContext, invoiceId: string, input: S.CreatePaymentRequest): Promise<S.Payment> {
    const invoice = await this.#d.repo.invoice(auth.orgId, invoiceId);
    if (!invoice) throw new NotFound('invoice');
    if (invoice.status !== 'open') throw new Conflict(\`invoice is \${invoice.status}\`);
    const method = await this.#d.repo.paymentMethod(auth.orgId, input.paymentMethodId);
    if (!method) throw new NotFound('payment method');
    // The same key reaches the PSP: a retried request never charges twice.
    const key = currentIdempotencyKey() ?? \`invoice:\${invoice.id}:attempt:\${invoice.paymentAttempts + 1}\`;
    const charge = await this.#d.psp.charge({ amount: invoice.total, paymentMethodRef: method.pspRef, reference: invoice.number, idempotencyKey: key });
    const payment = await this.#d.repo.recordPayment(invoice.id, charge);
    await this.#d.audit.record({ action: 'billing.invoice_paid', actorId: auth.userId, orgId: auth.orgId, targetType: 'invoice', targetId: invoice.id, details: { paymentId: payment.id } });
    return payment;
  }
@@}
@@{ep:billing.voidInvoice

  async voidInvoice(auth: AuthContext, invoiceId: string): Promise<S.Invoice> {
    const invoice = await this.#d.repo.invoice(auth.orgId, invoiceId);
    if (!invoice) throw new NotFound('invoice');
    if (invoice.status !== 'open' && invoice.status !== 'draft') throw new Conflict(\`cannot void a \${invoice.status} invoice\`);
    const voided = await this.#d.repo.setInvoiceStatus(invoice.id, 'void');
    await this.#d.audit.record({ action: 'billing.invoice_voided', actorId: auth.userId, orgId: auth.orgId, targetType: 'invoice', targetId: invoice.id });
    return voided;
  }
@@}
@@{ep:billing.createInvoiceExport

  async startExport(auth: AuthContext, input: S.CreateExportRequest): Promise<S.ExportJob> {
    const job = await this.#d.repo.createExport(auth.orgId, input);
    await this.#d.queues.exports.add('invoice-export', { exportId: job.id, orgId: auth.orgId }, { jobId: \`invoice-export:\${job.id}\` });
    return job;
  }
@@}
@@{ep:billing.getInvoiceExport

  async getExport(auth: AuthContext, exportId: string): Promise<S.ExportJob> {
    const job = await this.#d.repo.export(auth.orgId, exportId);
    if (!job) throw new NotFound('export');
    return job;
  }
@@}
@@{ep:billing.listPaymentMethods

  async listPaymentMethods(auth: AuthContext): Promise<S.PaymentMethodList> {
    return { items: await this.#d.repo.paymentMethods(auth.orgId) };
  }
@@}
@@{ep:billing.attachPaymentMethod

  async attachPaymentMethod(auth: AuthContext, input: S.AttachPaymentMethodRequest): Promise<S.PaymentMethod> {
    const key = currentIdempotencyKey() ?? \`attach:\${auth.orgId}:\${input.pspToken.slice(-12)}\`;
    const stored = await this.#d.psp.storePaymentMethod({ pspToken: input.pspToken, customerRef: auth.orgId, idempotencyKey: key });
    const method = await this.#d.repo.addPaymentMethod(auth.orgId, stored, input.makeDefault);
    await this.#d.audit.record({ action: 'billing.payment_method_added', actorId: auth.userId, orgId: auth.orgId, targetType: 'payment_method', targetId: method.id });
    return method;
  }
@@}
@@{ep:billing.detachPaymentMethod

  async detachPaymentMethod(auth: AuthContext, paymentMethodId: string): Promise<void> {
    const method = await this.#d.repo.paymentMethod(auth.orgId, paymentMethodId);
    if (!method) throw new NotFound('payment method');
    if (method.isDefault && (await this.#d.repo.subscription(auth.orgId))?.status === 'active') {
      throw new Conflict('the default payment method of an active subscription cannot be removed');
    }
    await this.#d.psp.detachPaymentMethod(method.pspRef);
    await this.#d.repo.removePaymentMethod(method.id);
    await this.#d.audit.record({ action: 'billing.payment_method_removed', actorId: auth.userId, orgId: auth.orgId, targetType: 'payment_method', targetId: method.id });
  }
@@}
@@{ep:billing.listCreditNotes

  listCreditNotes(auth: AuthContext, q: S.PageQuery): Promise<S.CreditNotePage> {
    return this.#d.repo.creditNotes(auth.orgId, q);
  }
@@}
@@{ep:billing.listTaxRates

  async listTaxRates(auth: AuthContext): Promise<S.TaxRateList> {
    return { items: await this.#d.repo.taxRates(auth.orgId) };
  }
@@}
@@{ep:billing.receivePspWebhook

  /** Verify, store, acknowledge: processing happens in the psp-events worker, exactly once per event id. */
  async acceptPspWebhook(signature: string, body: Buffer): Promise<void> {
    const event = verifyWebhookSignature(body, signature, this.#d.psp.webhookSigningKey());
    await this.#d.queues.pspEvents.add(event.type, event, { jobId: \`psp-event:\${event.id}\` });
  }
@@}
}
`;

export const BILLING_REPOSITORY = `// Persistence of the billing module (Prisma). Amounts are integer minor units everywhere.
import type { Db } from '../../platform/db.js';
import { pageOf } from '../../platform/pagination.js';
import type { ChargeResult, StoredPaymentMethod } from './internal/psp-client.js';
import type { CreateExportRequest, InvoiceQuery, PageQuery } from './schemas.js';

type Currency = 'EUR' | 'USD' | 'GBP';
type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

const money = (amount: number, currency: string) => ({ amount, currency: currency as Currency });

function toInvoice(i: {
  id: string;
  number: string;
  status: string;
  currency: string;
  totalAmount: number;
  taxAmount: number;
  dueAt: Date;
  paidAt: Date | null;
  paymentAttempts: number;
  lines: { description: string; quantity: number; unitAmount: number; taxRateBps: number }[];
}) {
  return {
    id: i.id,
    number: i.number,
    status: i.status as InvoiceStatus,
    total: money(i.totalAmount, i.currency),
    tax: money(i.taxAmount, i.currency),
    lines: i.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitAmount: money(l.unitAmount, i.currency), taxRate: l.taxRateBps })),
    dueAt: i.dueAt.toISOString().slice(0, 10),
    paidAt: i.paidAt?.toISOString(),
    paymentAttempts: i.paymentAttempts,
  };
}

export function billingRepository(db: Db) {
  const sub = (s: { id: string; planId: string; status: string; currentPeriodEnd: Date; cancelAtPeriodEnd: boolean; updatedAt: Date }) => ({
    id: s.id,
    planId: s.planId,
    status: s.status as 'trialing' | 'active' | 'past_due' | 'canceled',
    currentPeriodEnd: s.currentPeriodEnd.toISOString(),
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    updatedAt: s.updatedAt.toISOString(),
  });
  return {
    plans: async () => ({
      items: (await db.$replica().plan.findMany({ where: { active: true }, orderBy: { priceAmount: 'asc' } })).map((p) => ({
        id: p.id,
        name: p.name,
        price: money(p.priceAmount, p.currency),
        interval: p.interval as 'month' | 'year',
        seats: p.seats,
      })),
    }),
    plan: (id: string) => db.plan.findFirst({ where: { id, active: true } }),
    subscription: async (organizationId: string) => {
      const s = await db.subscription.findUnique({ where: { organizationId } });
      return s ? sub(s) : null;
    },
    upsertSubscription: async (organizationId: string, planId: string, paymentMethodId: string) =>
      sub(
        await db.subscription.upsert({
          where: { organizationId },
          create: { organizationId, planId, paymentMethodId, status: 'active', currentPeriodEnd: new Date(Date.now() + 30 * 86_400_000) },
          update: { planId, paymentMethodId, cancelAtPeriodEnd: false },
        }),
      ),
    cancelAtPeriodEnd: async (organizationId: string) => {
      const s = await db.subscription.update({ where: { organizationId }, data: { cancelAtPeriodEnd: true } }).catch(() => null);
      return s ? sub(s) : null;
    },
    invoices: async (organizationId: string, q: InvoiceQuery) => {
      const rows = await db.$replica().invoice.findMany({
        where: { organizationId, ...(q.status ? { status: q.status } : {}) },
        include: { lines: true },
        orderBy: { issuedAt: 'desc' },
        take: q.limit + 1,
        ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
      });
      return pageOf(rows, q.limit, toInvoice);
    },
    invoice: async (organizationId: string, id: string) => {
      const i = await db.invoice.findFirst({ where: { id, organizationId }, include: { lines: true } });
      return i ? toInvoice(i) : null;
    },
    setInvoiceStatus: async (id: string, status: InvoiceStatus) => toInvoice(await db.invoice.update({ where: { id }, data: { status }, include: { lines: true } })),
    recordPayment: async (invoiceId: string, charge: ChargeResult) => {
      const [payment] = await db.$transaction([
        db.payment.create({ data: { invoiceId, pspRef: charge.pspRef, status: charge.status, amount: charge.amount.amount, currency: charge.amount.currency } }),
        db.invoice.update({
          where: { id: invoiceId },
          data: { paymentAttempts: { increment: 1 }, ...(charge.status === 'succeeded' ? { status: 'paid', paidAt: new Date() } : {}) },
        }),
      ]);
      return { id: payment.id, invoiceId, status: payment.status as 'pending' | 'succeeded' | 'failed', amount: money(payment.amount, payment.currency), createdAt: payment.createdAt.toISOString() };
    },
    paymentMethods: async (organizationId: string) =>
      (await db.paymentMethod.findMany({ where: { organizationId, removedAt: null }, orderBy: { createdAt: 'asc' } })).map((m) => ({
        id: m.id,
        kind: m.kind as 'card' | 'sepa_debit',
        last4: m.last4,
        expiresAt: m.expiresAt?.toISOString().slice(0, 10),
        isDefault: m.isDefault,
      })),
    paymentMethod: (organizationId: string, id: string) => db.paymentMethod.findFirst({ where: { id, organizationId, removedAt: null } }),
    defaultPaymentMethod: (organizationId: string) => db.paymentMethod.findFirst({ where: { organizationId, isDefault: true, removedAt: null } }),
    addPaymentMethod: async (organizationId: string, m: StoredPaymentMethod, makeDefault: boolean) => {
      const row = await db.$transaction(async (tx) => {
        if (makeDefault) await tx.paymentMethod.updateMany({ where: { organizationId }, data: { isDefault: false } });
        return tx.paymentMethod.create({ data: { organizationId, pspRef: m.pspRef, kind: m.kind, last4: m.last4, expiresAt: m.expiresAt, isDefault: makeDefault } });
      });
      return { id: row.id, kind: row.kind as 'card' | 'sepa_debit', last4: row.last4, expiresAt: row.expiresAt?.toISOString().slice(0, 10), isDefault: row.isDefault };
    },
    removePaymentMethod: (id: string) => db.paymentMethod.update({ where: { id }, data: { removedAt: new Date() } }),
    createExport: async (organizationId: string, input: CreateExportRequest) => {
      const e = await db.invoiceExport.create({ data: { organizationId, from: new Date(input.from), to: new Date(input.to), status: 'queued' } });
      return { id: e.id, status: 'queued' as const, createdAt: e.createdAt.toISOString() };
    },
    export: async (organizationId: string, id: string) => {
      const e = await db.invoiceExport.findFirst({ where: { id, organizationId } });
      return e ? { id: e.id, status: e.status as 'queued' | 'running' | 'done' | 'failed', downloadUrl: e.downloadUrl ?? undefined, createdAt: e.createdAt.toISOString() } : null;
    },
    creditNotes: async (organizationId: string, q: PageQuery) => {
      const rows = await db.$replica().creditNote.findMany({
        where: { organizationId },
        orderBy: { issuedAt: 'desc' },
        take: q.limit + 1,
        ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
      });
      return pageOf(rows, q.limit, (c) => ({ id: c.id, invoiceId: c.invoiceId, number: c.number, total: money(c.totalAmount, c.currency), reason: c.reason, issuedAt: c.issuedAt.toISOString() }));
    },
    taxRates: async (organizationId: string) =>
      (await db.taxRate.findMany({ where: { OR: [{ organizationId }, { organizationId: null }] }, orderBy: { country: 'asc' } })).map((t) => ({ country: t.country, rate: t.rateBps, name: t.name })),
  };
}

export type BillingRepository = ReturnType<typeof billingRepository>;
`;

export const BILLING_PSP = `// Client of the payment service provider. Every call has a timeout, retries transient failures
// with exponential backoff and jitter, and goes through a circuit breaker so a PSP outage fails
// fast instead of piling up requests. Mutations carry an Idempotency-Key.
import CircuitBreaker from 'opossum';
import pRetry, { AbortError } from 'p-retry';
import type { Logger } from '../../../platform/logger.js';
import { breakerMetrics } from '../../../platform/metrics.js';

export interface PspConfig {
  baseUrl: string;
  apiKey: string;
  webhookSigningKey: string;
}

export interface ChargeResult {
  pspRef: string;
  status: 'pending' | 'succeeded' | 'failed';
  amount: { amount: number; currency: string };
}

export interface StoredPaymentMethod {
  pspRef: string;
  kind: 'card' | 'sepa_debit';
  last4: string;
  expiresAt: Date | null;
}

@@{tw:psp-timeout
const TIMEOUT_MS = 4_000;
@@}
@@{!tw:psp-timeout
const TIMEOUT_MS = 8_000;
@@}

class PspError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export function createPspClient(config: PspConfig, logger: Logger) {
  async function call<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const res = await fetch(new URL(path, config.baseUrl), {
      method,
      headers: {
        authorization: \`Bearer \${config.apiKey}\`,
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new PspError(res.status, \`PSP \${method} \${path} answered \${res.status}\`);
    return (await res.json()) as T;
  }

  // Retry only what can succeed on a second try: network errors, timeouts, 429 and 5xx.
  const withRetry = <T>(fn: () => Promise<T>, what: string) =>
    pRetry(
      async () => {
        try {
          return await fn();
        } catch (e) {
          if (e instanceof PspError && e.status < 500 && e.status !== 429) throw new AbortError(e);
          throw e;
        }
      },
      {
@@{tw:psp-retries
        retries: 4,
@@}
@@{!tw:psp-retries
        retries: 2,
@@}
        factor: 2,
        minTimeout: 200,
@@tw:psp-max-backoff@@        maxTimeout: 3_000,
@@!tw:psp-max-backoff@@        maxTimeout: 10_000,
        randomize: true,
        onFailedAttempt: ({ error, attemptNumber, retriesLeft }) =>
          logger.warn({ err: error, attemptNumber, retriesLeft, what }, 'PSP call failed, retrying'),
      },
    );

  const breaker = new CircuitBreaker(<T>(fn: () => Promise<T>) => fn(), {
    timeout: TIMEOUT_MS * 4,
    errorThresholdPercentage: 50,
    volumeThreshold: 10,
@@tw:psp-reset@@    resetTimeout: 30_000,
@@!tw:psp-reset@@    resetTimeout: 60_000,
    name: 'psp',
  });
  breakerMetrics(breaker);
  breaker.on('open', () => logger.error({ breaker: 'psp' }, 'circuit opened: PSP calls fail fast'));
  breaker.on('close', () => logger.info({ breaker: 'psp' }, 'circuit closed'));

  const guarded = <T>(what: string, fn: () => Promise<T>): Promise<T> => breaker.fire(() => withRetry(fn, what)) as Promise<T>;

  return {
    charge: (c: { amount: { amount: number; currency: string }; paymentMethodRef: string; reference: string; idempotencyKey: string }) =>
      guarded('charge', () => call<ChargeResult>('POST', '/v2/charges', { amount: c.amount, payment_method: c.paymentMethodRef, reference: c.reference }, c.idempotencyKey)),
    storePaymentMethod: (p: { pspToken: string; customerRef: string; idempotencyKey: string }) =>
      guarded('store-payment-method', () => call<StoredPaymentMethod>('POST', '/v2/payment-methods', { token: p.pspToken, customer: p.customerRef }, p.idempotencyKey)),
    detachPaymentMethod: (pspRef: string) => guarded('detach-payment-method', () => call<void>('DELETE', \`/v2/payment-methods/\${encodeURIComponent(pspRef)}\`)),
    webhookSigningKey: () => config.webhookSigningKey,
    breaker,
  };
}

export type PspClient = ReturnType<typeof createPspClient>;
`;

export const BILLING_WEBHOOK_SIGNATURE = `// PSP webhook signatures: HMAC-SHA256 over "<timestamp>.<body>", compared in constant time,
// with a five-minute tolerance against replays.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadRequest } from '../../../platform/errors.js';

const TOLERANCE_SECONDS = 300;

export interface PspEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export function verifyWebhookSignature(body: Buffer, header: string, signingKey: string, now = Date.now()): PspEvent {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!parts.v1 || !Number.isFinite(t)) throw new BadRequest('malformed signature header');
  if (Math.abs(now / 1000 - t) > TOLERANCE_SECONDS) throw new BadRequest('signature timestamp outside tolerance');
  const expected = createHmac('sha256', signingKey).update(\`\${t}.\`).update(body).digest();
  const given = Buffer.from(parts.v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new BadRequest('bad signature');
  return JSON.parse(body.toString('utf8')) as PspEvent;
}
`;

export const BILLING_TOTALS = `// Invoice arithmetic in integer minor units. Tax is computed per line and rounded half-even,
// as the tax authorities of our markets require.
export interface LineInput {
  quantity: number;
  unitAmount: number;
  taxRateBps: number;
}

export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export function invoiceTotals(lines: readonly LineInput[]): { net: number; tax: number; total: number } {
  let net = 0;
  let tax = 0;
  for (const l of lines) {
    const lineNet = l.quantity * l.unitAmount;
    net += lineNet;
@@{tw:billing-tax-per-line
    tax += roundHalfEven((lineNet * l.taxRateBps) / 10_000);
@@}
@@{!tw:billing-tax-per-line
    tax += (lineNet * l.taxRateBps) / 10_000;
@@}
  }
@@{!tw:billing-tax-per-line
  tax = Math.round(tax);
@@}
  return { net, tax, total: net + tax };
}
`;

export const BILLING_WORKERS = `// Background processors of the billing module, run by src/worker.ts. Each job is idempotent:
// it reads the current state and does nothing when the work is already done.
import type { Job } from 'bullmq';
import type { Logger } from '../../../platform/logger.js';
import type { ObjectStorage } from '../../../platform/storage.js';
import type { BillingRepository } from '../repository.js';
import type { PspEvent } from './webhook-signature.js';
import { invoiceTotals } from './totals.js';
import type { Db } from '../../../platform/db.js';

export function billingProcessors(deps: { db: Db; repo: BillingRepository; storage: ObjectStorage; logger: Logger }) {
  const { db, storage, logger } = deps;
  return {
    /** Queue "billing-invoices": period-end invoices and prorations. */
    async invoices(job: Job<{ orgId: string; subscriptionId: string }>) {
      const lines = await db.subscriptionItem.findMany({ where: { subscriptionId: job.data.subscriptionId } });
      const totals = invoiceTotals(lines.map((l) => ({ quantity: l.quantity, unitAmount: l.unitAmount, taxRateBps: l.taxRateBps })));
      const period = job.data.subscriptionId + ':' + (job.name === 'prorate' ? job.id : new Date().toISOString().slice(0, 7));
      await db.invoice.upsert({
        where: { periodKey: period },
        create: { organizationId: job.data.orgId, periodKey: period, status: 'open', currency: 'EUR', totalAmount: totals.total, taxAmount: totals.tax, dueAt: new Date(Date.now() + 14 * 86_400_000) },
        update: {},
      });
      logger.info({ orgId: job.data.orgId, total: totals.total }, 'invoice issued');
    },

    /** Queue "billing-psp-events": one job per PSP event id (jobId), so duplicates are dropped. */
    async pspEvents(job: Job<PspEvent>) {
      const event = job.data;
      if (await db.processedPspEvent.findUnique({ where: { id: event.id } })) return;
      switch (event.type) {
        case 'charge.succeeded':
        case 'charge.failed':
          await db.payment.updateMany({ where: { pspRef: String(event.data.charge) }, data: { status: event.type === 'charge.succeeded' ? 'succeeded' : 'failed' } });
          break;
        case 'payment_method.expired':
          await db.paymentMethod.updateMany({ where: { pspRef: String(event.data.payment_method) }, data: { removedAt: new Date() } });
          break;
        default:
          logger.debug({ type: event.type }, 'PSP event ignored');
      }
      await db.processedPspEvent.create({ data: { id: event.id, type: event.type } });
    },

    /** Queue "billing-exports": CSV of invoices, uploaded to object storage. */
    async exports(job: Job<{ exportId: string; orgId: string }>) {
      const exp = await db.invoiceExport.update({ where: { id: job.data.exportId }, data: { status: 'running' } });
      const invoices = await db.$replica().invoice.findMany({ where: { organizationId: job.data.orgId, issuedAt: { gte: exp.from, lt: exp.to } }, orderBy: { issuedAt: 'asc' } });
      const csv = ['number,status,issued_at,currency,total,tax', ...invoices.map((i) => [i.number, i.status, i.issuedAt.toISOString(), i.currency, i.totalAmount, i.taxAmount].join(','))].join('\\n');
      const key = \`exports/\${job.data.orgId}/\${exp.id}.csv\`;
      await storage.put(key, csv, 'text/csv');
      await db.invoiceExport.update({ where: { id: exp.id }, data: { status: 'done', downloadUrl: await storage.signedGetUrl(key, 24 * 3600) } });
    },
  };
}
`;
