// test/**: unit tests beside each module's logic, integration tests through the HTTP API
// against real Postgres and Redis (CI services), k6 load tests.

export const VITEST_CONFIG = `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup-env.ts'],
    // Integration tests share one database: run their files one at a time.
    fileParallelism: false,
@@{coverage
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/openapi.ts', 'src/openapi/**', 'src/server.ts', 'src/worker.ts', 'src/platform/tracing.ts'],
      reporter: ['text-summary', 'lcov', 'json-summary'],
      thresholds: {
@@{tw:coverage-80
        lines: 80,
        statements: 80,
        functions: 80,
        branches: 75,
@@}
@@{!tw:coverage-80
        lines: 70,
        statements: 70,
        functions: 70,
        branches: 60,
@@}
      },
    },
@@}
  },
});
`;

export const SETUP_ENV = `// Environment of the test run: the CI services (or docker compose locally).
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.OTEL_SDK_DISABLED = 'true';
process.env.DATABASE_URL ??= 'postgresql://meridian@localhost:5432/meridian_test';
process.env.REDIS_URL ??= 'redis://localhost:6379/1';
`;

export const TEST_APP = `// Builds the real application against the test database and Redis, with deterministic keys.
import { generateKeyPairSync } from 'node:crypto';
import { Queue } from 'bullmq';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createBillingModule } from '../../src/modules/billing/index.js';
import { createCatalogModule } from '../../src/modules/catalog/index.js';
import { createIdentityModule } from '../../src/modules/identity/index.js';
import { createDb } from '../../src/platform/db.js';
import { useIdempotencyStore } from '../../src/platform/idempotency.js';
import { logger } from '../../src/platform/logger.js';
import { createRedis, sharedRedis } from '../../src/platform/redis.js';
import { createStorage } from '../../src/platform/storage.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

export async function testApp() {
  const config = await loadConfig({ ...process.env, NODE_ENV: 'test' });
  const db = createDb({ url: config.databaseUrl, logger });
  const connection = createRedis(config.redisUrl, 'queues');
  const queue = (name: string) => new Queue(\`test-\${name}\`, { connection });
  useIdempotencyStore(db);
  const storage = createStorage({ bucket: 'test', region: 'eu-central-1', publicBaseUrl: 'http://assets.test' });
  const keys = { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: 'test' };
  const identity = createIdentityModule({ db, emails: queue('emails'), keys, logger });
  const billing = createBillingModule({
    db,
    queues: { invoices: queue('invoices'), pspEvents: queue('psp-events'), exports: queue('exports') },
    storage,
    psp: { baseUrl: 'http://127.0.0.1:9', apiKey: 'test-psp-credential', webhookSigningKey: 'test-webhook-signing' },
    audit: identity.audit,
    logger,
  });
  const catalog = createCatalogModule({ db, queues: { imports: queue('imports') }, storage, logger });
  const app = createApp({ config, logger, health: { db, redis: sharedRedis() }, redis: sharedRedis(), identity, billing, catalog });
  return { app, db, identity, keys };
}

/** A fresh organization with an owner, and an access token for it. */
export async function signedInOwner(t: Awaited<ReturnType<typeof testApp>>) {
  const slug = \`org-\${Math.random().toString(36).slice(2, 10)}\`;
  const org = await t.db.organization.create({ data: { slug, name: slug } });
  const user = await t.db.user.create({ data: { email: \`\${slug}@example.test\`, name: 'Owner', passwordHash: 'x' } });
  await t.db.membership.create({ data: { organizationId: org.id, userId: user.id, role: 'owner' } });
  const session = await t.db.session.create({ data: { userId: user.id, organizationId: org.id, ip: '127.0.0.1', userAgent: 'vitest' } });
  const tokens = await t.identity.tokens.issue({ userId: user.id, orgId: org.id, role: 'owner', sessionId: session.id });
  return { org, user, auth: { authorization: \`Bearer \${tokens.accessToken}\` } };
}
`;

export const INTEGRATION_HEALTH = `import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './helpers.js';

describe('health and cross-cutting behaviour', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });

  it('answers liveness and readiness', async () => {
    await request(t.app).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(t.app).get('/readyz').expect(200);
    expect(ready.body.checks).toEqual({ postgres: 'ok', redis: 'ok' });
  });

  it('echoes a well-formed request id and generates one otherwise', async () => {
    const given = await request(t.app).get('/healthz').set('x-request-id', 'req-1234567890').expect(200);
    expect(given.headers['x-request-id']).toBe('req-1234567890');
    const made = await request(t.app).get('/healthz').set('x-request-id', 'bad id').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers and rejects unknown origins', async () => {
    const res = await request(t.app).get('/healthz').set('origin', 'https://evil.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers unknown routes with a problem document', async () => {
    const res = await request(t.app).get('/v1/nope').expect(404);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found' });
  });
});
`;

export const INTEGRATION_IDENTITY = `import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/identity/internal/password.js';
import { signedInOwner, testApp } from './helpers.js';

describe('identity API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });
@@{ep:identity.login

  it('logs in with the right password and audits failures', async () => {
    const { org, user } = await signedInOwner(t);
    await t.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword('correct horse battery') } });
    const ok = await request(t.app).post('/v1/auth/login').send({ email: user.email, password: 'correct horse battery' }).expect(200);
    expect(ok.body).toMatchObject({ tokenType: 'Bearer', mfaRequired: false });
    await request(t.app).post('/v1/auth/login').send({ email: user.email, password: 'wrong password!' }).expect(401);
    const failures = await t.db.auditEvent.count({ where: { action: 'auth.login_failed', actorId: user.id } });
    expect(failures).toBe(1);
    expect(org.id).toBeDefined();
  });

  it('rate-limits repeated login attempts', async () => {
    const email = \`limit-\${Date.now()}@example.test\`;
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await request(t.app).post('/v1/auth/login').send({ email, password: 'nope-nope-nope' })).status;
    expect(last).toBe(429);
  });
@@}
@@{ep:identity.getMe

  it('returns the signed-in user with their organizations', async () => {
    const { org, auth } = await signedInOwner(t);
    const res = await request(t.app).get('/v1/me').set(auth).expect(200);
    expect(res.body.organizations).toEqual([expect.objectContaining({ id: org.id, role: 'owner' })]);
  });

  it('rejects requests without a token', async () => {
    await request(t.app).get('/v1/me').expect(401);
  });
@@}
@@{ep:identity.listMembers

  it('lists members of the own organization only', async () => {
    const a = await signedInOwner(t);
    const b = await signedInOwner(t);
    await request(t.app).get(\`/v1/organizations/\${a.org.id}/members\`).set(a.auth).expect(200);
    await request(t.app).get(\`/v1/organizations/\${a.org.id}/members\`).set(b.auth).expect(403);
  });
@@}
@@{ep:identity.createInvitation

  it('invites a member once and audits it', async () => {
    const { org, auth } = await signedInOwner(t);
    const res = await request(t.app).post(\`/v1/organizations/\${org.id}/invitations\`).set(auth).send({ email: 'new@example.test', role: 'member' }).expect(201);
    expect(res.body).toMatchObject({ email: 'new@example.test', role: 'member' });
    expect(await t.db.auditEvent.count({ where: { action: 'member.invited', organizationId: org.id } })).toBe(1);
  });
@@}
@@{ep:identity.updateMember

  it('does not change the owner role', async () => {
    const { org, user, auth } = await signedInOwner(t);
    await request(t.app).patch(\`/v1/organizations/\${org.id}/members/\${user.id}\`).set(auth).send({ role: 'member' }).expect(409);
  });
@@}
@@{ep:identity.listAuditEvents

  it('pages through audit events newest first', async () => {
    const { org, auth } = await signedInOwner(t);
    for (const action of ['a.one', 'a.two', 'a.three']) await t.identity.audit.record({ action, actorId: null, orgId: org.id, targetType: 'test', targetId: action });
    const first = await request(t.app).get(\`/v1/organizations/\${org.id}/audit-events?limit=2\`).set(auth).expect(200);
    expect(first.body.items.map((e: { action: string }) => e.action)).toEqual(['a.three', 'a.two']);
    const second = await request(t.app).get(\`/v1/organizations/\${org.id}/audit-events?limit=2&cursor=\${first.body.nextCursor}\`).set(auth).expect(200);
    expect(second.body.items.map((e: { action: string }) => e.action)).toEqual(['a.one']);
  });
@@}
});
`;

export const INTEGRATION_BILLING = `import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInOwner, testApp } from './helpers.js';

describe('billing API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
    await t.db.plan.upsert({ where: { id: 'team' }, create: { id: 'team', name: 'Team', priceAmount: 4900, currency: 'EUR', interval: 'month', seats: 10 }, update: {} });
  });
@@{ep:billing.listPlans

  it('lists active plans publicly', async () => {
    const res = await request(t.app).get('/v1/billing/plans').expect(200);
    expect(res.body.items).toContainEqual(expect.objectContaining({ id: 'team', price: { amount: 4900, currency: 'EUR' } }));
  });
@@}
@@{ep:billing.getInvoice

  it('never shows another organization\\'s invoice', async () => {
    const a = await signedInOwner(t);
    const b = await signedInOwner(t);
    const invoice = await t.db.invoice.create({ data: { organizationId: a.org.id, periodKey: \`p-\${a.org.id}\`, status: 'open', currency: 'EUR', totalAmount: 100, taxAmount: 19, dueAt: new Date() } });
    await request(t.app).get(\`/v1/billing/invoices/\${invoice.id}\`).set(a.auth).expect(200);
    await request(t.app).get(\`/v1/billing/invoices/\${invoice.id}\`).set(b.auth).expect(404);
  });
@@}
@@{ep:billing.payInvoice

  it('replays the first response for a repeated Idempotency-Key', async () => {
    const { org, auth } = await signedInOwner(t);
    const invoice = await t.db.invoice.create({ data: { organizationId: org.id, periodKey: \`q-\${org.id}\`, status: 'paid', currency: 'EUR', totalAmount: 100, taxAmount: 19, dueAt: new Date() } });
    const method = await t.db.paymentMethod.create({ data: { organizationId: org.id, pspRef: \`pm_\${org.id}\`, kind: 'card', last4: '4242' } });
    const key = \`test-key-\${org.id}\`;
    const first = await request(t.app).post(\`/v1/billing/invoices/\${invoice.id}/payments\`).set(auth).set('idempotency-key', key).send({ paymentMethodId: method.id });
    const again = await request(t.app).post(\`/v1/billing/invoices/\${invoice.id}/payments\`).set(auth).set('idempotency-key', key).send({ paymentMethodId: method.id });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    await request(t.app).post(\`/v1/billing/invoices/\${invoice.id}/payments\`).set(auth).set('idempotency-key', key).send({ paymentMethodId: org.id }).expect(422);
  });
@@}
@@{ep:billing.receivePspWebhook

  it('rejects unsigned webhooks', async () => {
    await request(t.app).post('/v1/billing/webhooks/psp').set('content-type', 'application/json').send('{"id":"evt_1"}').expect(400);
  });
@@}
});
`;

export const INTEGRATION_CATALOG = `import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInOwner, testApp } from './helpers.js';

describe('catalog API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });
@@{ep:catalog.createProduct

  it('creates, reads and lists products', async () => {
    const { auth } = await signedInOwner(t);
    const created = await request(t.app).post('/v1/catalog/products').set(auth).send({ sku: 'TEA-001', name: 'Sencha' }).expect(201);
    await request(t.app).get(\`/v1/catalog/products/\${created.body.id}\`).set(auth).expect(200);
    const list = await request(t.app).get('/v1/catalog/products?limit=10').set(auth).expect(200);
    expect(list.body.items.map((p: { sku: string }) => p.sku)).toContain('TEA-001');
    await request(t.app).post('/v1/catalog/products').set(auth).send({ sku: 'TEA-001', name: 'Dup' }).expect(409);
  });

  it('validates input against the schema', async () => {
    const { auth } = await signedInOwner(t);
    const res = await request(t.app).post('/v1/catalog/products').set(auth).send({ sku: '', name: 42 }).expect(400);
    expect(res.body.detail).toContain('sku');
  });
@@}
@@{ep:catalog.searchCatalog

  it('finds active products by prefix', async () => {
    const { auth } = await signedInOwner(t);
    const p = await request(t.app).post('/v1/catalog/products').set(auth).send({ sku: 'GRN-7', name: 'Gyokuro green tea' }).expect(201);
    await request(t.app).patch(\`/v1/catalog/products/\${p.body.id}\`).set(auth).send({ status: 'active' }).expect(200);
    const res = await request(t.app).get('/v1/catalog/search?q=gyok').set(auth).expect(200);
    expect(res.body.items[0]).toMatchObject({ productId: p.body.id });
  });
@@}
@@{ep:catalog.legacyProductSearch

  it('marks the legacy search as deprecated with a sunset date', async () => {
    const { auth } = await signedInOwner(t);
    const res = await request(t.app).get('/v1/catalog/product-search?q=tea').set(auth).expect(200);
    expect(res.headers.deprecation).toBe('true');
    expect(res.headers.sunset).toBe('Wed, 30 Sep 2026 00:00:00 GMT');
    expect(res.headers.link).toContain('/v1/catalog/search');
  });
@@}
@@{ep:catalog.updateCategory

  it('refuses to move a category under its own descendant', async () => {
    const { auth } = await signedInOwner(t);
    const parent = await request(t.app).post('/v1/catalog/categories').set(auth).send({ name: 'Tea' }).expect(201);
    const child = await request(t.app).post('/v1/catalog/categories').set(auth).send({ name: 'Green', parentId: parent.body.id }).expect(201);
    await request(t.app).patch(\`/v1/catalog/categories/\${parent.body.id}\`).set(auth).send({ parentId: child.body.id }).expect(409);
  });
@@}
});
`;

export const UNIT_PASSWORD = `import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../../../src/modules/identity/internal/password.js';

describe('password hashing', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery!')).toBe(false);
  });

  it('treats a malformed hash as a failed verification', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('does not ask to rehash a current hash', async () => {
    expect(needsRehash(await hashPassword('x'.repeat(12)))).toBe(false);
  });
});
`;

export const UNIT_TOKENS = `import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenIssuer } from '../../../src/modules/identity/internal/tokens.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const issuer = createTokenIssuer({
  privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  keyId: 'k1',
});

describe('tokens', () => {
  it('issues access tokens with the scopes of the role', async () => {
    const pair = await issuer.issue({ userId: 'u1', orgId: 'o1', role: 'billing', sessionId: 's1' });
    const claims = await issuer.verifyAccess(pair.accessToken);
    expect(claims).toMatchObject({ userId: 'u1', orgId: 'o1', sessionId: 's1' });
    expect(claims.scopes).toContain('billing:write');
    expect(claims.scopes).not.toContain('org:admin');
  });

  it('does not accept a refresh token as an access token', async () => {
    const pair = await issuer.issue({ userId: 'u1', orgId: 'o1', role: 'owner', sessionId: 's1', generation: 3 });
    await expect(issuer.verifyAccess(pair.refreshToken)).rejects.toThrow();
    expect(await issuer.verifyRefresh(pair.refreshToken)).toMatchObject({ sessionId: 's1', generation: 3 });
  });
});
`;

export const UNIT_TOTALS = `import { describe, expect, it } from 'vitest';
import { invoiceTotals, roundHalfEven } from '../../../src/modules/billing/internal/totals.js';

describe('invoice totals', () => {
  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [2.4, 2],
    [2.6, 3],
  ])('rounds %d half-even to %d', (x, y) => {
    expect(roundHalfEven(x)).toBe(y);
  });

  it('computes tax per line in minor units', () => {
    // 3 x 3.33 EUR at 19 %: 9.99 net, 1.90 tax (1.8981 rounded per line)
    expect(invoiceTotals([{ quantity: 3, unitAmount: 333, taxRateBps: 1900 }])).toEqual({ net: 999, tax: 190, total: 1189 });
  });

  it('rounds each line, not the sum', () => {
    const lines = [
      { quantity: 1, unitAmount: 105, taxRateBps: 1000 },
      { quantity: 1, unitAmount: 105, taxRateBps: 1000 },
    ];
    // 10.5 + 10.5 -> 10 + 10 (half-even), not round(21) = 21
    expect(invoiceTotals(lines).tax).toBe(20);
  });
});
`;

export const UNIT_WEBHOOK = `import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../src/modules/billing/internal/webhook-signature.js';

const signingKey = 'whk_test_0123456789abcdef';
const body = Buffer.from(JSON.stringify({ id: 'evt_1', type: 'charge.succeeded', createdAt: '2026-01-01T00:00:00Z', data: {} }));
const sign = (t: number, b: Buffer = body) => \`t=\${t},v1=\${createHmac('sha256', signingKey).update(\`\${t}.\`).update(b).digest('hex')}\`;

describe('PSP webhook signatures', () => {
  const now = 1_767_225_600_000;
  it('accepts a fresh, correctly signed event', () => {
    expect(verifyWebhookSignature(body, sign(now / 1000), signingKey, now).id).toBe('evt_1');
  });
  it('rejects a tampered body', () => {
    expect(() => verifyWebhookSignature(Buffer.from('{"id":"evt_2"}'), sign(now / 1000), signingKey, now)).toThrow('bad signature');
  });
  it('rejects replays outside the tolerance', () => {
    expect(() => verifyWebhookSignature(body, sign(now / 1000 - 301), signingKey, now)).toThrow('tolerance');
  });
});
`;

export const UNIT_PSP = `import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPspClient } from '../../../src/modules/billing/internal/psp-client.js';
import { logger } from '../../../src/platform/logger.js';

const config = { baseUrl: 'https://psp.test', apiKey: 'psp_test_credential_0000', webhookSigningKey: 'whk_test_0000000000000' };
const charge = { amount: { amount: 100, currency: 'EUR' }, paymentMethodRef: 'pm_1', reference: 'INV-1', idempotencyKey: 'key-0000000000000001' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PSP client', () => {
  it('retries 5xx answers with the same idempotency key', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response('busy', { status: 503 }))
      .mockResolvedValueOnce(Response.json({ pspRef: 'ch_1', status: 'succeeded', amount: charge.amount }));
    vi.stubGlobal('fetch', fetch);
    const psp = createPspClient(config, logger);
    await expect(psp.charge(charge)).resolves.toMatchObject({ pspRef: 'ch_1' });
    expect(fetch).toHaveBeenCalledTimes(2);
    const keys = fetch.mock.calls.map(([, init]) => (init as RequestInit & { headers: Record<string, string> }).headers['idempotency-key']);
    expect(keys).toEqual([charge.idempotencyKey, charge.idempotencyKey]);
  });

  it('does not retry a declined charge', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response('declined', { status: 402 }));
    vi.stubGlobal('fetch', fetch);
    await expect(createPspClient(config, logger).charge(charge)).rejects.toThrow('402');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('opens the circuit after repeated failures and then fails fast', async () => {
    const fetch = vi.fn().mockRejectedValue(new TypeError('fetch failed'));
    vi.stubGlobal('fetch', fetch);
    const psp = createPspClient(config, logger);
    for (let i = 0; i < 10; i++) await psp.charge(charge).catch(() => undefined);
    const calls = fetch.mock.calls.length;
    await expect(psp.charge(charge)).rejects.toThrow(/open/i);
    expect(fetch.mock.calls.length).toBe(calls);
  }, 60_000);
});
`;

export const UNIT_SEARCH = `import { describe, expect, it } from 'vitest';
import { toSearchQuery } from '../../../src/modules/catalog/internal/search.js';

describe('toSearchQuery', () => {
  it.each([
    ['green tea', 'green & tea:*'],
    ['  Matcha!! ', 'matcha:*'],
    ['café crème', 'cafe & creme:*'],
    ["x' | drop", 'x & drop:*'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(toSearchQuery(input)).toBe(expected);
  });
});
`;

export const UNIT_CSV = `import { describe, expect, it } from 'vitest';
import { parseCsvLine } from '../../../src/modules/catalog/internal/import-job.js';

describe('parseCsvLine', () => {
  it('handles quotes, escaped quotes and empty fields', () => {
    expect(parseCsvLine('a,"b,c","say ""hi""",,e')).toEqual(['a', 'b,c', 'say "hi"', '', 'e']);
  });
});
`;

export const UNIT_PAGINATION = `import { describe, expect, it } from 'vitest';
import { pageOf } from '../../../src/platform/pagination.js';

describe('pageOf', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('returns a cursor when there is another page', () => {
    expect(pageOf(rows, 2, (r) => r.id)).toEqual({ items: ['a', 'b'], nextCursor: 'b' });
  });
  it('omits the cursor on the last page', () => {
    expect(pageOf(rows, 3, (r) => r.id)).toEqual({ items: ['a', 'b', 'c'] });
  });
});
`;

export const UNIT_DEPRECATION = `import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { deprecated } from '../../../src/platform/deprecation.js';

describe('deprecated()', () => {
  it('sets Deprecation, Sunset and a successor link', async () => {
    const app = express().get('/old', deprecated({ sunset: '2026-09-30', successor: '/v1/new' }), (_req, res) => {
      res.json({});
    });
    const res = await request(app).get('/old').expect(200);
    expect(res.headers.deprecation).toBe('true');
    expect(res.headers.sunset).toBe('Wed, 30 Sep 2026 00:00:00 GMT');
    expect(res.headers.link).toBe('</v1/new>; rel="successor-version"');
  });
});
`;

export const K6_CATALOG = `// k6 load test: catalog browsing at the expected peak (see docs/runbooks/high-latency.md).
// Run by the deploy workflow against staging before production; thresholds fail the release.
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  scenarios: {
    browse: { executor: 'ramping-arrival-rate', startRate: 20, timeUnit: '1s', preAllocatedVUs: 50, maxVUs: 200, stages: [
      { target: 100, duration: '2m' },
      { target: 200, duration: '3m' },
      { target: 0, duration: '30s' },
    ] },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    'http_req_duration{name:list}': ['p(95)<300'],
@@tw:k6-search@@    'http_req_duration{name:search}': ['p(95)<500'],
@@!tw:k6-search@@    'http_req_duration{name:search}': ['p(95)<800'],
  },
};

const BASE = __ENV.BASE_URL;
const headers = { authorization: \`Bearer \${__ENV.LOAD_TEST_ACCESS_TOKEN}\` };
const words = ['tea', 'green', 'mat', 'cup', 'oolong', 'kettle'];

export default function () {
  const list = http.get(\`\${BASE}/v1/catalog/products?limit=25\`, { headers, tags: { name: 'list' } });
  check(list, { 'list 200': (r) => r.status === 200 });
  const q = words[Math.floor(Math.random() * words.length)];
  const search = http.get(\`\${BASE}/v1/catalog/search?q=\${q}\`, { headers, tags: { name: 'search' } });
  check(search, { 'search 200': (r) => r.status === 200 });
  sleep(1);
}
`;

export const K6_AUTH = `// k6 load test: login and token refresh, the path every session starts with.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  vus: 30,
  duration: '3m',
  thresholds: {
    http_req_failed: ['rate<0.01'],
    'http_req_duration{name:refresh}': ['p(95)<200'],
  },
};

const BASE = __ENV.BASE_URL;

export function setup() {
  const res = http.post(\`\${BASE}/v1/auth/login\`, JSON.stringify({ email: __ENV.LOAD_TEST_USER, password: __ENV.LOAD_TEST_PASSWORD }), { headers: { 'content-type': 'application/json' } });
  return { refresh: res.json('refreshToken') };
}

export default function (data) {
  const res = http.post(\`\${BASE}/v1/auth/refresh\`, JSON.stringify({ refreshToken: data.refresh }), { headers: { 'content-type': 'application/json' }, tags: { name: 'refresh' } });
  check(res, { 'refresh 200': (r) => r.status === 200 });
  if (res.status === 200) data.refresh = res.json('refreshToken');
}
`;
