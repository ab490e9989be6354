// The route analysis shared by uses-versioned-routes, versions-all-routes and
// evolves-schema-without-versions: every route definition of production code with the full path
// it is served under. No outcome is decided here.
import type { DetectContext, PatternSpec, RepoView } from '../../core/detector.ts';
import type { ImportSite, Match } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

// Route definitions are read from production code, and prefixes applied to them (a router mounted
// with `app.use('/v1', router)`, `include_router(prefix=...)`, `url_prefix`, `setGlobalPrefix`,
// Go route groups) are followed within a file and, through relative imports, across files.

/** `v1`, `v2`, and ASP.NET API versioning's `v{version:apiVersion}`. */
const VERSION_SEGMENT = /^v(?:\d+|\{[^}]*\})$/;
const JS = ['javascript', 'typescript'] as const;
const JS_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'route', 'head', 'options'];
/** Names that are a server or router in JS code (client objects like `api`, `http`, `axios` are not). */
const JS_ROUTER_NAME = /^(?:app|router|server|fastify|routes|\w*(?:Router|App|Server|Routes))$/;
/** The rest of a call's arguments on its line, through two levels of nested parentheses. */
const ARGS = String.raw`(?:[^\n()]|\((?:[^\n()]|\([^\n()]*\))*\))*`;
const JS_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

/** The `obj` of a route whose path is already complete (Nest, Spring, ASP.NET, Rails, Laravel). */
const FULL = '@full';

export interface Route {
  file: string;
  /** The router object the route is defined on (undefined for Django url patterns). */
  obj: string | undefined;
  method: string;
  path: string;
  match: Match;
}

type Target = { ident: string } | { spec: string; python: boolean };

interface Mount {
  file: string;
  parent: string | undefined;
  prefix: string;
  targets: Target[];
  match: Match;
  method: string;
}

function join(...parts: string[]): string {
  const s = parts.filter((p) => p !== '').join('/').replace(/\/{2,}/g, '/');
  return s.startsWith('/') ? s : `/${s}`;
}

export function isVersioned(path: string): boolean {
  return path.split('/').some((seg) => VERSION_SEGMENT.test(seg.replace(/^\^|\$$/g, '')));
}

/** A prefix given as a variable (`settings.API_V1_STR`): its name is the only clue. */
function identPrefix(name: string): string {
  const seg = name.split(/[._]/).find((s) => /^v\d+$/i.test(s));
  return seg ? `/${seg.toLowerCase()}` : '';
}

/** `prefix='/v1'`, `url_prefix=API_V1`, `prefix: '/v1'` in an argument list. */
function prefixArg(args: string | undefined, key: string): string {
  if (!args) return '';
  const m = new RegExp(`\\b${key}\\s*[=:]\\s*(?:[rfu]?(['"\`])([^'"\`]*)\\1|([\\w.]+))`).exec(args);
  if (!m) return '';
  return m[2] !== undefined ? m[2] : identPrefix(m[3] ?? '');
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? '' : p.slice(0, i);
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function resolveJs(repo: RepoView, from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = normalise(`${dirname(from)}/${spec}`);
  const stem = base.replace(/\.(?:js|mjs|cjs|jsx)$/, '');
  const candidates = [base, ...JS_EXTENSIONS.map((e) => stem + e), ...JS_EXTENSIONS.map((e) => `${base}/index${e}`)];
  return candidates.find((c) => repo.file(c)?.role === 'source');
}

const pythonCache = new WeakMap<RepoView, string[]>();
function pythonFiles(repo: RepoView): string[] {
  let list = pythonCache.get(repo);
  if (!list) pythonCache.set(repo, (list = repo.files.filter((f) => f.role === 'source' && f.language === 'python').map((f) => f.path)));
  return list;
}

const importCache = new WeakMap<RepoView, Map<string, ImportSite[]>>();
function importsOf(repo: RepoView, path: string): ImportSite[] {
  let byPath = importCache.get(repo);
  if (!byPath) {
    byPath = new Map();
    for (const s of repo.imports()) {
      if (s.role !== 'source') continue;
      const list = byPath.get(s.path) ?? [];
      list.push(s);
      byPath.set(s.path, list);
    }
    importCache.set(repo, byPath);
  }
  return byPath.get(path) ?? [];
}

function resolvePython(repo: RepoView, from: string, spec: string, name: string | undefined): string | undefined {
  const dots = /^\.*/.exec(spec)![0].length;
  const rest = spec.slice(dots).split('.').filter(Boolean);
  const module = (parts: string[]): string[] => [`${parts.join('/')}.py`, `${parts.join('/')}/__init__.py`];
  const stems: string[][] = name ? [[...rest, name], rest] : [rest];
  if (dots > 0) {
    let dir = dirname(from);
    for (let i = 1; i < dots; i++) dir = dirname(dir);
    for (const parts of stems) {
      for (const c of module(parts)) {
        const p = normalise(`${dir}/${c}`);
        if (repo.file(p)?.role === 'source') return p;
      }
    }
    return undefined;
  }
  for (const parts of stems) {
    if (parts.length === 0) continue;
    for (const c of module(parts)) {
      const hit = pythonFiles(repo)
        .filter((f) => f === c || f.endsWith(`/${c}`))
        .sort((a, b) => a.length - b.length)[0];
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The file an identifier of `from` was imported from, through a relative (or Python) import. */
function resolveIdent(repo: RepoView, from: string, ident: string): string | undefined {
  const word = new RegExp(`(^|[^\\w$])${ident.replace(/\$/g, '\\$')}([^\\w$]|$)`);
  for (const site of importsOf(repo, from)) {
    if (!word.test(site.excerpt)) continue;
    if (site.ecosystem === 'js') {
      const file = resolveJs(repo, from, site.specifier);
      if (file) return file;
    } else if (site.ecosystem === 'python') {
      const imported = new RegExp(`\\bimport\\b.*\\b${ident}\\b`).test(site.excerpt) && !/^\s*import\b/.test(site.excerpt);
      const file = resolvePython(repo, from, site.specifier, imported ? ident : undefined);
      if (file) return file;
    }
  }
  return undefined;
}

/** Router targets among the arguments of `use(...)`/`route(...)`: identifiers, `x.routes()`, `require('./x')`. */
function jsTargets(args: string): Target[] {
  const out: Target[] = [];
  for (const m of args.matchAll(/\b(?:require|import)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g)) out.push({ spec: m[1]!, python: false });
  for (const m of args.matchAll(/\b([A-Za-z_$][\w$]*)\s*\.\s*routes\s*\(\s*\)/g)) out.push({ ident: m[1]! });
  for (const m of `${args})`.matchAll(/,\s*([A-Za-z_$][\w$]*)\s*(?=[,)])/g)) out.push({ ident: m[1]! });
  return out;
}


/**
 * Endpoints that are not part of the API contract: probes, metrics, docs, the GraphQL endpoint
 * (a schema API, judged by its schema), admin sites and the root page. They are not counted,
 * whether or not they sit under a version.
 */
const NOT_API = /^(?:health[\w-]*|healthz|livez|readyz|ready|live|liveness|readiness|ping|up|status|version|metrics|prometheus|favicon\.ico|robots\.txt|\.well-known|docs|redoc|swagger[\w.-]*|openapi(?:\.json|\.ya?ml)?|api-docs|graphql|graphiql|playground|admin)$/i;

export function isApiRoute(path: string): boolean {
  const segs = path.split('/').map((s) => s.replace(/^\^|\$$/g, '')).filter((s) => s !== '' && !/^api$/i.test(s) && !VERSION_SEGMENT.test(s));
  return segs.length > 0 && !NOT_API.test(segs[0]!);
}

/** The first string literal of an annotation's arguments, or the one given as `value`/`path`. */
function annotationPath(args: string | undefined): string {
  if (!args) return '';
  const named = /\b(?:value|path|template)\s*[=:]\s*[[{]?\s*@?"([^"]*)"/.exec(args);
  if (named) return named[1]!;
  return /^\s*[[{]?\s*@?"([^"]*)"/.exec(args)?.[1] ?? '';
}

/** A Rails routes file: `namespace`/`scope` blocks give prefixes to `resources`, `get`, ... */
function railsRoutes(lines: readonly Match[], add: (path: string, method: string, m: Match) => void): void {
  const stack: string[] = [];
  for (const m of lines) {
    const t = (m.groups[0] ?? '').trim();
    if (/^end\b/.test(t)) { stack.pop(); continue; }
    const opens = /\bdo(?:\s*\|[^|]*\|)?\s*$/.test(t);
    const pathOpt = /\bpath:\s*\{?\s*(?:value:\s*)?['"]([^'"]*)['"]/.exec(t)?.[1];
    let seg = '';
    let kw: RegExpExecArray | null;
    if ((kw = /^namespace\s*\(?\s*[:'"](\w+)/.exec(t))) seg = pathOpt ?? kw[1]!;
    else if (/^scope\b/.test(t)) seg = /^scope\s*\(?\s*['"]([^'"]*)['"]/.exec(t)?.[1] ?? pathOpt ?? '';
    else if (/^api_version\b/.test(t)) seg = pathOpt ?? '';
    else if ((kw = /^(resources?)\s*\(?\s*:(\w+)/.exec(t))) {
      add(join(...stack, pathOpt ?? kw[2]!), kw[1]!.toUpperCase(), m);
      seg = `${pathOpt ?? kw[2]}${kw[1] === 'resources' ? `/:${kw[2]}_id` : ''}`;
    } else if ((kw = /^(get|post|put|patch|delete|match)\s*\(?\s*(?:['"]([^'"]*)['"]|:(\w+))/.exec(t))) add(join(...stack, kw[2] ?? kw[3]!), kw[1]!.toUpperCase(), m);
    else if (/^root\b/.test(t)) add(join(...stack), 'ROOT', m);
    if (opens) stack.push(seg);
  }
}

/** Laravel route files: `Route::prefix('v1')->group(...)` and `Route::group(['prefix' => ...])` nest by braces. */
function laravelRoutes(file: string, lines: readonly Match[], add: (path: string, method: string, m: Match) => void): void {
  // routes/api.php is served under /api by the framework.
  const base = /(^|\/)routes\/api\.php$/.test(file) ? 'api' : '';
  const stack: { depth: number; seg: string }[] = [];
  let depth = 0;
  for (const m of lines) {
    const t = m.groups[0] ?? '';
    const prefix = /\bprefix\s*\(\s*['"]([^'"]*)['"]/.exec(t)?.[1] ?? /['"]prefix['"]\s*=>\s*['"]([^'"]*)['"]/.exec(t)?.[1];
    const route = /(?:Route::|->)(get|post|put|patch|delete|any|match|options|apiResource|resource|apiResources|resources)\s*\(\s*(?:\[[^\]]*\]\s*,\s*)?['"]([^'"]*)['"]/.exec(t);
    const group = /\bgroup\s*\(/.test(t);
    if (route) add(join(base, ...stack.map((s) => s.seg), group ? '' : (prefix ?? ''), route[2]!), route[1]!.toUpperCase(), m);
    depth += (t.match(/\{/g)?.length ?? 0) - (t.match(/\}/g)?.length ?? 0);
    if (group) stack.push({ depth, seg: prefix ?? '' });
    while (stack.length > 0 && depth < stack.at(-1)!.depth) stack.pop();
  }
}

export interface JudgedRoute {
  route: Route;
  /** Every full path the route is served under (a router mounted twice has two). */
  full: string[];
  versioned: boolean;
}

export const ROUTE_PATTERNS = {
    jsRoute: {
      regex: new RegExp(`\\b([A-Za-z_$][\\w$]*)\\s*\\.\\s*(${JS_VERBS.join('|')})\\s*\\(\\s*(['"\`])(\\/[^'"\`\\n]*)\\3(${ARGS})`),
      literals: JS_VERBS.map((v) => `.${v}(`),
      languages: JS,
      maxPerFile: 1000,
    },
    jsRouterDecl: {
      regex: /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>]+\s*)?=\s*(?:new\s+)?(?:express\s*\.\s*Router|Router|KoaRouter|Koa|Hono|Elysia|express|fastify|Fastify|polka)\s*\(([^\n]*)/,
      literals: ['Router', 'express', 'Koa', 'Hono', 'Elysia', 'fastify', 'Fastify', 'polka'],
      languages: JS,
    },
    jsPrefix: {
      regex: /\b([A-Za-z_$][\w$]*)\s*\.\s*prefix\s*\(\s*(['"`])([^'"`]*)\2/,
      literals: ['.prefix('],
      languages: JS,
    },
    // Fastify/Hapi plugins: `app.register(routes, { prefix: '/v1' })`.
    jsRegister: {
      regex: /\b([A-Za-z_$][\w$]*)\s*\.\s*register\s*\(\s*((?:require|import)\s*\(\s*['"`][^'"`]+['"`]\s*\)|[A-Za-z_$][\w$.]*)\s*,\s*\{[^}]*?\bprefix\s*:\s*(['"`])([^'"`]*)\3/,
      literals: ['.register('],
      languages: JS,
    },
    hapiRoute: {
      regex: /\bmethod\s*:\s*['"`](?:GET|POST|PUT|PATCH|DELETE|\*)['"`]\s*,\s*path\s*:\s*['"`](\/[^'"`]*)|\bpath\s*:\s*['"`](\/[^'"`]*)['"`]\s*,\s*method\s*:\s*['"`](?:GET|POST|PUT|PATCH|DELETE|\*)['"`]/,
      literals: ['method'],
      languages: JS,
      maxPerFile: 1000,
    },
    nestController: {
      regex: /@(?:Controller|JsonController)\s*\(([^)]*)\)/,
      literals: ['@Controller', '@JsonController'],
      languages: JS,
    },
    nestMethod: {
      regex: /@(Get|Post|Put|Patch|Delete|All|Head|Options)\s*\(\s*(?:(['"`])([^'"`]*)\2)?\s*[,)]/,
      literals: ['@Get', '@Post', '@Put', '@Patch', '@Delete', '@All', '@Head', '@Options'],
      languages: JS,
      maxPerFile: 1000,
    },
    nestVersion: {
      regex: /@Version\s*\(\s*['"`](\w+)['"`]/,
      literals: ['@Version'],
      languages: JS,
      maxPerFile: 1000,
    },
    nestGlobalPrefix: {
      regex: /\.setGlobalPrefix\s*\(\s*(['"`])([^'"`]*)\1/,
      literals: ['setGlobalPrefix'],
      languages: JS,
    },
    nestVersioning: {
      regex: /\.enableVersioning\s*\(([^)]*)\)/,
      literals: ['enableVersioning'],
      languages: JS,
    },
    pyRoute: {
      regex: /@[ \t]*([\w.]+)[ \t]*\.[ \t]*(route|get|post|put|patch|delete|api_route|head|options)[ \t]*\([ \t]*[rfu]?(['"])([^'"\n]*)\3/,
      literals: ['.route(', '.get(', '.post(', '.put(', '.patch(', '.delete(', '.api_route(', '.head(', '.options('],
      languages: ['python'],
      maxPerFile: 1000,
    },
    pyRouterDecl: {
      regex: /^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*(?:[\w.]+\.)?(APIRouter|Blueprint|APIBlueprint)[ \t]*\(([^)]*)\)/m,
      literals: ['APIRouter', 'Blueprint'],
      languages: ['python'],
    },
    pyMount: {
      regex: /\b([\w.]+)[ \t]*\.[ \t]*(include_router|register_blueprint)[ \t]*\(\s*([\w.]+)([^)]*)\)/,
      literals: ['include_router', 'register_blueprint'],
      languages: ['python'],
      maxPerFile: 500,
    },
    djangoPath: {
      regex: new RegExp(`\\b(path|re_path|url)[ \\t]*\\(\\s*\\(?\\s*r?(['"])([^'"\\n]*)\\2[ \\t]*,[ \\t]*(${ARGS})`),
      literals: ['path(', 'url('],
      languages: ['python'],
      paths: ['**/urls.py', '**/urls/*.py'],
      maxPerFile: 1000,
    },
    drfRegister: {
      regex: /\b(\w+)[ \t]*\.[ \t]*register[ \t]*\(\s*r?(['"])([^'"\n]*)\2/,
      literals: ['.register('],
      languages: ['python'],
      paths: ['**/urls.py', '**/urls/*.py', '**/routers.py'],
      maxPerFile: 1000,
    },
    goRoute: {
      regex: /\b([A-Za-z_]\w*)\s*\.\s*(GET|POST|PUT|PATCH|DELETE|Any|Handle|HandleFunc|Get|Post|Put|Patch|Delete|Route|Mount)\s*\(\s*"(?:(?:GET|POST|PUT|PATCH|DELETE)\s+)?(\/[^"]*)"/,
      literals: ['.GET(', '.POST(', '.PUT(', '.PATCH(', '.DELETE(', '.Any(', '.Handle', '.Get(', '.Post(', '.Put(', '.Patch(', '.Delete(', '.Route(', '.Mount('],
      languages: ['go'],
      maxPerFile: 1000,
    },
    goGroup: {
      regex: /\b([A-Za-z_]\w*)\s*:?=\s*([A-Za-z_]\w*)\s*\.\s*(?:Group|PathPrefix)\s*\(\s*"([^"]*)"/,
      literals: ['.Group(', '.PathPrefix('],
      languages: ['go'],
    },
  // Spring: a class-level @RequestMapping is the prefix of the method mappings after the class line.
  springMapping: {
    regex: /@(Get|Post|Put|Patch|Delete|Request)Mapping\b[ \t]*(?:\(([^)]*)\))?/,
    literals: ['Mapping'],
    languages: ['java', 'kotlin'],
    maxPerFile: 1000,
  },
  jvmClass: {
    regex: /^[ \t]*(?:(?:public|private|protected|internal|open|abstract|final|data)[ \t]+)*(?:class|interface|object)[ \t]+\w+/m,
    literals: ['class', 'interface', 'object'],
    languages: ['java', 'kotlin'],
    maxPerFile: 1,
  },
  // ASP.NET Core controllers: [Route] on the class, [HttpGet("...")]/[Route] on actions.
  dotnetAttribute: {
    regex: /\[[ \t]*(Route|Http(?:Get|Post|Put|Patch|Delete))[ \t]*(?:\(((?:[^)"\n]|"[^"\n]*")*)\))?[ \t]*[\],]/,
    literals: ['[Route', '[Http'],
    languages: ['csharp'],
    maxPerFile: 1000,
  },
  dotnetClass: {
    regex: /^[ \t]*(?:(?:public|internal|sealed|abstract|partial|static)[ \t]+)*class[ \t]+\w+/m,
    literals: ['class'],
    languages: ['csharp'],
    maxPerFile: 1,
  },
  // ASP.NET Core minimal APIs: `app.MapGet("/v1/x", ...)`, `var v1 = app.MapGroup("/api/v1")`.
  dotnetMap: {
    regex: /\b([A-Za-z_]\w*)\s*\.\s*Map(Get|Post|Put|Patch|Delete|Methods)\s*\(\s*@?"([^"]*)"/,
    literals: ['.Map'],
    languages: ['csharp'],
    maxPerFile: 1000,
  },
  dotnetGroup: {
    regex: /\b([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*)\s*\.\s*MapGroup\s*\(\s*@?"([^"]*)"/,
    literals: ['MapGroup'],
    languages: ['csharp'],
  },
  // Rails and Laravel route files, line by line (comments blanked), for their block structure.
  railsLine: {
    regex: /^([^\n]*\S[^\n]*)$/m,
    languages: ['ruby'],
    paths: ['**/config/routes.rb', '**/config/routes/**/*.rb'],
    maxPerFile: 5000,
  },
  laravelLine: {
    regex: /^([^\n]*\S[^\n]*)$/m,
    languages: ['php'],
    paths: ['**/routes/*.php'],
    maxPerFile: 5000,
  },
} satisfies Record<string, PatternSpec>;

export type RoutePattern = keyof typeof ROUTE_PATTERNS;

const analyses = new WeakMap<RepoView, JudgedRoute[]>();

/** Every API route of production code with its full paths; probes, docs and GraphQL endpoints left out. */
export function analyseRoutes({ repo, matches }: DetectContext): JudgedRoute[] {
  const cached = analyses.get(repo);
  if (cached) return cached;
  const servers = usedLibraries(repo, CAPABILITIES['http-server']);
  const jsServer = servers.some((u) => u.ecosystem === 'js');
  const pyServer = servers.some((u) => u.ecosystem === 'python');
  const routes: Route[] = [];
  const mounts: Mount[] = [];
  /** Prefixes declared on a router object: `new Router({ prefix })`, `APIRouter(prefix=)`, Go groups. */
  const declared = new Map<string, { parent?: string; prefix: string }>();
  const key = (file: string, obj: string | undefined): string => `${file}\0${obj ?? ''}`;
  /** Counted by a mount that resolved nowhere: the mount stands in for the routes behind it. */
  const standIns: Route[] = [];

  if (jsServer) {
    const routers = new Set<string>();
    for (const m of matches('jsRouterDecl')) {
      routers.add(key(m.path, m.groups[0]));
      const rest = m.groups[1] ?? '';
      const base = /\.basePath\s*\(\s*['"`]([^'"`]*)['"`]/.exec(rest)?.[1] ?? prefixArg(rest, 'prefix');
      if (base) declared.set(key(m.path, m.groups[0]), { prefix: base });
    }
    for (const m of matches('jsPrefix')) {
      const k = key(m.path, m.groups[0]);
      if (routers.has(k) || JS_ROUTER_NAME.test(m.groups[0]!)) declared.set(k, { prefix: m.groups[2] ?? '' });
    }
    for (const m of matches('jsRoute')) {
      const [obj, method, , path, rest] = m.groups as [string, string, string, string, string];
      if (!JS_ROUTER_NAME.test(obj) && !routers.has(key(m.path, obj))) continue;
      const targets = method === 'use' || method === 'route' ? jsTargets(rest) : [];
      if (method === 'use' || (method === 'route' && targets.length > 0)) {
        if (targets.length > 0) mounts.push({ file: m.path, parent: obj, prefix: path, targets, match: m, method });
        continue;
      }
      routes.push({ file: m.path, obj, method: method.toUpperCase(), path, match: m });
    }
    for (const m of matches('jsRegister')) {
      const target = m.groups[1]!;
      const spec = /['"`]([^'"`]+)['"`]/.exec(target)?.[1];
      mounts.push({ file: m.path, parent: m.groups[0], prefix: m.groups[3] ?? '', targets: [spec ? { spec, python: false } : { ident: target.split('.')[0]! }], match: m, method: 'register' });
    }
    if (usedLibraries(repo, { id: 'hapi', description: '', libraries: { js: ['@hapi/hapi'] } }).length > 0) {
      for (const m of matches('hapiRoute')) routes.push({ file: m.path, obj: undefined, method: 'ROUTE', path: m.groups[0] ?? m.groups[1] ?? '', match: m });
    }

    // NestJS / routing-controllers: global prefix + URI version + controller path + method path.
    const globalPrefix = matches('nestGlobalPrefix')[0]?.groups[1] ?? '';
    const versioning = matches('nestVersioning')[0];
    const uriVersioning = versioning !== undefined && (/URI|['"`]uri['"`]/.test(versioning.groups[0] ?? '') || (versioning.groups[0] ?? '').trim() === '');
    const defaultVersion = uriVersioning ? /defaultVersion\s*:\s*\[?\s*['"`](\w+)['"`]/.exec(versioning.groups[0] ?? '')?.[1] : undefined;
    const controllers = matches('nestController');
    const versions = matches('nestVersion');
    for (const m of matches('nestMethod')) {
      const ctrl = controllers.filter((c) => c.path === m.path && c.line <= m.line).at(-1);
      if (!ctrl) continue;
      const args = ctrl.groups[0] ?? '';
      const ctrlPath = /^\s*['"`]([^'"`]*)['"`]/.exec(args)?.[1] ?? prefixArg(args, 'path');
      let version: string | undefined;
      if (uriVersioning) {
        version = versions.find((v) => v.path === m.path && Math.abs(v.line - m.line) <= 3)?.groups[0]
          ?? /\bversion\s*:\s*\[?\s*['"`](\w+)['"`]/.exec(args)?.[1]
          ?? defaultVersion;
      }
      const full = join(globalPrefix, version ? `v${version}` : '', ctrlPath, m.groups[2] ?? '');
      routes.push({ file: m.path, obj: FULL, method: m.groups[0]!.toUpperCase(), path: full, match: m });
    }
  }

  if (pyServer) {
    for (const m of matches('pyRouterDecl')) {
      const prefix = prefixArg(m.groups[2], m.groups[1] === 'APIRouter' ? 'prefix' : 'url_prefix');
      if (prefix) declared.set(key(m.path, m.groups[0]), { prefix });
    }
    for (const m of matches('pyRoute')) {
      routes.push({ file: m.path, obj: m.groups[0]!.split('.')[0], method: m.groups[1]!.toUpperCase(), path: m.groups[3] ?? '', match: m });
    }
    for (const m of matches('pyMount')) {
      const prefix = prefixArg(m.groups[3], m.groups[1] === 'include_router' ? 'prefix' : 'url_prefix');
      mounts.push({ file: m.path, parent: m.groups[0]!.split('.')[0], prefix, targets: [{ ident: m.groups[2]!.split('.')[0]! }], match: m, method: m.groups[1]! });
    }
    for (const m of matches('djangoPath')) {
      const rest = m.groups[3] ?? '';
      const inc = /\binclude\s*\(\s*\(?\s*(?:r?['"]([\w.]+)['"]|([\w.]+))/.exec(rest);
      if (inc) {
        const target: Target = inc[1] ? { spec: inc[1], python: true } : { ident: inc[2]!.split('.')[0]! };
        mounts.push({ file: m.path, parent: undefined, prefix: m.groups[2] ?? '', targets: [target], match: m, method: 'include' });
      } else {
        routes.push({ file: m.path, obj: undefined, method: 'PATH', path: m.groups[2] ?? '', match: m });
      }
    }
    for (const m of matches('drfRegister')) routes.push({ file: m.path, obj: m.groups[0], method: 'VIEWSET', path: m.groups[2] ?? '', match: m });
  }

  for (const m of matches('goGroup')) declared.set(key(m.path, m.groups[0]), { parent: m.groups[1]!, prefix: m.groups[2] ?? '' });
  for (const m of matches('goRoute')) routes.push({ file: m.path, obj: m.groups[0], method: m.groups[1]!.toUpperCase(), path: m.groups[2] ?? '', match: m });

  // Spring and ASP.NET controllers: the mapping before the class line is the prefix.
  const classLine = (name: string): Map<string, number> => new Map(matches(name).map((m) => [m.path, m.line]));
  const springClass = classLine('jvmClass');
  const springBase = new Map<string, string>();
  for (const m of matches('springMapping')) {
    const at = springClass.get(m.path);
    if (m.groups[0] === 'Request' && at !== undefined && m.line <= at) springBase.set(m.path, annotationPath(m.groups[1]));
  }
  for (const m of matches('springMapping')) {
    const at = springClass.get(m.path);
    if (at === undefined || m.line <= at) continue;
    routes.push({ file: m.path, obj: FULL, method: m.groups[0]!.toUpperCase(), path: join(springBase.get(m.path) ?? '', annotationPath(m.groups[1])), match: m });
  }
  const dotnetClass = classLine('dotnetClass');
  const dotnetBase = new Map<string, string>();
  for (const m of matches('dotnetAttribute')) {
    const at = dotnetClass.get(m.path);
    if (m.groups[0] === 'Route' && at !== undefined && m.line <= at) dotnetBase.set(m.path, annotationPath(m.groups[1]));
  }
  for (const m of matches('dotnetAttribute')) {
    const at = dotnetClass.get(m.path);
    if (at === undefined || m.line <= at) continue;
    const own = annotationPath(m.groups[1]);
    const path = own.startsWith('~/') || own.startsWith('/') ? own.replace(/^~/, '') : join(dotnetBase.get(m.path) ?? '', own);
    routes.push({ file: m.path, obj: FULL, method: m.groups[0]!.replace(/^Http/, '').toUpperCase(), path, match: m });
  }
  for (const m of matches('dotnetGroup')) declared.set(key(m.path, m.groups[0]), { parent: m.groups[1]!, prefix: m.groups[2] ?? '' });
  for (const m of matches('dotnetMap')) routes.push({ file: m.path, obj: m.groups[0], method: m.groups[1]!.toUpperCase(), path: m.groups[2] ?? '', match: m });

  const byFile = (name: string): Map<string, Match[]> => {
    const out = new Map<string, Match[]>();
    for (const m of matches(name)) out.set(m.path, [...(out.get(m.path) ?? []), m]);
    return out;
  };
  for (const [file, lines] of byFile('railsLine')) railsRoutes(lines, (path, method, m) => routes.push({ file, obj: FULL, method, path, match: m }));
  for (const [file, lines] of byFile('laravelLine')) {
    if (/(^|\/)routes\/(?:web|console|channels)\.php$/.test(file)) continue;
    laravelRoutes(file, lines, (path, method, m) => routes.push({ file, obj: FULL, method, path, match: m }));
  }

  // Resolve each mount's targets to (file, obj) pairs that hold routes.
  const routeKeys = new Set(routes.map((r) => key(r.file, r.obj)));
  const routeFiles = new Set(routes.map((r) => r.file));
  const parents = new Set(mounts.map((m) => key(m.file, m.parent)));
  const resolved = new Map<Mount, { file?: string; local?: string }>();
  for (const mount of mounts) {
    for (const t of mount.targets) {
      if ('spec' in t) {
        const file = t.python ? resolvePython(repo, mount.file, t.spec, undefined) : resolveJs(repo, mount.file, t.spec);
        if (file) { resolved.set(mount, { file }); break; }
        continue;
      }
      const file = resolveIdent(repo, mount.file, t.ident);
      if (file) { resolved.set(mount, { file }); break; }
      if (routeKeys.has(key(mount.file, t.ident)) || parents.has(key(mount.file, t.ident))) { resolved.set(mount, { local: t.ident }); break; }
    }
    const r = resolved.get(mount);
    const reachesRoutes = r && (r.local !== undefined || routeFiles.has(r.file!) || mounts.some((m) => m.file === r.file));
    if (!reachesRoutes && mount.prefix.replace(/\//g, '') !== '') {
      standIns.push({ file: mount.file, obj: mount.parent, method: 'MOUNT', path: mount.prefix, match: mount.match });
      resolved.delete(mount);
    }
  }

  /** Every full prefix under which the routes of `obj` in `file` are served. */
  const outer = (file: string, obj: string | undefined, seen: Set<string>): string[] => {
    const k = key(file, obj);
    if (seen.has(k) || seen.size > 12) return [''];
    const next = new Set(seen).add(k);
    const own = declared.get(k);
    const withOwn = (ps: string[]): string[] => (own ? ps.map((p) => join(p, own.prefix)) : ps);
    if (own?.parent !== undefined) return withOwn(outer(file, own.parent, next));
    const local = mounts.filter((m) => m.file === file && resolved.get(m)?.local === obj && obj !== undefined);
    if (local.length > 0) return withOwn(local.flatMap((m) => outer(m.file, m.parent, next).map((p) => join(p, m.prefix))));
    const cross = mounts.filter((m) => resolved.get(m)?.file === file);
    if (cross.length > 0) return withOwn(cross.flatMap((m) => outer(m.file, m.parent, next).map((p) => join(p, m.prefix))));
    return withOwn(['']);
  };

  const all = [...routes, ...standIns].sort((a, b) => a.file.localeCompare(b.file) || a.match.line - b.match.line);
  const judged = all
    .map((r) => {
      const full = r.obj === FULL ? [join(r.path)] : outer(r.file, r.obj, new Set()).map((p) => join(p, r.path));
      return { route: r, full, versioned: full.every(isVersioned) };
    })
    .filter((j) => j.full.some(isApiRoute));
  analyses.set(repo, judged);
  return judged;
}
