// Which Chromium the browser tests drive. Both are Debian's build of Chromium (never a
// downloaded browser), from the same source package and version:
// - `chromium` (/usr/bin/chromium), the browser a reader runs. Headless, it is the whole
//   browser without a window: a new browser context (every test gets one) costs it about half a
//   second of CPU here, and a page load about 0.18 s.
// - `chromium-headless-shell` (/usr/bin/chromium-headless-shell), the same engine built for
//   automation, which is what Playwright itself runs headless tests in: a context costs about
//   0.05 s and a page load 0.05 s, so the suite's browser work falls from about 290 to under
//   100 s of CPU (CI has two cores).
// Most tests run in the shell when it is installed; the layout check of every public page
// (tagged @full-browser) and the first administrator's set-up (lifecycle.spec.ts) run in the
// whole browser, so what readers run is still driven on every CI run.
import { existsSync } from 'node:fs';

/** The whole browser: CHROMIUM_PATH, or Debian's `chromium`. */
export const fullChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The browser most tests run in: CHROMIUM_HEADLESS_SHELL_PATH, or Debian's
 * `chromium-headless-shell` when it is installed, or else the whole browser.
 */
export function testChromium() {
	const shell = process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell';
	return existsSync(shell) ? shell : fullChromium;
}
