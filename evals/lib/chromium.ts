import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** CI sets REQUIRE_BROWSER=1 so a missing browser fails instead of skipping. */
export const browserAvailable = existsSync(CHROMIUM) || process.env.REQUIRE_BROWSER === '1';
export const SHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launch(options: { viewport?: { width: number; height: number }; isMobile?: boolean } = {}): Promise<BrowserContext> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pw-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: options.viewport ?? { width: 1280, height: 860 },
    isMobile: options.isMobile,
    hasTouch: options.isMobile,
    locale: 'zh-CN',
  });
}

export const shot = (name: string) => join(SHOTS, `${name}.png`);
