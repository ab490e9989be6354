// The dashboard's HTTP server (node:http): read-only pages over the history store. GET and HEAD
// only; paths are routed as sent (never normalised, so `..` is just part of a key that is not
// there); nothing is read from disk; every response forbids scripts, frames and outside resources.
// On a loopback address a request must name a loopback host, so a web page elsewhere cannot read
// the dashboard through DNS rebinding.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PORTFOLIO_SORTS, reading, type PortfolioSort } from '../history/queries.ts';
import type { Store } from '../history/db.ts';
import { loadRubric } from '../rubric/load.ts';
import type { LoadedRubric } from '../rubric/schema.ts';
import { assessmentPage, errorPage, portfolioPage, repositoryPage, type Chrome } from './pages.ts';
import { assessmentView, portfolioView, repositoryView, type ServeContext } from './views.ts';

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

/** Scripts, frames, fonts and outside images are refused; inline styles and inline SVG are what the pages use. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** Longest search text taken. */
const MAX_SEARCH = 200;

export interface Response {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export interface Handler {
  (method: string, url: string): Promise<Response>;
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Thrown by parameter parsing: a 400 with this message. */
class BadRequest extends Error {}

function positiveInt(params: URLSearchParams, name: string): number {
  const v = params.get(name);
  if (v === null || v === '') return 1;
  if (!/^[1-9]\d{0,8}$/.test(v)) throw new BadRequest(`?${name}= takes a page number of 1 or more, not ${JSON.stringify(v.slice(0, 40))}.`);
  return Number(v);
}

function sortOf(params: URLSearchParams): PortfolioSort {
  const v = params.get('sort') ?? 'name';
  if (!(PORTFOLIO_SORTS as readonly string[]).includes(v)) throw new BadRequest(`?sort= takes ${PORTFOLIO_SORTS.join(', ')}, not ${JSON.stringify(v.slice(0, 40))}.`);
  return v as PortfolioSort;
}

/** The handler of every page: method and raw request target in, status and HTML out. */
export function createHandler(ctx: ServeContext): Handler {
  const chrome = (): Chrome => ({
    location: ctx.store.location,
    now: ctx.now(),
    pillars: ctx.rubric.pillars.map((p) => ({ id: p.id, name: p.name })),
    levels: ctx.rubric.levels.map((l) => ({ level: l.level, name: l.name })),
  });
  const page = (status: number, body: string): Response => ({ status, contentType: 'text/html; charset=utf-8', body });
  const error = (status: number, title: string, message: string): Response => page(status, errorPage(chrome(), status, title, message));

  return async (method, url) => {
    if (method !== 'GET' && method !== 'HEAD') {
      return { ...error(405, 'Method not allowed', `The dashboard is read-only: ${method} is not accepted, only GET.`), headers: { Allow: 'GET, HEAD' } };
    }
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    const params = new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1));
    try {
      if (path === '/healthz') return { status: 200, contentType: 'text/plain; charset=utf-8', body: 'ok' };
      if (path === '/') {
        const query = { page: positiveInt(params, 'page'), sort: sortOf(params), search: (params.get('q') ?? '').replace(/[\u0000-\u001f]/g, '').trim().slice(0, MAX_SEARCH) };
        const v = await reading(ctx.store, (store) => portfolioView({ ...ctx, store }, query));
        const beyond = v.page.items.length === 0 && v.page.total > 0;
        return page(beyond ? 404 : 200, portfolioPage(v, chrome()));
      }
      if (path.startsWith('/repo/')) {
        let key: string;
        try {
          key = decodeURIComponent(path.slice('/repo/'.length));
        } catch {
          throw new BadRequest('The repository key in the address is not valid percent-encoding.');
        }
        // No stored key holds a control character, and PostgreSQL refuses NUL in text.
        if (key === '' || /[\u0000-\u001f]/.test(key)) return error(404, 'Not found', 'The address names no repository.');
        const query = { page: positiveInt(params, 'page'), window: positiveInt(params, 'trend') };
        const v = await reading(ctx.store, (store) => repositoryView({ ...ctx, store }, key, query));
        if ('missing' in v) return error(404, 'Not found', v.missing);
        return page(200, repositoryPage(v, chrome()));
      }
      const assessment = /^\/assessment\/([1-9]\d{0,14})$/.exec(path);
      if (assessment) {
        const id = Number(assessment[1]);
        const v = await reading(ctx.store, (store) => assessmentView({ ...ctx, store }, id));
        if (!v) return error(404, 'Not found', `No assessment ${id} is in the store.`);
        return page(200, assessmentPage(v, chrome()));
      }
      return error(404, 'Not found', 'There is no such page on the dashboard.');
    } catch (e) {
      if (e instanceof BadRequest) return error(400, 'Bad request', e.message);
      throw e;
    }
  };
}

export interface ServeOptions {
  store: Store;
  rubric?: LoadedRubric;
  host?: string;
  /** 0: any free port. */
  port?: number;
  now?: () => Date;
  /** Told of each request that failed inside (the response says only that it failed). */
  onError?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  /** Stop accepting, let requests in flight finish (up to a few seconds), then close every connection. */
  close(): Promise<void>;
}

const hostOf = (header: string | undefined): string => (header ?? '').replace(/:\d+$/, '');

function send(req: IncomingMessage, res: ServerResponse, r: Response): void {
  const body = Buffer.from(r.body, 'utf8');
  res.writeHead(r.status, { ...SECURITY_HEADERS, 'Content-Type': r.contentType, 'Content-Length': String(body.length), ...(r.headers ?? {}) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Start the dashboard; resolves once it listens. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const ctx: ServeContext = { store: opts.store, rubric: opts.rubric ?? loadRubric(), now: opts.now ?? (() => new Date()) };
  const handle = createHandler(ctx);
  const loopbackOnly = isLoopback(host);
  const inFlight = new Set<Promise<void>>();
  const server: Server = createServer((req, res) => {
    const work = (async () => {
      if (loopbackOnly && !isLoopback(hostOf(req.headers.host))) {
        send(req, res, { status: 403, contentType: 'text/plain; charset=utf-8', body: 'The dashboard answers only requests addressed to a loopback host (localhost, 127.0.0.1, [::1]).' });
        return;
      }
      try {
        send(req, res, await handle(req.method ?? 'GET', req.url ?? '/'));
      } catch (e) {
        const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        opts.onError?.(`${req.method} ${req.url}: ${message}`);
        if (!res.headersSent) send(req, res, { status: 500, contentType: 'text/plain; charset=utf-8', body: `The dashboard could not read the store: ${message}` });
        else res.destroy();
      }
    })();
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}/`,
    host: address.address,
    port: address.port,
    close: () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const settled = Promise.allSettled([...inFlight]);
        await Promise.race([settled, new Promise((r) => setTimeout(r, 5000).unref())]);
        server.closeAllConnections();
        await closed;
      })()),
  };
}
