// Headless Chromium for the end-to-end tests: Debian's package driven by playwright-core.
// Without it a suite is skipped with a warning on a developer's machine, but fails in CI,
// so CI never goes green by skipping.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { beforeAll, describe } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
// Playwright gives every launch a new, empty user-data dir of its own (it refuses --user-data-dir in args).
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A phone's screen, to spread into `browser.newContext`. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** `describe` for a suite that needs Chromium: skipped with a warning when it is missing, failing before any setup in CI. */
export function describeWithChromium(name: string, suite: () => void): void {
  const missing = !existsSync(CHROMIUM);
  const skip = missing && process.env.CI !== 'true';
  if (skip) console.warn(`"${name}" skipped: ${CHROMIUM} is missing (apt-get install chromium). In CI this test fails instead.`);
  describe.skipIf(skip)(name, () => {
    // Registered first, so it runs before the suite's own beforeAll hooks.
    beforeAll(() => {
      if (missing) throw new Error(`${CHROMIUM} is missing: "${name}" needs Debian's chromium package (.ci/run installs it).`);
    });
    suite();
  });
}
