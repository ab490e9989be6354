// src/modules/catalog/**: products, variants, categories, price books, search, CSV imports.

export const CATALOG_INDEX = `// Public API of the catalog module.
import type { Queue } from 'bullmq';
import type { Db } from '../../platform/db.js';
import type { Logger } from '../../platform/logger.js';
import type { ObjectStorage } from '../../platform/storage.js';
import { catalogRouter } from './http.js';
import { catalogRepository } from './repository.js';
import { CatalogService } from './service.js';

export { CatalogService } from './service.js';
@@openapi@@export { registerCatalogPaths } from './openapi.js';
@@catalog-imports@@export { catalogProcessors } from './internal/import-job.js';

export interface CatalogModuleDeps {
  db: Db;
  queues: { imports: Queue };
  storage: ObjectStorage;
  logger: Logger;
}

export function createCatalogModule(deps: CatalogModuleDeps) {
  const repo = catalogRepository(deps.db);
  const service = new CatalogService({ repo, queues: deps.queues, storage: deps.storage, logger: deps.logger });
  return { service, repo, router: catalogRouter(service) };
}
`;

export const CATALOG_SERVICE = `// Catalog use cases.
import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { AuthContext } from '../../platform/auth.js';
import { Conflict, NotFound } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { ObjectStorage } from '../../platform/storage.js';
import type { CatalogRepository } from './repository.js';
@@ep:catalog.searchCatalog@@import { toSearchQuery } from './internal/search.js';
import type * as S from './schemas.js';

export interface CatalogServiceDeps {
  repo: CatalogRepository;
  queues: { imports: Queue };
  storage: ObjectStorage;
  logger: Logger;
}

const IMAGE_UPLOAD_TTL_SECONDS = 600;

export class CatalogService {
  readonly #d: CatalogServiceDeps;

  constructor(deps: CatalogServiceDeps) {
    this.#d = deps;
  }

  async #product(auth: AuthContext, productId: string) {
    const p = await this.#d.repo.product(auth.orgId, productId);
    if (!p) throw new NotFound('product');
    return p;
  }
@@{ep:catalog.listProducts

  listProducts(auth: AuthContext, q: S.ListProductsQuery): Promise<S.ProductPage> {
    return this.#d.repo.products(auth.orgId, q);
  }
@@}
@@{ep:catalog.createProduct

  async createProduct(auth: AuthContext, input: S.CreateProductRequest): Promise<S.Product> {
    if (await this.#d.repo.productBySku(auth.orgId, input.sku)) throw new Conflict(\`sku \${input.sku} exists\`);
    return this.#d.repo.createProduct(auth.orgId, input);
  }
@@}
@@{ep:catalog.getProduct

  getProduct(auth: AuthContext, productId: string): Promise<S.Product> {
    return this.#product(auth, productId);
  }
@@}
@@{ep:catalog.updateProduct

  async updateProduct(auth: AuthContext, productId: string, input: S.UpdateProductRequest): Promise<S.Product> {
    await this.#product(auth, productId);
    return this.#d.repo.updateProduct(productId, input);
  }
@@}
@@{ep:catalog.archiveProduct

  async archiveProduct(auth: AuthContext, productId: string): Promise<void> {
    await this.#product(auth, productId);
    await this.#d.repo.updateProduct(productId, { status: 'archived' });
  }
@@}
@@{ep:catalog.listVariants

  async listVariants(auth: AuthContext, productId: string): Promise<S.VariantList> {
    await this.#product(auth, productId);
    return { items: await this.#d.repo.variants(productId) };
  }
@@}
@@{ep:catalog.createVariant

  async createVariant(auth: AuthContext, productId: string, input: S.CreateVariantRequest): Promise<S.Variant> {
    await this.#product(auth, productId);
    if (await this.#d.repo.variantBySku(auth.orgId, input.sku)) throw new Conflict(\`sku \${input.sku} exists\`);
    return this.#d.repo.createVariant(productId, input);
  }
@@}
@@{ep:catalog.deleteVariant

  async deleteVariant(auth: AuthContext, p: S.VariantParams): Promise<void> {
    await this.#product(auth, p.productId);
    if (!(await this.#d.repo.deleteVariant(p.productId, p.variantId))) throw new NotFound('variant');
  }
@@}
@@{ep:catalog.createImageUpload

  async createImageUpload(auth: AuthContext, productId: string, input: S.CreateImageUploadRequest): Promise<S.ImageUpload> {
    await this.#product(auth, productId);
    const key = \`products/\${auth.orgId}/\${productId}/\${randomUUID()}\`;
    const uploadUrl = await this.#d.storage.signedPutUrl(key, input.contentType, input.bytes, IMAGE_UPLOAD_TTL_SECONDS);
    await this.#d.repo.addImage(productId, key);
    return { uploadUrl, imageUrl: this.#d.storage.publicUrl(key), expiresAt: new Date(Date.now() + IMAGE_UPLOAD_TTL_SECONDS * 1000).toISOString() };
  }
@@}
@@{ep:catalog.listProductPrices

  async listProductPrices(auth: AuthContext, productId: string): Promise<S.PriceList> {
    await this.#product(auth, productId);
    return { items: await this.#d.repo.pricesOfProduct(productId) };
  }
@@}
@@{ep:catalog.listCategories

  async categoryTree(auth: AuthContext): Promise<S.CategoryTree> {
    return { items: await this.#d.repo.categories(auth.orgId) };
  }
@@}
@@{ep:catalog.createCategory

  async createCategory(auth: AuthContext, input: S.CreateCategoryRequest): Promise<S.Category> {
    if (input.parentId && !(await this.#d.repo.category(auth.orgId, input.parentId))) throw new NotFound('parent category');
    return this.#d.repo.createCategory(auth.orgId, input);
  }
@@}
@@{ep:catalog.updateCategory

  async updateCategory(auth: AuthContext, categoryId: string, input: S.UpdateCategoryRequest): Promise<S.Category> {
    if (!(await this.#d.repo.category(auth.orgId, categoryId))) throw new NotFound('category');
    if (input.parentId && (await this.#d.repo.isDescendant(input.parentId, categoryId))) throw new Conflict('a category cannot move under itself');
    return this.#d.repo.updateCategory(categoryId, input);
  }
@@}
@@{ep:catalog.searchCatalog

  async search(auth: AuthContext, q: S.SearchQuery): Promise<S.SearchResults> {
    return this.#d.repo.search(auth.orgId, toSearchQuery(q.q), q.limit, q.categoryId);
  }
@@}
@@{ep:catalog.createImport

  async startImport(auth: AuthContext, input: S.CreateImportRequest): Promise<S.ImportJob> {
    const job = await this.#d.repo.createImport(auth.orgId, input);
    await this.#d.queues.imports.add('csv-import', { importId: job.id, orgId: auth.orgId, fileKey: input.fileKey, dryRun: input.dryRun }, { jobId: \`catalog-import:\${job.id}\` });
    return job;
  }
@@}
@@{ep:catalog.getImport

  async getImport(auth: AuthContext, importId: string): Promise<S.ImportJob> {
    const job = await this.#d.repo.import(auth.orgId, importId);
    if (!job) throw new NotFound('import');
    return job;
  }
@@}
@@{ep:catalog.listPriceBooks

  async listPriceBooks(auth: AuthContext): Promise<S.PriceBookList> {
    return { items: await this.#d.repo.priceBooks(auth.orgId) };
  }
@@}
@@{ep:catalog.createPriceBook

  async createPriceBook(auth: AuthContext, input: S.CreatePriceBookRequest): Promise<S.PriceBook> {
    return this.#d.repo.createPriceBook(auth.orgId, input);
  }
@@}
@@{ep:catalog.setPrice

  async setPrice(auth: AuthContext, p: S.PriceParams, input: S.SetPriceRequest): Promise<S.Price> {
    const book = await this.#d.repo.priceBook(auth.orgId, p.priceBookId);
    if (!book) throw new NotFound('price book');
    await this.#product(auth, p.productId);
    return this.#d.repo.setPrice(book, p.productId, input.amount);
  }
@@}
}
`;

export const CATALOG_REPOSITORY = `// Persistence of the catalog module (Prisma). Listing and search read from the replica.
import { Prisma } from '@prisma/client';
import type { Db } from '../../platform/db.js';
import { pageOf } from '../../platform/pagination.js';
import type * as S from './schemas.js';

type Status = 'draft' | 'active' | 'archived';
type Currency = 'EUR' | 'USD' | 'GBP';

const toProduct = (p: { id: string; sku: string; name: string; description: string | null; status: string; categoryId: string | null; images: { url: string }[]; createdAt: Date; updatedAt: Date }) => ({
  id: p.id,
  sku: p.sku,
  name: p.name,
  description: p.description ?? undefined,
  status: p.status as Status,
  categoryId: p.categoryId ?? undefined,
  imageUrls: p.images.map((i) => i.url),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export function catalogRepository(db: Db) {
  return {
    products: async (organizationId: string, q: S.ListProductsQuery) => {
      const rows = await db.$replica().product.findMany({
        where: { organizationId, ...(q.status ? { status: q.status } : { status: { not: 'archived' } }), ...(q.categoryId ? { categoryId: q.categoryId } : {}) },
        include: { images: true },
        orderBy: { createdAt: 'desc' },
        take: q.limit + 1,
        ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
      });
      return pageOf(rows, q.limit, toProduct);
    },
    product: async (organizationId: string, id: string) => {
      const p = await db.product.findFirst({ where: { id, organizationId }, include: { images: true } });
      return p ? toProduct(p) : null;
    },
    productBySku: (organizationId: string, sku: string) => db.product.findUnique({ where: { organizationId_sku: { organizationId, sku } } }),
    createProduct: async (organizationId: string, input: S.CreateProductRequest) =>
      toProduct(await db.product.create({ data: { organizationId, ...input, status: 'draft' }, include: { images: true } })),
    updateProduct: async (id: string, input: S.UpdateProductRequest) => toProduct(await db.product.update({ where: { id }, data: input, include: { images: true } })),
    variants: async (productId: string) =>
      (await db.variant.findMany({ where: { productId }, orderBy: { sku: 'asc' } })).map((v) => ({ id: v.id, sku: v.sku, attributes: v.attributes, stock: v.stock })),
    variantBySku: (organizationId: string, sku: string) => db.variant.findFirst({ where: { sku, product: { organizationId } } }),
    createVariant: async (productId: string, input: S.CreateVariantRequest) => {
      const v = await db.variant.create({ data: { productId, sku: input.sku, attributes: input.attributes } });
      return { id: v.id, sku: v.sku, attributes: v.attributes, stock: v.stock };
    },
    deleteVariant: async (productId: string, id: string) => (await db.variant.deleteMany({ where: { id, productId } })).count > 0,
    addImage: (productId: string, key: string) => db.productImage.create({ data: { productId, key, url: \`https://assets.meridian.example/\${key}\` } }),
    pricesOfProduct: async (productId: string) =>
      (await db.price.findMany({ where: { productId }, include: { priceBook: true } })).map((p) => ({ priceBookId: p.priceBookId, productId, amount: p.amount, currency: p.priceBook.currency as Currency })),
    categories: async (organizationId: string) =>
      (await db.$replica().category.findMany({ where: { organizationId }, orderBy: [{ parentId: 'asc' }, { position: 'asc' }] })).map((c) => ({ id: c.id, name: c.name, parentId: c.parentId ?? undefined, position: c.position })),
    category: (organizationId: string, id: string) => db.category.findFirst({ where: { id, organizationId } }),
    createCategory: async (organizationId: string, input: S.CreateCategoryRequest) => {
      const position = await db.category.count({ where: { organizationId, parentId: input.parentId ?? null } });
      const c = await db.category.create({ data: { organizationId, name: input.name, parentId: input.parentId ?? null, position } });
      return { id: c.id, name: c.name, parentId: c.parentId ?? undefined, position: c.position };
    },
    updateCategory: async (id: string, input: S.UpdateCategoryRequest) => {
      const c = await db.category.update({ where: { id }, data: input });
      return { id: c.id, name: c.name, parentId: c.parentId ?? undefined, position: c.position };
    },
    isDescendant: async (candidate: string, ancestor: string) => {
      const rows = await db.$queryRaw<{ found: boolean }[]>(Prisma.sql\`
        WITH RECURSIVE up AS (
          SELECT id, parent_id FROM categories WHERE id = \${candidate}::uuid
          UNION ALL
          SELECT c.id, c.parent_id FROM categories c JOIN up ON c.id = up.parent_id
        )
        SELECT EXISTS (SELECT 1 FROM up WHERE id = \${ancestor}::uuid) AS found\`);
      return rows[0]?.found ?? false;
    },
    search: async (organizationId: string, tsquery: string, limit: number, categoryId?: string) => {
      const rows = await db.$replica().$queryRaw<{ id: string; name: string; rank: number; total: bigint }[]>(Prisma.sql\`
        SELECT p.id, p.name, ts_rank(p.search, to_tsquery('simple', \${tsquery})) AS rank, COUNT(*) OVER () AS total
        FROM products p
        WHERE p.organization_id = \${organizationId}::uuid
          AND p.status = 'active'
          AND p.search @@ to_tsquery('simple', \${tsquery})
          \${categoryId ? Prisma.sql\`AND p.category_id = \${categoryId}::uuid\` : Prisma.empty}
        ORDER BY rank DESC
        LIMIT \${limit}\`);
      return { items: rows.map((r) => ({ productId: r.id, name: r.name, score: Math.round(r.rank * 1000) })), total: Number(rows[0]?.total ?? 0) };
    },
    createImport: async (organizationId: string, input: S.CreateImportRequest) => {
      const i = await db.productImport.create({ data: { organizationId, fileKey: input.fileKey, dryRun: input.dryRun, status: 'queued' } });
      return { id: i.id, status: 'queued' as const, errors: [], createdAt: i.createdAt.toISOString() };
    },
    import: async (organizationId: string, id: string) => {
      const i = await db.productImport.findFirst({ where: { id, organizationId } });
      return i
        ? { id: i.id, status: i.status as 'queued' | 'running' | 'done' | 'failed', rowsTotal: i.rowsTotal ?? undefined, rowsImported: i.rowsImported ?? undefined, errors: i.errors, createdAt: i.createdAt.toISOString() }
        : null;
    },
    priceBooks: async (organizationId: string) =>
      (await db.priceBook.findMany({ where: { organizationId }, orderBy: { name: 'asc' } })).map((b) => ({ id: b.id, name: b.name, currency: b.currency as Currency, isDefault: b.isDefault })),
    priceBook: (organizationId: string, id: string) => db.priceBook.findFirst({ where: { id, organizationId } }),
    createPriceBook: async (organizationId: string, input: S.CreatePriceBookRequest) => {
      const b = await db.priceBook.create({ data: { organizationId, ...input, isDefault: false } });
      return { id: b.id, name: b.name, currency: b.currency as Currency, isDefault: b.isDefault };
    },
    setPrice: async (book: { id: string; currency: string }, productId: string, amount: number) => {
      await db.price.upsert({ where: { priceBookId_productId: { priceBookId: book.id, productId } }, create: { priceBookId: book.id, productId, amount }, update: { amount } });
      return { priceBookId: book.id, productId, amount, currency: book.currency as Currency };
    },
  };
}

export type CatalogRepository = ReturnType<typeof catalogRepository>;
`;

export const CATALOG_SEARCH = `// Turns what users type into a Postgres tsquery: words are AND-ed, the last one is a prefix,
// and operator characters never reach the query parser.
export function toSearchQuery(input: string): string {
  const words = input
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\\u0300-\\u036f]/g, '')
    .split(/[^\\p{L}\\p{N}]+/u)
    .filter((w) => w.length > 0)
@@{tw:catalog-search-words
    .slice(0, 8);
@@}
@@{!tw:catalog-search-words
    .slice(0, 5);
@@}
  if (words.length === 0) return '';
  return words.map((w, i) => (i === words.length - 1 ? \`\${w}:*\` : w)).join(' & ');
}
`;

export const CATALOG_IMPORT_JOB = `// CSV product imports, run by src/worker.ts on the "catalog-imports" queue. Rows are upserted by
// SKU, so re-running an import after a crash converges instead of duplicating products.
import type { Job } from 'bullmq';
import type { Db } from '../../../platform/db.js';
import type { Logger } from '../../../platform/logger.js';
import type { ObjectStorage } from '../../../platform/storage.js';

interface ImportData {
  importId: string;
  orgId: string;
  fileKey: string;
  dryRun: boolean;
}

@@tw:import-batch@@const BATCH = 500;
@@!tw:import-batch@@const BATCH = 1000;

export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function catalogProcessors(deps: { db: Db; storage: ObjectStorage; logger: Logger }) {
  const { db, storage, logger } = deps;
  return {
    async imports(job: Job<ImportData>) {
      const { importId, orgId, fileKey, dryRun } = job.data;
      await db.productImport.update({ where: { id: importId }, data: { status: 'running' } });
      const text = await storage.getText(fileKey);
      const [header, ...rows] = text.split(/\\r?\\n/).filter((l) => l.trim() !== '');
      const cols = parseCsvLine(header ?? '').map((c) => c.trim().toLowerCase());
      const errors: string[] = [];
      let imported = 0;
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH).map((line, j) => ({ line: i + j + 2, values: Object.fromEntries(parseCsvLine(line).map((v, k) => [cols[k], v.trim()])) }));
        const valid = batch.filter((r) => {
          if (!r.values.sku || !r.values.name) errors.push(\`line \${r.line}: sku and name are required\`);
          return r.values.sku && r.values.name;
        });
        if (!dryRun) {
          await db.$transaction(
            valid.map((r) =>
              db.product.upsert({
                where: { organizationId_sku: { organizationId: orgId, sku: r.values.sku! } },
                create: { organizationId: orgId, sku: r.values.sku!, name: r.values.name!, description: r.values.description || null, status: 'draft' },
                update: { name: r.values.name!, description: r.values.description || null },
              }),
            ),
          );
        }
        imported += valid.length;
        await job.updateProgress(Math.round(((i + batch.length) / rows.length) * 100));
      }
      await db.productImport.update({ where: { id: importId }, data: { status: 'done', rowsTotal: rows.length, rowsImported: imported, errors: errors.slice(0, 100) } });
      logger.info({ importId, rows: rows.length, imported, errors: errors.length }, 'catalog import finished');
    },
  };
}
`;
