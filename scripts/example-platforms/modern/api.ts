// The HTTP API of the modern platform as data: endpoints and schemas, from which the generator
// writes each module's routes (http.ts), zod schemas (schemas.ts), OpenAPI registrations
// (openapi.ts) and the checked-in openapi.yaml, so all four always agree, at every commit.
import { stringify } from 'yaml';
import type { State } from '../timeline.ts';

export type ModuleName = 'identity' | 'billing' | 'catalog';

export interface Endpoint {
  module: ModuleName;
  /** Feature id that introduces it: `ep:<module>.<operationId>`. */
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  /** OAuth-style scope checked by requireAuth; absent = public. */
  scope?: string;
  middlewares?: string[];
  params?: string;
  query?: string;
  body?: string;
  /** Response schema; absent = no body. */
  response?: string;
  status: 200 | 201 | 202 | 204;
  call: string;
  deprecated?: { sunset: string; successor: string };
  /** Extra error statuses documented. */
  errors?: number[];
}

function ep(module: ModuleName, spec: Omit<Endpoint, 'module' | 'id' | 'status'> & { status?: Endpoint['status'] }): Endpoint {
  return { module, id: `ep:${module}.${spec.operationId}`, status: spec.status ?? 200, ...spec };
}

export const ENDPOINTS: Endpoint[] = [
  // identity
  ep('identity', { method: 'post', path: '/v1/auth/login', operationId: 'login', summary: 'Exchange credentials for an access and a refresh token', body: 'LoginRequest', response: 'TokenPair', call: "identity.login(req.body, { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? '' })", errors: [401, 429] }),
  ep('identity', { method: 'post', path: '/v1/auth/refresh', operationId: 'refreshSession', summary: 'Rotate a refresh token', body: 'RefreshRequest', response: 'TokenPair', call: 'identity.refresh(req.body.refreshToken)', errors: [401, 429] }),
  ep('identity', { method: 'post', path: '/v1/auth/logout', operationId: 'logout', summary: 'Revoke the current session', scope: 'session', status: 204, call: 'identity.logout(req.auth)' }),
  ep('identity', { method: 'post', path: '/v1/auth/password-reset', operationId: 'requestPasswordReset', summary: 'Send a password reset link', body: 'PasswordResetRequest', status: 202, call: 'identity.requestPasswordReset(req.body.email)', errors: [429] }),
  ep('identity', { method: 'post', path: '/v1/auth/password-reset/confirm', operationId: 'confirmPasswordReset', summary: 'Set a new password with a reset link', body: 'PasswordResetConfirm', status: 204, call: 'identity.confirmPasswordReset(req.body)', errors: [410, 429] }),
  ep('identity', { method: 'post', path: '/v1/auth/mfa/verify', operationId: 'verifyMfa', summary: 'Complete a login with a one-time code', body: 'MfaVerifyRequest', response: 'TokenPair', call: 'identity.verifyMfa(req.body)', errors: [401, 429] }),
  ep('identity', { method: 'get', path: '/v1/me', operationId: 'getMe', summary: 'The signed-in user and their organizations', scope: 'profile:read', response: 'Me', call: 'identity.me(req.auth)' }),
  ep('identity', { method: 'get', path: '/v1/organizations/:orgId', operationId: 'getOrganization', summary: 'Get an organization', scope: 'org:read', params: 'OrgParams', response: 'Organization', call: 'identity.getOrganization(req.auth, req.params.orgId)', errors: [404] }),
  ep('identity', { method: 'get', path: '/v1/organizations/:orgId/members', operationId: 'listMembers', summary: 'List the members of an organization', scope: 'org:read', params: 'OrgParams', query: 'PageQuery', response: 'MemberPage', call: 'identity.listMembers(req.auth, req.params.orgId, res.locals.query)' }),
  ep('identity', { method: 'patch', path: '/v1/organizations/:orgId/members/:userId', operationId: 'updateMember', summary: "Change a member's role", scope: 'org:admin', params: 'MemberParams', body: 'UpdateMemberRequest', response: 'Member', call: 'identity.updateMember(req.auth, req.params, req.body)', errors: [404, 409] }),
  ep('identity', { method: 'delete', path: '/v1/organizations/:orgId/members/:userId', operationId: 'removeMember', summary: 'Remove a member from an organization', scope: 'org:admin', params: 'MemberParams', status: 204, call: 'identity.removeMember(req.auth, req.params)', errors: [404, 409] }),
  ep('identity', { method: 'get', path: '/v1/organizations/:orgId/invitations', operationId: 'listInvitations', summary: 'List pending invitations', scope: 'org:admin', params: 'OrgParams', response: 'InvitationList', call: 'identity.listInvitations(req.auth, req.params.orgId)' }),
  ep('identity', { method: 'post', path: '/v1/organizations/:orgId/invitations', operationId: 'createInvitation', summary: 'Invite someone to an organization', scope: 'org:admin', params: 'OrgParams', body: 'CreateInvitationRequest', response: 'Invitation', status: 201, call: 'identity.invite(req.auth, req.params.orgId, req.body)', errors: [409] }),
  ep('identity', { method: 'delete', path: '/v1/organizations/:orgId/invitations/:invitationId', operationId: 'revokeInvitation', summary: 'Revoke a pending invitation', scope: 'org:admin', params: 'InvitationParams', status: 204, call: 'identity.revokeInvitation(req.auth, req.params)', errors: [404] }),
  ep('identity', { method: 'post', path: '/v1/invitations/:invitationToken/accept', operationId: 'acceptInvitation', summary: 'Accept an invitation and create the account', params: 'AcceptInvitationParams', body: 'AcceptInvitationRequest', response: 'TokenPair', status: 201, call: 'identity.acceptInvitation(req.params.invitationToken, req.body)', errors: [410] }),
  ep('identity', { method: 'get', path: '/v1/organizations/:orgId/audit-events', operationId: 'listAuditEvents', summary: 'Audit trail of privileged actions in an organization', scope: 'org:admin', params: 'OrgParams', query: 'AuditEventQuery', response: 'AuditEventPage', call: 'identity.listAuditEvents(req.auth, req.params.orgId, res.locals.query)' }),
  // billing
  ep('billing', { method: 'get', path: '/v1/billing/plans', operationId: 'listPlans', summary: 'Plans available for subscription', response: 'PlanList', call: 'billing.listPlans()' }),
  ep('billing', { method: 'get', path: '/v1/billing/subscription', operationId: 'getSubscription', summary: "The organization's subscription", scope: 'billing:read', response: 'Subscription', call: 'billing.getSubscription(req.auth)', errors: [404] }),
  ep('billing', { method: 'put', path: '/v1/billing/subscription', operationId: 'changePlan', summary: 'Subscribe or change plan', scope: 'billing:write', middlewares: ['idempotent()'], body: 'ChangePlanRequest', response: 'Subscription', call: 'billing.changePlan(req.auth, req.body)', errors: [402, 409] }),
  ep('billing', { method: 'delete', path: '/v1/billing/subscription', operationId: 'cancelSubscription', summary: 'Cancel at the end of the billing period', scope: 'billing:write', middlewares: ['idempotent()'], response: 'Subscription', call: 'billing.cancelSubscription(req.auth)', errors: [404] }),
  ep('billing', { method: 'get', path: '/v1/billing/invoices', operationId: 'listInvoices', summary: 'List invoices', scope: 'billing:read', query: 'InvoiceQuery', response: 'InvoicePage', call: 'billing.listInvoices(req.auth, res.locals.query)' }),
  ep('billing', { method: 'get', path: '/v1/billing/invoices/:invoiceId', operationId: 'getInvoice', summary: 'Get an invoice', scope: 'billing:read', params: 'InvoiceParams', response: 'Invoice', call: 'billing.getInvoice(req.auth, req.params.invoiceId)', errors: [404] }),
  ep('billing', { method: 'get', path: '/v1/billing/invoices/:invoiceId/pdf', operationId: 'getInvoicePdf', summary: 'A short-lived link to the invoice PDF', scope: 'billing:read', params: 'InvoiceParams', response: 'DownloadLink', call: 'billing.invoicePdfLink(req.auth, req.params.invoiceId)', errors: [404] }),
  ep('billing', { method: 'post', path: '/v1/billing/invoices/:invoiceId/payments', operationId: 'payInvoice', summary: 'Pay an invoice with a stored payment method', scope: 'billing:write', middlewares: ['idempotent()'], params: 'InvoiceParams', body: 'CreatePaymentRequest', response: 'Payment', status: 201, call: 'billing.payInvoice(req.auth, req.params.invoiceId, req.body)', errors: [402, 404, 409] }),
  ep('billing', { method: 'post', path: '/v1/billing/invoices/:invoiceId/void', operationId: 'voidInvoice', summary: 'Void an open invoice', scope: 'billing:admin', middlewares: ['idempotent()'], params: 'InvoiceParams', response: 'Invoice', call: 'billing.voidInvoice(req.auth, req.params.invoiceId)', errors: [404, 409] }),
  ep('billing', { method: 'post', path: '/v1/billing/invoice-exports', operationId: 'createInvoiceExport', summary: 'Export invoices as CSV (asynchronous)', scope: 'billing:read', middlewares: ['exportLimiter'], body: 'CreateExportRequest', response: 'ExportJob', status: 202, call: 'billing.startExport(req.auth, req.body)', errors: [429] }),
  ep('billing', { method: 'get', path: '/v1/billing/invoice-exports/:exportId', operationId: 'getInvoiceExport', summary: 'State of an invoice export', scope: 'billing:read', params: 'ExportParams', response: 'ExportJob', call: 'billing.getExport(req.auth, req.params.exportId)', errors: [404] }),
  ep('billing', { method: 'get', path: '/v1/billing/payment-methods', operationId: 'listPaymentMethods', summary: 'Stored payment methods', scope: 'billing:read', response: 'PaymentMethodList', call: 'billing.listPaymentMethods(req.auth)' }),
  ep('billing', { method: 'post', path: '/v1/billing/payment-methods', operationId: 'attachPaymentMethod', summary: 'Store a payment method tokenized by the PSP', scope: 'billing:write', middlewares: ['idempotent()'], body: 'AttachPaymentMethodRequest', response: 'PaymentMethod', status: 201, call: 'billing.attachPaymentMethod(req.auth, req.body)', errors: [402] }),
  ep('billing', { method: 'delete', path: '/v1/billing/payment-methods/:paymentMethodId', operationId: 'detachPaymentMethod', summary: 'Remove a stored payment method', scope: 'billing:write', params: 'PaymentMethodParams', status: 204, call: 'billing.detachPaymentMethod(req.auth, req.params.paymentMethodId)', errors: [404, 409] }),
  ep('billing', { method: 'get', path: '/v1/billing/credit-notes', operationId: 'listCreditNotes', summary: 'List credit notes', scope: 'billing:read', query: 'PageQuery', response: 'CreditNotePage', call: 'billing.listCreditNotes(req.auth, res.locals.query)' }),
  ep('billing', { method: 'get', path: '/v1/billing/tax-rates', operationId: 'listTaxRates', summary: 'Tax rates applied to invoices', scope: 'billing:read', response: 'TaxRateList', call: 'billing.listTaxRates(req.auth)' }),
  ep('billing', { method: 'post', path: '/v1/billing/webhooks/psp', operationId: 'receivePspWebhook', summary: 'Payment provider events (signed)', middlewares: ["express.raw({ type: 'application/json', limit: '256kb' })"], status: 202, call: "billing.acceptPspWebhook(req.get('psp-signature') ?? '', req.body as Buffer)", errors: [400] }),
  // catalog
  ep('catalog', { method: 'get', path: '/v1/catalog/products', operationId: 'listProducts', summary: 'List products', scope: 'catalog:read', query: 'ListProductsQuery', response: 'ProductPage', call: 'catalog.listProducts(req.auth, res.locals.query)' }),
  ep('catalog', { method: 'post', path: '/v1/catalog/products', operationId: 'createProduct', summary: 'Create a product', scope: 'catalog:write', body: 'CreateProductRequest', response: 'Product', status: 201, call: 'catalog.createProduct(req.auth, req.body)', errors: [409] }),
  ep('catalog', { method: 'get', path: '/v1/catalog/products/:productId', operationId: 'getProduct', summary: 'Get a product', scope: 'catalog:read', params: 'ProductParams', response: 'Product', call: 'catalog.getProduct(req.auth, req.params.productId)', errors: [404] }),
  ep('catalog', { method: 'patch', path: '/v1/catalog/products/:productId', operationId: 'updateProduct', summary: 'Update a product', scope: 'catalog:write', params: 'ProductParams', body: 'UpdateProductRequest', response: 'Product', call: 'catalog.updateProduct(req.auth, req.params.productId, req.body)', errors: [404, 409] }),
  ep('catalog', { method: 'delete', path: '/v1/catalog/products/:productId', operationId: 'archiveProduct', summary: 'Archive a product', scope: 'catalog:write', params: 'ProductParams', status: 204, call: 'catalog.archiveProduct(req.auth, req.params.productId)', errors: [404] }),
  ep('catalog', { method: 'get', path: '/v1/catalog/products/:productId/variants', operationId: 'listVariants', summary: 'Variants of a product', scope: 'catalog:read', params: 'ProductParams', response: 'VariantList', call: 'catalog.listVariants(req.auth, req.params.productId)', errors: [404] }),
  ep('catalog', { method: 'post', path: '/v1/catalog/products/:productId/variants', operationId: 'createVariant', summary: 'Add a variant', scope: 'catalog:write', params: 'ProductParams', body: 'CreateVariantRequest', response: 'Variant', status: 201, call: 'catalog.createVariant(req.auth, req.params.productId, req.body)', errors: [404, 409] }),
  ep('catalog', { method: 'delete', path: '/v1/catalog/products/:productId/variants/:variantId', operationId: 'deleteVariant', summary: 'Remove a variant', scope: 'catalog:write', params: 'VariantParams', status: 204, call: 'catalog.deleteVariant(req.auth, req.params)', errors: [404] }),
  ep('catalog', { method: 'post', path: '/v1/catalog/products/:productId/images', operationId: 'createImageUpload', summary: 'A presigned upload URL for a product image', scope: 'catalog:write', params: 'ProductParams', body: 'CreateImageUploadRequest', response: 'ImageUpload', status: 201, call: 'catalog.createImageUpload(req.auth, req.params.productId, req.body)', errors: [404] }),
  ep('catalog', { method: 'get', path: '/v1/catalog/products/:productId/prices', operationId: 'listProductPrices', summary: 'Prices of a product in every price book', scope: 'catalog:read', params: 'ProductParams', response: 'PriceList', call: 'catalog.listProductPrices(req.auth, req.params.productId)', errors: [404] }),
  ep('catalog', { method: 'get', path: '/v1/catalog/categories', operationId: 'listCategories', summary: 'The category tree', scope: 'catalog:read', response: 'CategoryTree', call: 'catalog.categoryTree(req.auth)' }),
  ep('catalog', { method: 'post', path: '/v1/catalog/categories', operationId: 'createCategory', summary: 'Create a category', scope: 'catalog:write', body: 'CreateCategoryRequest', response: 'Category', status: 201, call: 'catalog.createCategory(req.auth, req.body)', errors: [409] }),
  ep('catalog', { method: 'patch', path: '/v1/catalog/categories/:categoryId', operationId: 'updateCategory', summary: 'Rename or move a category', scope: 'catalog:write', params: 'CategoryParams', body: 'UpdateCategoryRequest', response: 'Category', call: 'catalog.updateCategory(req.auth, req.params.categoryId, req.body)', errors: [404, 409] }),
  ep('catalog', { method: 'get', path: '/v1/catalog/search', operationId: 'searchCatalog', summary: 'Full-text search over products', scope: 'catalog:read', query: 'SearchQuery', response: 'SearchResults', call: 'catalog.search(req.auth, res.locals.query)' }),
  ep('catalog', { method: 'get', path: '/v1/catalog/product-search', operationId: 'legacyProductSearch', summary: 'Search products (deprecated: use /v1/catalog/search)', scope: 'catalog:read', query: 'SearchQuery', response: 'SearchResults', call: 'catalog.search(req.auth, res.locals.query)', deprecated: { sunset: '2026-09-30', successor: '/v1/catalog/search' } }),
  ep('catalog', { method: 'post', path: '/v1/catalog/imports', operationId: 'createImport', summary: 'Import products from a CSV file (asynchronous)', scope: 'catalog:write', body: 'CreateImportRequest', response: 'ImportJob', status: 202, call: 'catalog.startImport(req.auth, req.body)', errors: [429] }),
  ep('catalog', { method: 'get', path: '/v1/catalog/imports/:importId', operationId: 'getImport', summary: 'State of a product import', scope: 'catalog:read', params: 'ImportParams', response: 'ImportJob', call: 'catalog.getImport(req.auth, req.params.importId)', errors: [404] }),
  ep('catalog', { method: 'get', path: '/v1/catalog/price-books', operationId: 'listPriceBooks', summary: 'List price books', scope: 'catalog:read', response: 'PriceBookList', call: 'catalog.listPriceBooks(req.auth)' }),
  ep('catalog', { method: 'post', path: '/v1/catalog/price-books', operationId: 'createPriceBook', summary: 'Create a price book', scope: 'catalog:write', body: 'CreatePriceBookRequest', response: 'PriceBook', status: 201, call: 'catalog.createPriceBook(req.auth, req.body)', errors: [409] }),
  ep('catalog', { method: 'put', path: '/v1/catalog/price-books/:priceBookId/prices/:productId', operationId: 'setPrice', summary: 'Set the price of a product in a price book', scope: 'catalog:write', params: 'PriceParams', body: 'SetPriceRequest', response: 'Price', call: 'catalog.setPrice(req.auth, req.params, req.body)', errors: [404] }),
];

// ------------------------------------------------------------------------------------ schemas

/** Field DSL: `name: type` with types uuid, string(1..200), email, url, datetime, date, int(0..), bool, enum(a|b), Ref, suffixes [] and ?, default =x. */
export interface SchemaDef {
  module: ModuleName | 'shared';
  name: string;
  fields: string;
  /** Query-string schemas coerce numbers and booleans. */
  query?: boolean;
}

export const SCHEMAS: SchemaDef[] = [
  { module: 'shared', name: 'Problem', fields: 'type: url, title: string, status: int(100..599), detail: string?, instance: string?, requestId: string?' },
  { module: 'shared', name: 'PageQuery', fields: 'limit: int(1..100)=25, cursor: string?', query: true },
  // identity
  { module: 'identity', name: 'LoginRequest', fields: 'email: email, password: string(8..200), organizationSlug: string(1..63)?' },
  { module: 'identity', name: 'RefreshRequest', fields: 'refreshToken: string(20..4096)' },
  { module: 'identity', name: 'TokenPair', fields: 'accessToken: string, refreshToken: string, expiresIn: int(1..), tokenType: enum(Bearer), mfaRequired: bool' },
  { module: 'identity', name: 'PasswordResetRequest', fields: 'email: email' },
  { module: 'identity', name: 'PasswordResetConfirm', fields: 'resetToken: string(20..512), newPassword: string(12..200)' },
  { module: 'identity', name: 'MfaVerifyRequest', fields: 'challengeId: uuid, code: string(6..8)' },
  { module: 'identity', name: 'OrganizationSummary', fields: 'id: uuid, slug: string, name: string, role: enum(owner|admin|member|billing)' },
  { module: 'identity', name: 'Me', fields: 'id: uuid, email: email, name: string, mfaEnabled: bool, organizations: OrganizationSummary[]' },
  { module: 'identity', name: 'OrgParams', fields: 'orgId: uuid' },
  { module: 'identity', name: 'Organization', fields: 'id: uuid, slug: string, name: string, plan: string?, createdAt: datetime' },
  { module: 'identity', name: 'MemberParams', fields: 'orgId: uuid, userId: uuid' },
  { module: 'identity', name: 'Member', fields: 'userId: uuid, email: email, name: string, role: enum(owner|admin|member|billing), joinedAt: datetime' },
  { module: 'identity', name: 'MemberPage', fields: 'items: Member[], nextCursor: string?' },
  { module: 'identity', name: 'UpdateMemberRequest', fields: 'role: enum(admin|member|billing)' },
  { module: 'identity', name: 'InvitationParams', fields: 'orgId: uuid, invitationId: uuid' },
  { module: 'identity', name: 'Invitation', fields: 'id: uuid, email: email, role: enum(admin|member|billing), expiresAt: datetime, invitedBy: uuid' },
  { module: 'identity', name: 'InvitationList', fields: 'items: Invitation[]' },
  { module: 'identity', name: 'CreateInvitationRequest', fields: 'email: email, role: enum(admin|member|billing)=member' },
  { module: 'identity', name: 'AcceptInvitationParams', fields: 'invitationToken: string(20..512)' },
  { module: 'identity', name: 'AcceptInvitationRequest', fields: 'name: string(1..200), password: string(12..200)' },
  { module: 'identity', name: 'AuditEventQuery', fields: 'limit: int(1..100)=50, cursor: string?, action: string?, actorId: uuid?, since: datetime?', query: true },
  { module: 'identity', name: 'AuditEvent', fields: 'id: uuid, action: string, actorId: uuid, targetType: string, targetId: string, requestId: string?, ip: string?, occurredAt: datetime' },
  { module: 'identity', name: 'AuditEventPage', fields: 'items: AuditEvent[], nextCursor: string?' },
  // billing
  { module: 'billing', name: 'Money', fields: 'amount: int, currency: enum(EUR|USD|GBP)' },
  { module: 'billing', name: 'Plan', fields: 'id: string, name: string, price: Money, interval: enum(month|year), seats: int(1..)' },
  { module: 'billing', name: 'PlanList', fields: 'items: Plan[]' },
  { module: 'billing', name: 'Subscription', fields: 'id: uuid, planId: string, status: enum(trialing|active|past_due|canceled), currentPeriodEnd: datetime, cancelAtPeriodEnd: bool' },
  { module: 'billing', name: 'ChangePlanRequest', fields: 'planId: string(1..64), paymentMethodId: uuid?' },
  { module: 'billing', name: 'InvoiceQuery', fields: 'limit: int(1..100)=25, cursor: string?, status: enum(draft|open|paid|void|uncollectible)?', query: true },
  { module: 'billing', name: 'InvoiceParams', fields: 'invoiceId: uuid' },
  { module: 'billing', name: 'InvoiceLine', fields: 'description: string, quantity: int(1..), unitAmount: Money, taxRate: int(0..10000)' },
  { module: 'billing', name: 'Invoice', fields: 'id: uuid, number: string, status: enum(draft|open|paid|void|uncollectible), total: Money, tax: Money, lines: InvoiceLine[], dueAt: date, paidAt: datetime?' },
  { module: 'billing', name: 'InvoicePage', fields: 'items: Invoice[], nextCursor: string?' },
  { module: 'billing', name: 'DownloadLink', fields: 'url: url, expiresAt: datetime' },
  { module: 'billing', name: 'CreatePaymentRequest', fields: 'paymentMethodId: uuid' },
  { module: 'billing', name: 'Payment', fields: 'id: uuid, invoiceId: uuid, status: enum(pending|succeeded|failed), amount: Money, createdAt: datetime' },
  { module: 'billing', name: 'CreateExportRequest', fields: 'from: date, to: date, format: enum(csv)=csv' },
  { module: 'billing', name: 'ExportParams', fields: 'exportId: uuid' },
  { module: 'billing', name: 'ExportJob', fields: 'id: uuid, status: enum(queued|running|done|failed), downloadUrl: url?, createdAt: datetime' },
  { module: 'billing', name: 'PaymentMethod', fields: 'id: uuid, kind: enum(card|sepa_debit), last4: string, expiresAt: date?, isDefault: bool' },
  { module: 'billing', name: 'PaymentMethodList', fields: 'items: PaymentMethod[]' },
  { module: 'billing', name: 'AttachPaymentMethodRequest', fields: 'pspToken: string(8..512), makeDefault: bool=false' },
  { module: 'billing', name: 'PaymentMethodParams', fields: 'paymentMethodId: uuid' },
  { module: 'billing', name: 'CreditNote', fields: 'id: uuid, invoiceId: uuid, number: string, total: Money, reason: string, issuedAt: datetime' },
  { module: 'billing', name: 'CreditNotePage', fields: 'items: CreditNote[], nextCursor: string?' },
  { module: 'billing', name: 'TaxRate', fields: 'country: string(2..2), rate: int(0..10000), name: string' },
  { module: 'billing', name: 'TaxRateList', fields: 'items: TaxRate[]' },
  // catalog
  { module: 'catalog', name: 'ListProductsQuery', fields: 'limit: int(1..100)=25, cursor: string?, categoryId: uuid?, status: enum(draft|active|archived)?', query: true },
  { module: 'catalog', name: 'Product', fields: 'id: uuid, sku: string, name: string, description: string?, status: enum(draft|active|archived), categoryId: uuid?, imageUrls: url[], createdAt: datetime, updatedAt: datetime' },
  { module: 'catalog', name: 'ProductPage', fields: 'items: Product[], nextCursor: string?' },
  { module: 'catalog', name: 'CreateProductRequest', fields: 'sku: string(1..64), name: string(1..200), description: string(0..5000)?, categoryId: uuid?' },
  { module: 'catalog', name: 'UpdateProductRequest', fields: 'name: string(1..200)?, description: string(0..5000)?, categoryId: uuid?, status: enum(draft|active|archived)?' },
  { module: 'catalog', name: 'ProductParams', fields: 'productId: uuid' },
  { module: 'catalog', name: 'Variant', fields: 'id: uuid, sku: string, attributes: string[], stock: int(0..)' },
  { module: 'catalog', name: 'VariantList', fields: 'items: Variant[]' },
  { module: 'catalog', name: 'CreateVariantRequest', fields: 'sku: string(1..64), attributes: string[]' },
  { module: 'catalog', name: 'VariantParams', fields: 'productId: uuid, variantId: uuid' },
  { module: 'catalog', name: 'CreateImageUploadRequest', fields: 'contentType: enum(image/jpeg|image/png|image/webp), bytes: int(1..10485760)' },
  { module: 'catalog', name: 'ImageUpload', fields: 'uploadUrl: url, imageUrl: url, expiresAt: datetime' },
  { module: 'catalog', name: 'Price', fields: 'priceBookId: uuid, productId: uuid, amount: int(0..), currency: enum(EUR|USD|GBP)' },
  { module: 'catalog', name: 'PriceList', fields: 'items: Price[]' },
  { module: 'catalog', name: 'Category', fields: 'id: uuid, name: string, parentId: uuid?, position: int(0..)' },
  { module: 'catalog', name: 'CategoryTree', fields: 'items: Category[]' },
  { module: 'catalog', name: 'CreateCategoryRequest', fields: 'name: string(1..120), parentId: uuid?' },
  { module: 'catalog', name: 'UpdateCategoryRequest', fields: 'name: string(1..120)?, parentId: uuid?, position: int(0..)?' },
  { module: 'catalog', name: 'CategoryParams', fields: 'categoryId: uuid' },
  { module: 'catalog', name: 'SearchQuery', fields: 'q: string(2..200), limit: int(1..50)=20, categoryId: uuid?', query: true },
  { module: 'catalog', name: 'SearchHit', fields: 'productId: uuid, name: string, score: int(0..)' },
  { module: 'catalog', name: 'SearchResults', fields: 'items: SearchHit[], total: int(0..)' },
  { module: 'catalog', name: 'CreateImportRequest', fields: 'fileKey: string(1..512), dryRun: bool=false' },
  { module: 'catalog', name: 'ImportParams', fields: 'importId: uuid' },
  { module: 'catalog', name: 'ImportJob', fields: 'id: uuid, status: enum(queued|running|done|failed), rowsTotal: int(0..)?, rowsImported: int(0..)?, errors: string[], createdAt: datetime' },
  { module: 'catalog', name: 'PriceBook', fields: 'id: uuid, name: string, currency: enum(EUR|USD|GBP), isDefault: bool' },
  { module: 'catalog', name: 'PriceBookList', fields: 'items: PriceBook[]' },
  { module: 'catalog', name: 'CreatePriceBookRequest', fields: 'name: string(1..120), currency: enum(EUR|USD|GBP)' },
  { module: 'catalog', name: 'PriceParams', fields: 'priceBookId: uuid, productId: uuid' },
  { module: 'catalog', name: 'SetPriceRequest', fields: 'amount: int(0..)' },
];

interface Field {
  name: string;
  type: string;
  array: boolean;
  optional: boolean;
  def?: string;
  min?: number;
  max?: number;
}

function parseFields(fields: string): Field[] {
  return fields.split(/,\s*(?![^()]*\))/).map((raw) => {
    const [name, spec0] = raw.split(/:\s*/) as [string, string];
    let spec = spec0.trim();
    let def: string | undefined;
    const eq = spec.indexOf('=');
    if (eq >= 0) {
      def = spec.slice(eq + 1);
      spec = spec.slice(0, eq);
    }
    const optional = spec.endsWith('?');
    if (optional) spec = spec.slice(0, -1);
    const array = spec.endsWith('[]');
    if (array) spec = spec.slice(0, -2);
    const f: Field = { name: name.trim(), type: spec, array, optional };
    const range = /^(string|int)\((\d*)\.\.(\d*)\)$/.exec(spec);
    if (range) {
      f.type = range[1]!;
      if (range[2]) f.min = Number(range[2]);
      if (range[3]) f.max = Number(range[3]);
    }
    if (def !== undefined) f.def = def;
    return f;
  });
}

const isRef = (t: string): boolean => /^[A-Z]/.test(t);

function zodOf(f: Field, query: boolean): string {
  let z: string;
  const e = /^enum\((.*)\)$/.exec(f.type);
  if (e) z = `z.enum([${e[1]!.split('|').map((v) => `'${v}'`).join(', ')}])`;
  else if (isRef(f.type)) z = f.type;
  else {
    switch (f.type) {
      case 'uuid': z = 'z.uuid()'; break;
      case 'email': z = 'z.email()'; break;
      case 'url': z = 'z.url()'; break;
      case 'datetime': z = 'z.iso.datetime()'; break;
      case 'date': z = 'z.iso.date()'; break;
      case 'bool': z = query ? 'z.stringbool()' : 'z.boolean()'; break;
      case 'int': z = `${query ? 'z.coerce.number()' : 'z.number()'}.int()`; break;
      default: z = 'z.string()';
    }
    if (f.min !== undefined) z += `.min(${f.min})`;
    if (f.max !== undefined) z += `.max(${f.max})`;
  }
  if (f.array) z = `z.array(${z})`;
  if (f.def !== undefined) z += `.default(${/^\d+$|^true$|^false$/.test(f.def) ? f.def : `'${f.def}'`})`;
  else if (f.optional) z += '.optional()';
  return z;
}

/** zod source of one schema. */
export function zodSchema(s: SchemaDef, openapi = true): string {
  const fields = parseFields(s.fields);
  const body = fields.map((f) => `    ${f.name}: ${zodOf(f, s.query === true)},`).join('\n');
  const tail = openapi ? `\n  .openapi('${s.name}');` : ';';
  return `export const ${s.name} = z\n  .object({\n${body}\n  })${tail}\nexport type ${s.name} = z.infer<typeof ${s.name}>;\n`;
}

function jsonSchemaOf(f: Field): Record<string, unknown> {
  let js: Record<string, unknown>;
  const e = /^enum\((.*)\)$/.exec(f.type);
  if (e) js = { type: 'string', enum: e[1]!.split('|') };
  else if (isRef(f.type)) js = { $ref: `#/components/schemas/${f.type}` };
  else {
    switch (f.type) {
      case 'uuid': js = { type: 'string', format: 'uuid' }; break;
      case 'email': js = { type: 'string', format: 'email' }; break;
      case 'url': js = { type: 'string', format: 'uri' }; break;
      case 'datetime': js = { type: 'string', format: 'date-time' }; break;
      case 'date': js = { type: 'string', format: 'date' }; break;
      case 'bool': js = { type: 'boolean' }; break;
      case 'int': js = { type: 'integer' }; break;
      default: js = { type: 'string' };
    }
    const isStr = js.type === 'string';
    if (f.min !== undefined) js[isStr ? 'minLength' : 'minimum'] = f.min;
    if (f.max !== undefined) js[isStr ? 'maxLength' : 'maximum'] = f.max;
  }
  if (f.array) js = { type: 'array', items: js };
  if (f.def !== undefined) js.default = /^\d+$/.test(f.def) ? Number(f.def) : f.def === 'true' ? true : f.def === 'false' ? false : f.def;
  return js;
}

export function componentSchema(s: SchemaDef): Record<string, unknown> {
  const fields = parseFields(s.fields);
  const required = fields.filter((f) => !f.optional && f.def === undefined).map((f) => f.name);
  const out: Record<string, unknown> = { type: 'object', properties: Object.fromEntries(fields.map((f) => [f.name, jsonSchemaOf(f)])) };
  if (required.length > 0) out.required = required;
  return out;
}

export function schemaFields(name: string): Field[] {
  const s = SCHEMAS.find((x) => x.name === name);
  if (!s) throw new Error(`unknown schema ${name}`);
  return parseFields(s.fields);
}

// ------------------------------------------------------------------------------------ renderers

/** An endpoint as it was at state `s`: deprecated only once the deprecation policy exists. */
function effective(e: Endpoint, s: State): Endpoint {
  if (!e.deprecated || s.features.has('api-deprecation')) return e;
  const { deprecated: _d, ...rest } = e;
  return { ...rest, summary: 'Search products by name' };
}

export function endpointsOf(module: ModuleName, s: State): Endpoint[] {
  return ENDPOINTS.filter((e) => e.module === module && s.features.has(e.id)).map((e) => effective(e, s));
}

/** Schemas a set of endpoints needs, with the schemas they reference, in declaration order. */
function schemasFor(endpoints: readonly Endpoint[]): SchemaDef[] {
  const need = new Set<string>();
  const visit = (name: string): void => {
    if (need.has(name)) return;
    need.add(name);
    for (const f of schemaFields(name)) if (isRef(f.type)) visit(f.type);
  };
  for (const e of endpoints) for (const n of [e.params, e.query, e.body, e.response]) if (n) visit(n);
  return SCHEMAS.filter((x) => need.has(x.name));
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** src/modules/<module>/schemas.ts: the schemas of the module's endpoints present. */
export function renderSchemas(module: ModuleName, s: State): string {
  const own = schemasFor(endpointsOf(module, s)).filter((x) => x.module === module);
  const shared = schemasFor(endpointsOf(module, s)).filter((x) => x.module === 'shared' && x.name !== 'Problem');
  const oa = s.features.has('openapi');
  let out = oa
    ? `// Request and response schemas of the ${module} API: validated at runtime by the routes and\n// published through the OpenAPI registry (src/platform/openapi.ts), so the spec cannot drift.\nimport { z } from '../../platform/openapi.js';\n`
    : `// Request and response schemas of the ${module} API, validated at runtime by the routes.\nimport { z } from 'zod';\n`;
  if (shared.length > 0) out += `import { ${shared.map((x) => x.name).join(', ')} } from '../../platform/schemas.js';\n\nexport { ${shared.map((x) => x.name).join(', ')} };\n`;
  for (const x of own) out += `\n${zodSchema(x, oa)}`;
  return out;
}

function routeLine(e: Endpoint): string {
  const mws: string[] = [];
  if (e.deprecated) mws.push(`deprecated({ sunset: '${e.deprecated.sunset}', successor: '${e.deprecated.successor}' })`);
  if (e.scope) mws.push(`requireAuth('${e.scope}')`);
  for (const m of e.middlewares ?? []) mws.push(m);
  const v: string[] = [];
  if (e.params) v.push(`params: ${e.params}`);
  if (e.query) v.push(`query: ${e.query}`);
  if (e.body) v.push(`body: ${e.body}`);
  if (v.length > 0) mws.push(`validate({ ${v.join(', ')} })`);
  let handler: string;
  if (e.status === 204) handler = `async (req, res) => {\n      await ${e.call};\n      res.status(204).end();\n    }`;
  else if (!e.response) handler = `async (req, res) => {\n      await ${e.call};\n      res.status(${e.status}).json({ accepted: true });\n    }`;
  else if (e.status === 200) handler = `async (req, res) => {\n      res.json(await ${e.call});\n    }`;
  else handler = `async (req, res) => {\n      res.status(${e.status}).json(await ${e.call});\n    }`;
  // The path stays on the line of the method, so a route reads (and greps) as one line.
  return `  router.${e.method}('${e.path}',\n${mws.map((m) => `    ${m},\n`).join('')}    ${handler},\n  );\n`;
}

/** src/modules/<module>/http.ts */
export function renderRoutes(module: ModuleName, s: State): string {
  const eps = endpointsOf(module, s);
  const service = `${cap(module)}Service`;
  const schemaNames = [...new Set(eps.flatMap((e) => [e.params, e.query, e.body].filter((x): x is string => Boolean(x))))].sort();
  const usesExpress = eps.some((e) => (e.middlewares ?? []).some((m) => m.startsWith('express.')));
  const imports = [
    usesExpress ? `import express, { Router } from 'express';` : `import { Router } from 'express';`,
    eps.some((e) => e.scope) ? `import { requireAuth } from '../../platform/auth.js';` : '',
    eps.some((e) => e.deprecated) ? `import { deprecated } from '../../platform/deprecation.js';` : '',
    eps.some((e) => e.middlewares?.includes('idempotent()')) ? `import { idempotent } from '../../platform/idempotency.js';` : '',
    eps.some((e) => e.middlewares?.includes('exportLimiter')) ? `import { exportLimiter } from '../../platform/rate-limit.js';` : '',
    schemaNames.length > 0 ? `import { validate } from '../../platform/validate.js';` : '',
    `import type { ${service} } from './service.js';`,
    schemaNames.length > 0 ? `import { ${schemaNames.join(', ')} } from './schemas.js';` : '',
  ].filter(Boolean);
  let out = `// HTTP routes of the ${module} module. Paths carry the API version; every route validates its\n// input with the schemas that also generate openapi.yaml.\n${imports.join('\n')}\n\nexport function ${module}Router(${module}: ${service}): Router {\n  const router = Router();\n`;
  for (const e of eps) out += `\n${routeLine(e)}`;
  out += `\n  return router;\n}\n`;
  return out;
}

const oaPath = (p: string): string => p.replace(/:(\w+)/g, '{$1}');

/** src/modules/<module>/openapi.ts */
export function renderRegistrations(module: ModuleName, s: State): string {
  const eps = endpointsOf(module, s);
  const names = [...new Set(eps.flatMap((e) => [e.params, e.query, e.body, e.response].filter((x): x is string => Boolean(x))))].sort();
  let out = `// OpenAPI registrations of the ${module} routes (see src/openapi/generate.ts).\nimport { errorResponses, registry } from '../../platform/openapi.js';\n`;
  if (names.length > 0) out += `import { ${names.join(', ')} } from './schemas.js';\n`;
  out += `\nexport function register${cap(module)}Paths(): void {\n`;
  for (const e of eps) {
    const req: string[] = [];
    if (e.params) req.push(`params: ${e.params}`);
    if (e.query) req.push(`query: ${e.query}`);
    if (e.body) req.push(`body: { content: { 'application/json': { schema: ${e.body} } } }`);
    const ok = e.response
      ? `${e.status}: { description: '${e.summary.replace(/'/g, "\\'")}', content: { 'application/json': { schema: ${e.response} } } }`
      : `${e.status}: { description: '${e.status === 204 ? 'Done' : 'Accepted'}' }`;
    out += `  registry.registerPath({\n    method: '${e.method}',\n    path: '${oaPath(e.path)}',\n    operationId: '${e.operationId}',\n    summary: '${e.summary.replace(/'/g, "\\'")}',\n    tags: ['${module}'],\n`;
    if (e.deprecated) out += `    deprecated: true,\n`;
    if (e.scope) out += `    security: [{ bearerAuth: ['${e.scope}'] }],\n`;
    if (req.length > 0) out += `    request: { ${req.join(', ')} },\n`;
    out += `    responses: { ${ok}, ...errorResponses(${JSON.stringify(e.errors ?? [])}) },\n  });\n`;
  }
  out += `}\n`;
  return out;
}

const ERROR_NAMES: Record<number, [string, string]> = {
  400: ['BadRequest', 'The request is malformed or fails validation'],
  401: ['Unauthorized', 'Missing or invalid credentials'],
  402: ['PaymentRequired', 'The payment provider declined the payment'],
  403: ['Forbidden', 'The credentials lack the required scope'],
  404: ['NotFound', 'No such resource in this organization'],
  409: ['Conflict', 'The resource is in a state that does not allow this'],
  410: ['Gone', 'The link has expired'],
  429: ['TooManyRequests', 'Rate limit exceeded; retry after the Retry-After header'],
};

/** openapi.yaml: what `npm run openapi:generate` writes for the endpoints present. */
export function renderOpenApiYaml(s: State): string {
  const eps = ENDPOINTS.filter((e) => s.features.has(e.id)).map((e) => effective(e, s));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of eps) {
    const op: Record<string, unknown> = { operationId: e.operationId, summary: e.summary, tags: [e.module] };
    if (e.deprecated) op.deprecated = true;
    op.security = e.scope ? [{ bearerAuth: [e.scope] }] : [];
    const parameters: unknown[] = [];
    for (const [where, name] of [['path', e.params], ['query', e.query]] as const) {
      if (!name) continue;
      for (const f of schemaFields(name)) {
        const p: Record<string, unknown> = { name: f.name, in: where, required: where === 'path' || (!f.optional && f.def === undefined), schema: jsonSchemaOf(f) };
        parameters.push(p);
      }
    }
    if (parameters.length > 0) op.parameters = parameters;
    if (e.body) op.requestBody = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${e.body}` } } } };
    const responses: Record<string, unknown> = {};
    responses[String(e.status)] = e.response
      ? { description: e.summary, content: { 'application/json': { schema: { $ref: `#/components/schemas/${e.response}` } } } }
      : { description: e.status === 204 ? 'Done' : 'Accepted' };
    const errs = new Set([400, ...(e.scope ? [401, 403] : []), ...(e.errors ?? [])]);
    for (const code of [...errs].sort()) responses[String(code)] = { $ref: `#/components/responses/${ERROR_NAMES[code]![0]}` };
    if (e.deprecated) responses[String(e.status)] = { ...(responses[String(e.status)] as object), headers: { Deprecation: { schema: { type: 'string' } }, Sunset: { schema: { type: 'string' } } } };
    op.responses = responses;
    (paths[oaPath(e.path)] ??= {})[e.method] = op;
  }
  const schemas = Object.fromEntries([SCHEMAS.find((x) => x.name === 'Problem')!, ...schemasFor(eps)].filter((x, i, a) => a.indexOf(x) === i && !x.query && !/Params$/.test(x.name)).map((x) => [x.name, componentSchema(x)]));
  const doc = {
    openapi: '3.1.0',
    info: {
      title: 'Meridian Platform API',
      version: 'v1',
      description: 'Identity, billing and catalog APIs of the Meridian commerce platform. Versioning and deprecation: docs/api/deprecation-policy.md.',
      contact: { name: 'Platform team', email: 'platform@meridian.example' },
    },
    servers: [{ url: 'https://api.meridian.example', description: 'production' }, { url: 'https://api.staging.meridian.example', description: 'staging' }],
    tags: [
      { name: 'identity', description: 'Authentication, organizations and members' },
      { name: 'billing', description: 'Plans, subscriptions, invoices and payments' },
      { name: 'catalog', description: 'Products, categories, prices and search' },
    ].filter((t) => eps.some((e) => e.module === t.name)),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      responses: Object.fromEntries(
        Object.values(ERROR_NAMES).map(([name, description]) => [name, { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }]),
      ),
      schemas,
    },
  };
  return `# Generated by \`npm run openapi:generate\` from the route registrations in src/modules/*/openapi.ts.\n# Do not edit: CI regenerates it and fails when this file differs.\n${stringify(doc, { lineWidth: 0 })}`;
}
