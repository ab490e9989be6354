// The PDF report: the HTML report printed by a headless Chromium through playwright-core. The
// tool ships no browser (the project installs none at run time): it uses the system's Chromium,
// or the binary READINESS_CHROMIUM names, and says in one line how to get one when there is none.
// The page is printed from memory and every request it would make is refused, so nothing leaves
// the machine while printing.
import { existsSync } from 'node:fs';
import { UserError } from '../errors/index.ts';

/** Where Debian and Ubuntu put Chromium, then Chrome: the first that exists is used. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] as const;

/** No sandbox (CI containers run as root), no GPU, and none of Chromium's own traffic. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] as const;

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const GET_CHROMIUM = 'install one with `apt-get install chromium`, or set READINESS_CHROMIUM to a Chrome/Chromium binary';

/** The Chromium to print with: READINESS_CHROMIUM when set (it must exist), else the first candidate found; null when none. */
export function findChromium(env: Readonly<Record<string, string | undefined>>, exists: (path: string) => boolean = existsSync): string | null {
  const given = env.READINESS_CHROMIUM;
  if (given) return exists(given) ? given : null;
  return CHROMIUM_CANDIDATES.find((p) => exists(p)) ?? null;
}

/** The Chromium to print with, or a one-line user error that says how to get one. */
export function chromiumOrFail(env: Readonly<Record<string, string | undefined>>, exists: (path: string) => boolean = existsSync): string {
  const found = findChromium(env, exists);
  if (found) return found;
  const given = env.READINESS_CHROMIUM;
  const where = given ? `READINESS_CHROMIUM=${given} does not exist` : `none of ${CHROMIUM_CANDIDATES.join(', ')} exists`;
  throw new UserError('usage', `no Chromium to render the PDF (${where}): ${GET_CHROMIUM}`);
}

/** Only the page itself: data and about: URLs; any other request (http, file) is refused. */
function allowed(url: string): boolean {
  return /^(data|about):/i.test(url);
}

/** Print an HTML document to PDF with the Chromium at `executablePath`. */
export async function renderPdf(html: string, opts: { executablePath: string; paper: PaperSize }): Promise<Uint8Array> {
  // Loaded on demand: every other command starts without it.
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({ executablePath: opts.executablePath, args: [...CHROMIUM_ARGS] });
  } catch (e) {
    const first = (e as Error).message.split('\n').find((l) => l.trim() !== '') ?? 'it did not start';
    throw new UserError('usage', `cannot start Chromium at ${opts.executablePath}: ${first.replace(/^browserType\.launch:\s*/, '')} (${GET_CHROMIUM})`);
  }
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: opts.paper, printBackground: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await browser.close();
  }
}
