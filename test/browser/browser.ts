// Real-browser tests drive Debian's Chromium (or READINESS_CHROMIUM) with playwright-core: no
// browser is downloaded. Without a Chromium the tests are skipped, except on CI (CI=true), where
// `.ci/run` installs one and its absence is a failure, not a silent skip.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../src/cli/pdf.ts';

/** The Chromium the tests use; null when there is none (the tests are then skipped). */
export const chromiumPath: string | null = findChromium(process.env);

if (chromiumPath === null && process.env.CI) {
  throw new Error('no Chromium found (/usr/bin/chromium, or READINESS_CHROMIUM), and CI requires the browser tests: `.ci/run` installs it with apt-get install chromium');
}

/** Where screenshots go (test-output/ is ignored by git). */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

export async function launchBrowser(): Promise<Browser> {
  if (chromiumPath === null) throw new Error('no Chromium: the caller should have skipped');
  return chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
}

/** Every request a page makes, to assert that none leaves the machine. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}
