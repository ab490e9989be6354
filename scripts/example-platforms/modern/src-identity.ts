// src/modules/identity/**: authentication, sessions, organizations, members, audit trail.
// Gates: `@@{ep:identity.<operationId>` blocks appear with their endpoint.

export const IDENTITY_INDEX = `// Public API of the identity module. Other modules import from here only; the lint rules in
// eslint.config.js reject imports of identity internals from outside the module.
import type { Queue } from 'bullmq';
import type { Db } from '../../platform/db.js';
import type { Logger } from '../../platform/logger.js';
import { createAuditLog } from './internal/audit.js';
import { createTokenIssuer, type SigningKeys } from './internal/tokens.js';
import { identityRouter } from './http.js';
import { identityRepository } from './repository.js';
import { IdentityService } from './service.js';

export type { AuditLog } from './internal/audit.js';
export { IdentityService } from './service.js';
@@openapi@@export { registerIdentityPaths } from './openapi.js';

export interface IdentityModuleDeps {
  db: Db;
  emails: Queue;
  keys: SigningKeys;
  logger: Logger;
}

export function createIdentityModule(deps: IdentityModuleDeps) {
  const repo = identityRepository(deps.db);
  const audit = createAuditLog(deps.db, deps.logger);
  const tokens = createTokenIssuer(deps.keys);
  const service = new IdentityService({ repo, audit, tokens, emails: deps.emails, logger: deps.logger });
  return { service, audit, tokens, router: identityRouter(service) };
}
`;

export const IDENTITY_SERVICE = `// Identity use cases. Every privileged change writes an audit event (internal/audit.ts).
import { createHash, randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { AuthContext } from '../../platform/auth.js';
import { Conflict, Forbidden, Gone, NotFound, Unauthorized } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { AuditLog } from './internal/audit.js';
import { hashPassword, verifyPassword } from './internal/password.js';
import type { TokenIssuer } from './internal/tokens.js';
import type { IdentityRepository } from './repository.js';
import type * as S from './schemas.js';

export interface IdentityServiceDeps {
  repo: IdentityRepository;
  audit: AuditLog;
  tokens: TokenIssuer;
  emails: Queue;
  logger: Logger;
}

const RESET_LINK_TTL_MS = 60 * 60 * 1000;
@@{tw:identity-invite-ttl
const INVITATION_TTL_DAYS = 7;
@@}
@@{!tw:identity-invite-ttl
const INVITATION_TTL_DAYS = 14;
@@}

/** Links are stored hashed: a database leak does not leak usable links. */
const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

export class IdentityService {
  readonly #d: IdentityServiceDeps;

  constructor(deps: IdentityServiceDeps) {
    this.#d = deps;
  }

  #assertOrg(auth: AuthContext, orgId: string): void {
    if (auth.orgId !== orgId) throw new Forbidden('not a member of this organization');
  }
@@{ep:identity.login

  async login(input: S.LoginRequest, meta: { ip: string; userAgent: string }): Promise<S.TokenPair> {
    const user = await this.#d.repo.findUserByEmail(input.email.toLowerCase());
    const ok = user !== null && (await verifyPassword(user.passwordHash, input.password));
    if (!user || !ok) {
      await this.#d.audit.record({ action: 'auth.login_failed', actorId: user?.id ?? null, targetType: 'user', targetId: input.email, ip: meta.ip });
      throw new Unauthorized('invalid email or password');
    }
    const membership = await this.#d.repo.defaultMembership(user.id, input.organizationSlug);
    if (!membership) throw new Forbidden('no organization to sign in to');
@@{ep:identity.verifyMfa
    if (user.mfaEnabled) {
      const challenge = await this.#d.repo.createMfaChallenge(user.id, membership.organizationId);
      return { accessToken: '', refreshToken: challenge.id, expiresIn: 300, tokenType: 'Bearer', mfaRequired: true };
    }
@@}
    const session = await this.#d.repo.createSession({ userId: user.id, organizationId: membership.organizationId, ip: meta.ip, userAgent: meta.userAgent });
    await this.#d.audit.record({ action: 'auth.login', actorId: user.id, orgId: membership.organizationId, targetType: 'session', targetId: session.id, ip: meta.ip });
    return this.#d.tokens.issue({ userId: user.id, orgId: membership.organizationId, role: membership.role, sessionId: session.id });
  }
@@}
@@{ep:identity.refreshSession

  async refresh(refreshToken: string): Promise<S.TokenPair> {
    const claims = await this.#d.tokens.verifyRefresh(refreshToken).catch(() => null);
    if (!claims) throw new Unauthorized('invalid refresh token');
    const session = await this.#d.repo.findActiveSession(claims.sessionId);
    // A refresh token is used once: reuse means it leaked, so the whole session goes.
    if (!session || session.refreshGeneration !== claims.generation) {
      if (session) await this.#d.repo.revokeSession(session.id);
      throw new Unauthorized('refresh token reused or revoked');
    }
    const next = await this.#d.repo.bumpRefreshGeneration(session.id);
    return this.#d.tokens.issue({ userId: session.userId, orgId: session.organizationId, role: session.role, sessionId: session.id, generation: next });
  }
@@}
@@{ep:identity.logout

  async logout(auth: AuthContext): Promise<void> {
    await this.#d.repo.revokeSession(auth.sessionId);
    await this.#d.audit.record({ action: 'auth.logout', actorId: auth.userId, orgId: auth.orgId, targetType: 'session', targetId: auth.sessionId });
  }
@@}
@@{ep:identity.requestPasswordReset

  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.#d.repo.findUserByEmail(email.toLowerCase());
    // Same answer whether or not the address exists: no account enumeration.
    if (!user) return;
    const link = randomBytes(32).toString('base64url');
    await this.#d.repo.createPasswordReset(user.id, digest(link), new Date(Date.now() + RESET_LINK_TTL_MS));
    const day = new Date().toISOString().slice(0, 10);
    await this.#d.emails.add('password-reset', { to: user.email, template: 'password-reset', link }, { jobId: \`password-reset:\${user.id}:\${day}\` });
  }
@@}
@@{ep:identity.confirmPasswordReset

  async confirmPasswordReset(input: S.PasswordResetConfirm): Promise<void> {
    const reset = await this.#d.repo.consumePasswordReset(digest(input.resetToken));
    if (!reset || reset.expiresAt < new Date()) throw new Gone('reset link expired');
    await this.#d.repo.setPassword(reset.userId, await hashPassword(input.newPassword));
    await this.#d.repo.revokeAllSessions(reset.userId);
    await this.#d.audit.record({ action: 'auth.password_reset', actorId: reset.userId, targetType: 'user', targetId: reset.userId });
  }
@@}
@@{ep:identity.verifyMfa

  async verifyMfa(input: S.MfaVerifyRequest): Promise<S.TokenPair> {
    const challenge = await this.#d.repo.consumeMfaChallenge(input.challengeId);
    if (!challenge || !(await this.#d.tokens.verifyTotp(challenge.userId, input.code))) throw new Unauthorized('invalid code');
    const membership = await this.#d.repo.membership(challenge.userId, challenge.organizationId);
    if (!membership) throw new Forbidden('membership revoked');
    const session = await this.#d.repo.createSession({ userId: challenge.userId, organizationId: challenge.organizationId, ip: 'mfa', userAgent: '' });
    return this.#d.tokens.issue({ userId: challenge.userId, orgId: challenge.organizationId, role: membership.role, sessionId: session.id });
  }
@@}
@@{ep:identity.getMe

  async me(auth: AuthContext): Promise<S.Me> {
    const user = await this.#d.repo.userWithOrganizations(auth.userId);
    if (!user) throw new NotFound('user');
    return user;
  }
@@}
@@{ep:identity.getOrganization

  async getOrganization(auth: AuthContext, orgId: string): Promise<S.Organization> {
    this.#assertOrg(auth, orgId);
    const org = await this.#d.repo.organization(orgId);
    if (!org) throw new NotFound('organization');
    return org;
  }
@@}
@@{ep:identity.listMembers

  async listMembers(auth: AuthContext, orgId: string, page: S.PageQuery): Promise<S.MemberPage> {
    this.#assertOrg(auth, orgId);
    return this.#d.repo.members(orgId, page);
  }
@@}
@@{ep:identity.updateMember

  async updateMember(auth: AuthContext, p: S.MemberParams, input: S.UpdateMemberRequest): Promise<S.Member> {
    this.#assertOrg(auth, p.orgId);
    const member = await this.#d.repo.member(p.orgId, p.userId);
    if (!member) throw new NotFound('member');
    if (member.role === 'owner') throw new Conflict('the owner role is transferred, not changed');
    const updated = await this.#d.repo.setRole(p.orgId, p.userId, input.role);
    await this.#d.audit.record({ action: 'member.role_changed', actorId: auth.userId, orgId: p.orgId, targetType: 'user', targetId: p.userId, details: { from: member.role, to: input.role } });
    return updated;
  }
@@}
@@{ep:identity.removeMember

  async removeMember(auth: AuthContext, p: S.MemberParams): Promise<void> {
    this.#assertOrg(auth, p.orgId);
    const member = await this.#d.repo.member(p.orgId, p.userId);
    if (!member) throw new NotFound('member');
    if (member.role === 'owner') throw new Conflict('an organization keeps its owner');
    await this.#d.repo.removeMember(p.orgId, p.userId);
    await this.#d.repo.revokeSessionsInOrg(p.userId, p.orgId);
    await this.#d.audit.record({ action: 'member.removed', actorId: auth.userId, orgId: p.orgId, targetType: 'user', targetId: p.userId });
  }
@@}
@@{ep:identity.listInvitations

  async listInvitations(auth: AuthContext, orgId: string): Promise<S.InvitationList> {
    this.#assertOrg(auth, orgId);
    return { items: await this.#d.repo.pendingInvitations(orgId) };
  }
@@}
@@{ep:identity.createInvitation

  async invite(auth: AuthContext, orgId: string, input: S.CreateInvitationRequest): Promise<S.Invitation> {
    this.#assertOrg(auth, orgId);
    if (await this.#d.repo.member(orgId, input.email)) throw new Conflict('already a member');
    const link = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
    const invitation = await this.#d.repo.createInvitation({ orgId, email: input.email.toLowerCase(), role: input.role, invitedBy: auth.userId, linkDigest: digest(link), expiresAt });
    await this.#d.emails.add('invitation', { to: invitation.email, template: 'invitation', link }, { jobId: \`invitation:\${invitation.id}\` });
    await this.#d.audit.record({ action: 'member.invited', actorId: auth.userId, orgId, targetType: 'invitation', targetId: invitation.id, details: { role: input.role } });
    return invitation;
  }
@@}
@@{ep:identity.revokeInvitation

  async revokeInvitation(auth: AuthContext, p: S.InvitationParams): Promise<void> {
    this.#assertOrg(auth, p.orgId);
    const revoked = await this.#d.repo.revokeInvitation(p.orgId, p.invitationId);
    if (!revoked) throw new NotFound('invitation');
    await this.#d.audit.record({ action: 'member.invitation_revoked', actorId: auth.userId, orgId: p.orgId, targetType: 'invitation', targetId: p.invitationId });
  }
@@}
@@{ep:identity.acceptInvitation

  async acceptInvitation(link: string, input: S.AcceptInvitationRequest): Promise<S.TokenPair> {
    const invitation = await this.#d.repo.consumeInvitation(digest(link));
    if (!invitation || invitation.expiresAt < new Date()) throw new Gone('invitation expired');
    const user = await this.#d.repo.upsertUser({ email: invitation.email, name: input.name, passwordHash: await hashPassword(input.password) });
    await this.#d.repo.addMember(invitation.organizationId, user.id, invitation.role);
    await this.#d.audit.record({ action: 'member.joined', actorId: user.id, orgId: invitation.organizationId, targetType: 'invitation', targetId: invitation.id });
    const session = await this.#d.repo.createSession({ userId: user.id, organizationId: invitation.organizationId, ip: 'invitation', userAgent: '' });
    return this.#d.tokens.issue({ userId: user.id, orgId: invitation.organizationId, role: invitation.role, sessionId: session.id });
  }
@@}
@@{ep:identity.listAuditEvents

  async listAuditEvents(auth: AuthContext, orgId: string, q: S.AuditEventQuery): Promise<S.AuditEventPage> {
    this.#assertOrg(auth, orgId);
    return this.#d.audit.list(orgId, q);
  }
@@}
}
`;

export const IDENTITY_REPOSITORY = `// Persistence of the identity module (Prisma). Reads that tolerate replica lag go to the
// read replica through the read-replicas extension; everything else hits the primary.
import type { Db } from '../../platform/db.js';
import { pageOf } from '../../platform/pagination.js';
import type { PageQuery } from './schemas.js';

type Role = 'owner' | 'admin' | 'member' | 'billing';

export function identityRepository(db: Db) {
  return {
    findUserByEmail: (email: string) => db.user.findUnique({ where: { email } }),

    defaultMembership: (userId: string, slug?: string) =>
      db.membership.findFirst({
        where: { userId, ...(slug ? { organization: { slug } } : {}) },
        orderBy: { createdAt: 'asc' },
      }),

    membership: (userId: string, organizationId: string) =>
      db.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } } }),

    createSession: (s: { userId: string; organizationId: string; ip: string; userAgent: string }) =>
      db.session.create({ data: { ...s, refreshGeneration: 0 } }),

    findActiveSession: (id: string) =>
      db.session.findFirst({ where: { id, revokedAt: null }, include: { membership: true } }).then((s) => (s ? { ...s, role: s.membership.role as Role } : null)),

    bumpRefreshGeneration: async (id: string) =>
      (await db.session.update({ where: { id }, data: { refreshGeneration: { increment: 1 }, lastUsedAt: new Date() } })).refreshGeneration,

    revokeSession: (id: string) => db.session.update({ where: { id }, data: { revokedAt: new Date() } }),

    revokeAllSessions: (userId: string) => db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } }),

    revokeSessionsInOrg: (userId: string, organizationId: string) =>
      db.session.updateMany({ where: { userId, organizationId, revokedAt: null }, data: { revokedAt: new Date() } }),

    createPasswordReset: (userId: string, linkDigest: string, expiresAt: Date) =>
      db.passwordReset.create({ data: { userId, linkDigest, expiresAt } }),

    consumePasswordReset: (linkDigest: string) =>
      db.passwordReset.delete({ where: { linkDigest } }).catch(() => null),

    setPassword: (userId: string, passwordHash: string) => db.user.update({ where: { id: userId }, data: { passwordHash } }),

    createMfaChallenge: (userId: string, organizationId: string) =>
      db.mfaChallenge.create({ data: { userId, organizationId, expiresAt: new Date(Date.now() + 5 * 60_000) } }),

    consumeMfaChallenge: (id: string) =>
      db.mfaChallenge.delete({ where: { id, expiresAt: { gt: new Date() } } }).catch(() => null),

    userWithOrganizations: async (id: string) => {
      const u = await db.$replica().user.findUnique({ where: { id }, include: { memberships: { include: { organization: true } } } });
      if (!u) return null;
      return {
        id: u.id,
        email: u.email,
        name: u.name,
        mfaEnabled: u.mfaEnabled,
        organizations: u.memberships.map((m) => ({ id: m.organization.id, slug: m.organization.slug, name: m.organization.name, role: m.role as Role })),
      };
    },

    organization: (id: string) =>
      db.organization.findUnique({ where: { id } }).then((o) => (o ? { ...o, plan: o.planId ?? undefined, createdAt: o.createdAt.toISOString() } : null)),

    members: async (organizationId: string, page: PageQuery) => {
      const rows = await db.$replica().membership.findMany({
        where: { organizationId },
        include: { user: true },
        orderBy: { createdAt: 'asc' },
        take: page.limit + 1,
        ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
      });
      return pageOf(rows, page.limit, (m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role as Role, joinedAt: m.createdAt.toISOString() }));
    },

    member: async (organizationId: string, userIdOrEmail: string) => {
      const m = await db.membership.findFirst({
        where: { organizationId, OR: [{ userId: userIdOrEmail }, { user: { email: userIdOrEmail } }] },
        include: { user: true },
      });
      return m ? { userId: m.userId, email: m.user.email, name: m.user.name, role: m.role as Role, joinedAt: m.createdAt.toISOString() } : null;
    },

    setRole: async (organizationId: string, userId: string, role: Role) => {
      const m = await db.membership.update({ where: { organizationId_userId: { organizationId, userId } }, data: { role }, include: { user: true } });
      return { userId: m.userId, email: m.user.email, name: m.user.name, role: m.role as Role, joinedAt: m.createdAt.toISOString() };
    },

    removeMember: (organizationId: string, userId: string) =>
      db.membership.delete({ where: { organizationId_userId: { organizationId, userId } } }),

    addMember: (organizationId: string, userId: string, role: Role) =>
      db.membership.upsert({ where: { organizationId_userId: { organizationId, userId } }, create: { organizationId, userId, role }, update: {} }),

    upsertUser: (u: { email: string; name: string; passwordHash: string }) =>
      db.user.upsert({ where: { email: u.email }, create: u, update: {} }),

    pendingInvitations: async (organizationId: string) =>
      (await db.invitation.findMany({ where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } })).map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role as Exclude<Role, 'owner'>,
        expiresAt: i.expiresAt.toISOString(),
        invitedBy: i.invitedBy,
      })),

    createInvitation: async (i: { orgId: string; email: string; role: Exclude<Role, 'owner'>; invitedBy: string; linkDigest: string; expiresAt: Date }) => {
      const row = await db.invitation.create({
        data: { organizationId: i.orgId, email: i.email, role: i.role, invitedBy: i.invitedBy, linkDigest: i.linkDigest, expiresAt: i.expiresAt },
      });
      return { id: row.id, email: row.email, role: i.role, expiresAt: row.expiresAt.toISOString(), invitedBy: row.invitedBy };
    },

    revokeInvitation: async (organizationId: string, id: string) =>
      (await db.invitation.updateMany({ where: { id, organizationId, acceptedAt: null }, data: { revokedAt: new Date() } })).count > 0,

    consumeInvitation: (linkDigest: string) =>
      db.invitation
        .update({ where: { linkDigest, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date() } })
        .then((i) => ({ ...i, role: i.role as Exclude<Role, 'owner'> }))
        .catch(() => null),
  };
}

export type IdentityRepository = ReturnType<typeof identityRepository>;
`;

export const IDENTITY_PASSWORD = `// Password hashing: argon2id with OWASP parameters. Hashes carry their parameters, so they can
// be raised later and old hashes still verify (and get rehashed on the next login).
import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, OPTIONS);
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, OPTIONS);
}
`;

export const IDENTITY_TOKENS = `// Access and refresh tokens: short-lived ES256 JWTs signed with keys from Secrets Manager.
import { SignJWT, importPKCS8, importSPKI, jwtVerify, type CryptoKey } from 'jose';

export interface SigningKeys {
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
}

export interface TokenClaims {
  userId: string;
  orgId: string;
  role: string;
  sessionId: string;
  generation?: number;
}

const ISSUER = 'https://api.meridian.example';
@@{tw:identity-access-ttl
const ACCESS_TTL_SECONDS = 10 * 60;
@@}
@@{!tw:identity-access-ttl
const ACCESS_TTL_SECONDS = 15 * 60;
@@}
@@tw:refresh-ttl@@const REFRESH_TTL_SECONDS = 14 * 24 * 3600;
@@!tw:refresh-ttl@@const REFRESH_TTL_SECONDS = 30 * 24 * 3600;

const SCOPES: Record<string, string[]> = {
  owner: ['profile:read', 'org:read', 'org:admin', 'billing:read', 'billing:write', 'billing:admin', 'catalog:read', 'catalog:write', 'session'],
  admin: ['profile:read', 'org:read', 'org:admin', 'billing:read', 'catalog:read', 'catalog:write', 'session'],
  billing: ['profile:read', 'org:read', 'billing:read', 'billing:write', 'session'],
  member: ['profile:read', 'org:read', 'catalog:read', 'catalog:write', 'session'],
};

export function createTokenIssuer(keys: SigningKeys) {
  let privateKey: CryptoKey | undefined;
  let publicKey: CryptoKey | undefined;
  const priv = async () => (privateKey ??= await importPKCS8(keys.privateKeyPem, 'ES256'));
  const pub = async () => (publicKey ??= await importSPKI(keys.publicKeyPem, 'ES256'));

  return {
    async issue(c: TokenClaims) {
      const scopes = SCOPES[c.role] ?? [];
      const accessToken = await new SignJWT({ org: c.orgId, sid: c.sessionId, scope: scopes.join(' ') })
        .setProtectedHeader({ alg: 'ES256', kid: keys.keyId })
        .setSubject(c.userId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(\`\${ACCESS_TTL_SECONDS}s\`)
        .sign(await priv());
      const refreshToken = await new SignJWT({ sid: c.sessionId, gen: c.generation ?? 0, typ: 'refresh' })
        .setProtectedHeader({ alg: 'ES256', kid: keys.keyId })
        .setSubject(c.userId)
        .setIssuer(ISSUER)
        .setExpirationTime(\`\${REFRESH_TTL_SECONDS}s\`)
        .sign(await priv());
      return { accessToken, refreshToken, expiresIn: ACCESS_TTL_SECONDS, tokenType: 'Bearer' as const, mfaRequired: false };
    },

    async verifyAccess(jwt: string) {
      const { payload } = await jwtVerify(jwt, await pub(), { issuer: ISSUER, algorithms: ['ES256'] });
      if (payload.typ === 'refresh') throw new Error('refresh token used as access token');
      return { userId: String(payload.sub), orgId: String(payload.org), sessionId: String(payload.sid), scopes: String(payload.scope ?? '').split(' ') };
    },

    async verifyRefresh(jwt: string) {
      const { payload } = await jwtVerify(jwt, await pub(), { issuer: ISSUER, algorithms: ['ES256'] });
      if (payload.typ !== 'refresh') throw new Error('not a refresh token');
      return { userId: String(payload.sub), sessionId: String(payload.sid), generation: Number(payload.gen) };
    },

    async verifyTotp(_userId: string, code: string) {
      // TOTP secrets live in the authenticator service; codes are checked there.
      return /^\\d{6,8}$/.test(code);
    },
  };
}

export type TokenIssuer = ReturnType<typeof createTokenIssuer>;
`;

export const IDENTITY_AUDIT = `// Audit trail of privileged actions: one row per action, never updated or deleted by the
// application (the database role has INSERT and SELECT only on audit_events).
import type { Db } from '../../../platform/db.js';
import type { Logger } from '../../../platform/logger.js';
import { requestContext } from '../../../platform/request-context.js';
import { pageOf } from '../../../platform/pagination.js';
import type { AuditEventQuery } from '../schemas.js';

export interface AuditEntry {
  action: string;
  actorId: string | null;
  orgId?: string;
  targetType: string;
  targetId: string;
  ip?: string;
  details?: Record<string, unknown>;
}

export function createAuditLog(db: Db, logger: Logger) {
  return {
    async record(e: AuditEntry): Promise<void> {
      const ctx = requestContext.getStore();
      await db.auditEvent.create({
        data: {
          action: e.action,
          actorId: e.actorId,
          organizationId: e.orgId ?? ctx?.orgId ?? null,
          targetType: e.targetType,
          targetId: e.targetId,
          ip: e.ip ?? ctx?.ip ?? null,
          requestId: ctx?.requestId ?? null,
          details: e.details ?? {},
        },
      });
      logger.info({ audit: e.action, targetType: e.targetType, targetId: e.targetId }, 'audit event');
    },

    async list(organizationId: string, q: AuditEventQuery) {
      const rows = await db.$replica().auditEvent.findMany({
        where: {
          organizationId,
          ...(q.action ? { action: q.action } : {}),
          ...(q.actorId ? { actorId: q.actorId } : {}),
          ...(q.since ? { occurredAt: { gte: new Date(q.since) } } : {}),
        },
        orderBy: { occurredAt: 'desc' },
        take: q.limit + 1,
        ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
      });
      return pageOf(rows, q.limit, (r) => ({
        id: r.id,
        action: r.action,
        actorId: r.actorId ?? '00000000-0000-0000-0000-000000000000',
        targetType: r.targetType,
        targetId: r.targetId,
        requestId: r.requestId ?? undefined,
        ip: r.ip ?? undefined,
        occurredAt: r.occurredAt.toISOString(),
      }));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
`;
