// prisma/schema.prisma and prisma/migrations/*: every schema change is a migration, applied by
// a Helm pre-upgrade job (`prisma migrate deploy`) before new pods start.

export const SCHEMA_PRISMA = `// Data model of the Meridian platform. Every tenant-owned table carries organization_id, and
// every query of a module filters on it (see the repositories).
generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["driverAdapters"]
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Organization {
  id          String       @id @default(uuid()) @db.Uuid
  slug        String       @unique
  name        String
  planId      String?      @map("plan_id")
  createdAt   DateTime     @default(now()) @map("created_at")
  memberships Membership[]

  @@map("organizations")
}

model User {
  id           String       @id @default(uuid()) @db.Uuid
  email        String       @unique
  name         String
  passwordHash String       @map("password_hash")
  mfaEnabled   Boolean      @default(false) @map("mfa_enabled")
  createdAt    DateTime     @default(now()) @map("created_at")
  memberships  Membership[]

  @@map("users")
}

model Membership {
  id             String       @id @default(uuid()) @db.Uuid
  organizationId String       @map("organization_id") @db.Uuid
  userId         String       @map("user_id") @db.Uuid
  role           String
  createdAt      DateTime     @default(now()) @map("created_at")
  organization   Organization @relation(fields: [organizationId], references: [id], onDelete: Cascade)
  user           User         @relation(fields: [userId], references: [id], onDelete: Cascade)
  sessions       Session[]

  @@unique([organizationId, userId])
  @@map("memberships")
}

model Session {
  id                String     @id @default(uuid()) @db.Uuid
  userId            String     @map("user_id") @db.Uuid
  organizationId    String     @map("organization_id") @db.Uuid
  refreshGeneration Int        @default(0) @map("refresh_generation")
  ip                String
  userAgent         String     @map("user_agent")
  createdAt         DateTime   @default(now()) @map("created_at")
  lastUsedAt        DateTime?  @map("last_used_at")
  revokedAt         DateTime?  @map("revoked_at")
  membership        Membership @relation(fields: [organizationId, userId], references: [organizationId, userId], onDelete: Cascade)

  @@index([userId])
  @@map("sessions")
}

/// Append-only: the application role may INSERT and SELECT, never UPDATE or DELETE.
model AuditEvent {
  id             String   @id @default(uuid()) @db.Uuid
  organizationId String?  @map("organization_id") @db.Uuid
  actorId        String?  @map("actor_id") @db.Uuid
  action         String
  targetType     String   @map("target_type")
  targetId       String   @map("target_id")
  ip             String?
  requestId      String?  @map("request_id")
  details        Json     @default("{}")
  occurredAt     DateTime @default(now()) @map("occurred_at")

  @@index([organizationId, occurredAt(sort: Desc)])
  @@map("audit_events")
}
@@{mig:password-reset

model PasswordReset {
  id         String   @id @default(uuid()) @db.Uuid
  userId     String   @map("user_id") @db.Uuid
  linkDigest String   @unique @map("link_digest")
  expiresAt  DateTime @map("expires_at")

  @@map("password_resets")
}

model MfaChallenge {
  id             String   @id @default(uuid()) @db.Uuid
  userId         String   @map("user_id") @db.Uuid
  organizationId String   @map("organization_id") @db.Uuid
  expiresAt      DateTime @map("expires_at")

  @@map("mfa_challenges")
}
@@}
@@{mig:catalog

model Category {
  id             String     @id @default(uuid()) @db.Uuid
  organizationId String     @map("organization_id") @db.Uuid
  name           String
  parentId       String?    @map("parent_id") @db.Uuid
  position       Int        @default(0)
  parent         Category?  @relation("CategoryTree", fields: [parentId], references: [id])
  children       Category[] @relation("CategoryTree")
  products       Product[]

  @@index([organizationId, parentId])
  @@map("categories")
}

model Product {
  id             String         @id @default(uuid()) @db.Uuid
  organizationId String         @map("organization_id") @db.Uuid
  sku            String
  name           String
  description    String?
  status         String         @default("draft")
  categoryId     String?        @map("category_id") @db.Uuid
  createdAt      DateTime       @default(now()) @map("created_at")
  updatedAt      DateTime       @updatedAt @map("updated_at")
  category       Category?      @relation(fields: [categoryId], references: [id])
  images         ProductImage[]
  variants       Variant[]
@@mig:price-books@@  prices         Price[]

  @@unique([organizationId, sku])
@@mig:products-created-index@@  @@index([organizationId, status, createdAt(sort: Desc)])
  @@map("products")
}

model ProductImage {
  id        String  @id @default(uuid()) @db.Uuid
  productId String  @map("product_id") @db.Uuid
  key       String
  url       String
  product   Product @relation(fields: [productId], references: [id], onDelete: Cascade)

  @@map("product_images")
}

model Variant {
  id         String   @id @default(uuid()) @db.Uuid
  productId  String   @map("product_id") @db.Uuid
  sku        String
  attributes String[]
  stock      Int      @default(0)
  product    Product  @relation(fields: [productId], references: [id], onDelete: Cascade)

  @@unique([productId, sku])
  @@map("variants")
}
@@}
@@{mig:billing

model Plan {
  id          String  @id
  name        String
  priceAmount Int     @map("price_amount")
  currency    String
  interval    String
  seats       Int
  active      Boolean @default(true)

  @@map("plans")
}

model Subscription {
  id                String             @id @default(uuid()) @db.Uuid
  organizationId    String             @unique @map("organization_id") @db.Uuid
  planId            String             @map("plan_id")
  paymentMethodId   String?            @map("payment_method_id") @db.Uuid
  status            String
  currentPeriodEnd  DateTime           @map("current_period_end")
  cancelAtPeriodEnd Boolean            @default(false) @map("cancel_at_period_end")
  updatedAt         DateTime           @updatedAt @map("updated_at")
  items             SubscriptionItem[]

  @@map("subscriptions")
}

model SubscriptionItem {
  id             String       @id @default(uuid()) @db.Uuid
  subscriptionId String       @map("subscription_id") @db.Uuid
  description    String
  quantity       Int
  unitAmount     Int          @map("unit_amount")
  taxRateBps     Int          @map("tax_rate_bps")
  subscription   Subscription @relation(fields: [subscriptionId], references: [id], onDelete: Cascade)

  @@map("subscription_items")
}

model Invoice {
  id              String        @id @default(uuid()) @db.Uuid
  organizationId  String        @map("organization_id") @db.Uuid
  periodKey       String        @unique @map("period_key")
  number          String        @unique @default(dbgenerated("next_invoice_number()"))
  status          String
  currency        String
  totalAmount     Int           @map("total_amount")
  taxAmount       Int           @map("tax_amount")
  issuedAt        DateTime      @default(now()) @map("issued_at")
  dueAt           DateTime      @map("due_at")
  paidAt          DateTime?     @map("paid_at")
  paymentAttempts Int           @default(0) @map("payment_attempts")
  lines           InvoiceLine[]
  payments        Payment[]

  @@index([organizationId, issuedAt(sort: Desc)])
  @@map("invoices")
}

model InvoiceLine {
  id          String  @id @default(uuid()) @db.Uuid
  invoiceId   String  @map("invoice_id") @db.Uuid
  description String
  quantity    Int
  unitAmount  Int     @map("unit_amount")
  taxRateBps  Int     @map("tax_rate_bps")
  invoice     Invoice @relation(fields: [invoiceId], references: [id], onDelete: Cascade)

  @@map("invoice_lines")
}

model Payment {
  id        String   @id @default(uuid()) @db.Uuid
  invoiceId String   @map("invoice_id") @db.Uuid
  pspRef    String   @unique @map("psp_ref")
  status    String
  amount    Int
  currency  String
  createdAt DateTime @default(now()) @map("created_at")
  invoice   Invoice  @relation(fields: [invoiceId], references: [id])

  @@map("payments")
}

model PaymentMethod {
  id             String    @id @default(uuid()) @db.Uuid
  organizationId String    @map("organization_id") @db.Uuid
  pspRef         String    @unique @map("psp_ref")
  kind           String
  last4          String
  expiresAt      DateTime? @map("expires_at")
  isDefault      Boolean   @default(false) @map("is_default")
  createdAt      DateTime  @default(now()) @map("created_at")
  removedAt      DateTime? @map("removed_at")

  @@index([organizationId])
  @@map("payment_methods")
}
@@}
@@{mig:invitations

model Invitation {
  id             String    @id @default(uuid()) @db.Uuid
  organizationId String    @map("organization_id") @db.Uuid
  email          String
  role           String
  invitedBy      String    @map("invited_by") @db.Uuid
  linkDigest     String    @unique @map("link_digest")
  expiresAt      DateTime  @map("expires_at")
  acceptedAt     DateTime? @map("accepted_at")
  revokedAt      DateTime? @map("revoked_at")

  @@index([organizationId])
  @@map("invitations")
}

@@}
@@{mig:idempotency

model IdempotencyKey {
  scope          String
  key            String
  fingerprint    String
  responseStatus Int?     @map("response_status")
  responseBody   Json?    @map("response_body")
  createdAt      DateTime @default(now()) @map("created_at")
  expiresAt      DateTime @map("expires_at")

  @@id([scope, key])
  @@index([expiresAt])
  @@map("idempotency_keys")
}
@@}
@@{mig:price-books

model PriceBook {
  id             String  @id @default(uuid()) @db.Uuid
  organizationId String  @map("organization_id") @db.Uuid
  name           String
  currency       String
  isDefault      Boolean @default(false) @map("is_default")
  prices         Price[]

  @@unique([organizationId, name])
  @@map("price_books")
}

model Price {
  priceBookId String    @map("price_book_id") @db.Uuid
  productId   String    @map("product_id") @db.Uuid
  amount      Int
  priceBook   PriceBook @relation(fields: [priceBookId], references: [id], onDelete: Cascade)
  product     Product   @relation(fields: [productId], references: [id], onDelete: Cascade)

  @@id([priceBookId, productId])
  @@map("prices")
}
@@}
@@{mig:product-imports

model ProductImport {
  id             String   @id @default(uuid()) @db.Uuid
  organizationId String   @map("organization_id") @db.Uuid
  fileKey        String   @map("file_key")
  dryRun         Boolean  @default(false) @map("dry_run")
  status         String
  rowsTotal      Int?     @map("rows_total")
  rowsImported   Int?     @map("rows_imported")
  errors         String[]
  createdAt      DateTime @default(now()) @map("created_at")

  @@map("product_imports")
}
@@}
@@{mig:invoice-exports

model InvoiceExport {
  id             String   @id @default(uuid()) @db.Uuid
  organizationId String   @map("organization_id") @db.Uuid
  from           DateTime
  to             DateTime
  status         String
  downloadUrl    String?  @map("download_url")
  createdAt      DateTime @default(now()) @map("created_at")

  @@map("invoice_exports")
}
@@}
@@{mig:credit-notes

model CreditNote {
  id             String   @id @default(uuid()) @db.Uuid
  organizationId String   @map("organization_id") @db.Uuid
  invoiceId      String   @map("invoice_id") @db.Uuid
  number         String   @unique
  totalAmount    Int      @map("total_amount")
  currency       String
  reason         String
  issuedAt       DateTime @default(now()) @map("issued_at")

  @@index([organizationId, issuedAt(sort: Desc)])
  @@map("credit_notes")
}

model TaxRate {
  id             String  @id @default(uuid()) @db.Uuid
  organizationId String? @map("organization_id") @db.Uuid
  country        String
  rateBps        Int     @map("rate_bps")
  name           String

  @@map("tax_rates")
}
@@}
@@{mig:psp-events

model ProcessedPspEvent {
  id          String   @id
  type        String
  processedAt DateTime @default(now()) @map("processed_at")

  @@map("processed_psp_events")
}
@@}
`;

/** [feature, name, SQL]; the directory is <timestamp>_<name>, the timestamp that of the pull request. */
export const MIGRATIONS: [string, string, string][] = [
  [
    'db',
    'init_identity',
    `-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "plan_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "mfa_enabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "refresh_generation" INTEGER NOT NULL DEFAULT 0,
    "ip" TEXT NOT NULL,
    "user_agent" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "organization_id" UUID,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "ip" TEXT,
    "request_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "memberships_organization_id_user_id_key" ON "memberships"("organization_id", "user_id");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");
CREATE INDEX "audit_events_organization_id_occurred_at_idx" ON "audit_events"("organization_id", "occurred_at" DESC);

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organization_id_user_id_fkey" FOREIGN KEY ("organization_id", "user_id") REFERENCES "memberships"("organization_id", "user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit trail is append-only for the application role.
REVOKE UPDATE, DELETE ON "audit_events" FROM meridian_app;
`,
  ],
  [
    'mig:password-reset',
    'password_reset_mfa',
    `-- CreateTable
CREATE TABLE "password_resets" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "link_digest" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "password_resets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mfa_challenges" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "mfa_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "password_resets_link_digest_key" ON "password_resets"("link_digest");
`,
  ],
  [
    'mig:catalog',
    'catalog',
    `-- CreateTable
CREATE TABLE "categories" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "parent_id" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "category_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "product_images" (
    "id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    CONSTRAINT "product_images_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "variants" (
    "id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "attributes" TEXT[],
    "stock" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "variants_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "categories_organization_id_parent_id_idx" ON "categories"("organization_id", "parent_id");
CREATE UNIQUE INDEX "products_organization_id_sku_key" ON "products"("organization_id", "sku");
CREATE UNIQUE INDEX "variants_product_id_sku_key" ON "variants"("product_id", "sku");

-- AddForeignKey
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "products" ADD CONSTRAINT "products_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "product_images" ADD CONSTRAINT "product_images_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "variants" ADD CONSTRAINT "variants_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`,
  ],
  [
    'mig:billing',
    'billing',
    `-- Invoice numbers are gapless per year, as tax law requires.
CREATE SEQUENCE invoice_number_seq;
CREATE FUNCTION next_invoice_number() RETURNS TEXT LANGUAGE SQL AS $$
  SELECT 'INV-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('invoice_number_seq')::text, 6, '0')
$$;

-- CreateTable
CREATE TABLE "plans" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "price_amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "interval" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "plan_id" TEXT NOT NULL,
    "payment_method_id" UUID,
    "status" TEXT NOT NULL,
    "current_period_end" TIMESTAMP(3) NOT NULL,
    "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscription_items" (
    "id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_amount" INTEGER NOT NULL,
    "tax_rate_bps" INTEGER NOT NULL,
    CONSTRAINT "subscription_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "number" TEXT NOT NULL DEFAULT next_invoice_number(),
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "total_amount" INTEGER NOT NULL,
    "tax_amount" INTEGER NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMP(3) NOT NULL,
    "paid_at" TIMESTAMP(3),
    "payment_attempts" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_lines" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_amount" INTEGER NOT NULL,
    "tax_rate_bps" INTEGER NOT NULL,
    CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "psp_ref" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_methods" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "psp_ref" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3),
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMP(3),
    CONSTRAINT "payment_methods_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "subscriptions_organization_id_key" ON "subscriptions"("organization_id");
CREATE UNIQUE INDEX "invoices_period_key_key" ON "invoices"("period_key");
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices"("number");
CREATE INDEX "invoices_organization_id_issued_at_idx" ON "invoices"("organization_id", "issued_at" DESC);
CREATE UNIQUE INDEX "payments_psp_ref_key" ON "payments"("psp_ref");
CREATE UNIQUE INDEX "payment_methods_psp_ref_key" ON "payment_methods"("psp_ref");
CREATE INDEX "payment_methods_organization_id_idx" ON "payment_methods"("organization_id");

-- AddForeignKey
ALTER TABLE "subscription_items" ADD CONSTRAINT "subscription_items_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`,
  ],
  [
    'mig:invitations',
    'invitations',
    `-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "invited_by" UUID NOT NULL,
    "link_digest" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "accepted_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitations_link_digest_key" ON "invitations"("link_digest");
CREATE INDEX "invitations_organization_id_idx" ON "invitations"("organization_id");
`,
  ],
  [
    'mig:idempotency',
    'idempotency_keys',
    `-- CreateTable
CREATE TABLE "idempotency_keys" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope", "key")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");
`,
  ],
  [
    'mig:price-books',
    'price_books',
    `-- CreateTable
CREATE TABLE "price_books" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "price_books_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prices" (
    "price_book_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    CONSTRAINT "prices_pkey" PRIMARY KEY ("price_book_id", "product_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "price_books_organization_id_name_key" ON "price_books"("organization_id", "name");

-- AddForeignKey
ALTER TABLE "prices" ADD CONSTRAINT "prices_price_book_id_fkey" FOREIGN KEY ("price_book_id") REFERENCES "price_books"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "prices" ADD CONSTRAINT "prices_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`,
  ],
  [
    'mig:product-search',
    'product_search',
    `-- Full-text search over products, maintained by Postgres itself.
ALTER TABLE "products" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', coalesce("sku", '') || ' ' || coalesce("name", '') || ' ' || coalesce("description", ''))) STORED;

CREATE INDEX "products_search_idx" ON "products" USING GIN ("search");
`,
  ],
  [
    'mig:product-imports',
    'product_imports',
    `-- CreateTable
CREATE TABLE "product_imports" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "file_key" TEXT NOT NULL,
    "dry_run" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "rows_total" INTEGER,
    "rows_imported" INTEGER,
    "errors" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "product_imports_pkey" PRIMARY KEY ("id")
);
`,
  ],
  [
    'mig:invoice-exports',
    'invoice_exports',
    `-- CreateTable
CREATE TABLE "invoice_exports" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "to" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "download_url" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "invoice_exports_pkey" PRIMARY KEY ("id")
);
`,
  ],
  [
    'mig:credit-notes',
    'credit_notes_tax_rates',
    `-- CreateTable
CREATE TABLE "credit_notes" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "total_amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "credit_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tax_rates" (
    "id" UUID NOT NULL,
    "organization_id" UUID,
    "country" TEXT NOT NULL,
    "rate_bps" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "tax_rates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "credit_notes_number_key" ON "credit_notes"("number");
CREATE INDEX "credit_notes_organization_id_issued_at_idx" ON "credit_notes"("organization_id", "issued_at" DESC);
`,
  ],
  [
    'mig:psp-events',
    'processed_psp_events',
    `-- CreateTable
CREATE TABLE "processed_psp_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "processed_psp_events_pkey" PRIMARY KEY ("id")
);
`,
  ],
  [
    'mig:products-created-index',
    'products_listing_index',
    `-- Listing products by status, newest first, was a sequential scan for large catalogs
-- (see docs/postmortems/2026-04-08-catalog-listing-latency.md).
CREATE INDEX CONCURRENTLY "products_organization_id_status_created_at_idx" ON "products"("organization_id", "status", "created_at" DESC);
`,
  ],
];

export const MIGRATION_LOCK = `# Please do not edit this file manually
# It should be added in your version-control system (e.g., Git)
provider = "postgresql"
`;
