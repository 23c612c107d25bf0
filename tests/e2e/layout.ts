import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The widths every page is checked at: a small phone, a common phone, a desktop. */
export const WIDTHS = [320, 390, 1280] as const;

/**
 * What is wrong with the page's layout at each width: sideways overflow (`scrollWidth` wider
 * than the window) and visible text under 12 px. The page is resized in place; its layout
 * follows the viewport, so no reload is needed, and each width is measured once the browser has
 * drawn it.
 */
export async function layoutProblems(page: Page, label: string): Promise<string[]> {
	const problems: string[] = [];
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 844 });
		let found = await measured(page);
		await screenshot(page, label, width);
		// CI has twice measured an administration page about 45 px too wide right after a resize
		// (once at 1280 px, once at 320 px) that no run here could repeat. A reader's page is not
		// resized from 1280 to 320 px, so what settles within a moment is not a fault: measure
		// once more after a moment, and report what is still too wide, naming what sticks out.
		if (found.overflow > 0) {
			await page.waitForTimeout(300);
			found = await measured(page);
		}
		if (found.overflow > 0)
			problems.push(
				`${label} at ${width} px: ${found.overflow} px wider than the screen (${found.outside.join('; ')})`
			);
		for (const text of found.small)
			problems.push(`${label} at ${width} px: text under 12 px: ${text}`);
	}
	return problems;
}

/**
 * With LAYOUT_SCREENSHOTS=DIR, each page at each width is also saved there, whole, to look at:
 * `<label>-<width>.png`, the label made a file name.
 */
async function screenshot(page: Page, label: string, width: number) {
	const dir = process.env.LAYOUT_SCREENSHOTS;
	if (!dir) return;
	mkdirSync(dir, { recursive: true });
	const name = label.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_|_$/g, '');
	await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
}

/**
 * The page's sideways overflow, the elements that reach past the window's right edge, and
 * visible text under 12 px; measured once the browser has drawn twice (what it settles at its
 * next rendering step, such as a disclosure that opens by style on a wide screen, is settled).
 */
async function measured(page: Page) {
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	return page.evaluate(() => {
		const small: string[] = [];
		const outside: string[] = [];
		const describe = (el: Element) =>
			`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
		const overflow = document.documentElement.scrollWidth - window.innerWidth;
		// Inside a region that scrolls or clips sideways (a wide table), reaching past the edge
		// is no overflow of the page.
		const clipped = (el: Element) => {
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
				if (getComputedStyle(p).overflowX !== 'visible') return true;
			return false;
		};
		for (const el of document.querySelectorAll('body *')) {
			const box = el.getBoundingClientRect();
			if (
				overflow > 0 &&
				outside.length < 3 &&
				box.right > window.innerWidth + 0.5 &&
				box.width > 1 &&
				!clipped(el)
			)
				outside.push(`${describe(el)} ends at ${Math.round(box.right)} px`);
			const ownText = [...el.childNodes].some(
				(n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''
			);
			if (!ownText) continue;
			// Hidden, or visually hidden for screen readers only (1 px).
			if (box.width <= 1 || box.height <= 1) continue;
			const size = parseFloat(getComputedStyle(el).fontSize);
			if (size < 12) small.push(`${describe(el)} ${size}px`);
		}
		return {
			overflow,
			outside,
			small: [...new Set(small)].slice(0, 5)
		};
	});
}
