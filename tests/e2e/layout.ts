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
		// Two frames, so what the browser settles at its next rendering step (a disclosure that
		// opens by style on a wide screen, `::details-content`) is settled: CI once measured an
		// administration page 47 px too wide at 1280 px right after the resize (not seen again in
		// runs here, with and without load).
		await page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
		);
		const found = await page.evaluate(() => {
			const small: string[] = [];
			for (const el of document.querySelectorAll('body *')) {
				const ownText = [...el.childNodes].some(
					(n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''
				);
				if (!ownText) continue;
				const box = el.getBoundingClientRect();
				// Hidden, or visually hidden for screen readers only (1 px).
				if (box.width <= 1 || box.height <= 1) continue;
				const size = parseFloat(getComputedStyle(el).fontSize);
				if (size < 12)
					small.push(
						`${el.tagName.toLowerCase()} "${el.textContent!.trim().slice(0, 40)}" ${size}px`
					);
			}
			return {
				overflow: document.documentElement.scrollWidth - window.innerWidth,
				small: [...new Set(small)].slice(0, 5)
			};
		});
		if (found.overflow > 0)
			problems.push(`${label} at ${width} px: ${found.overflow} px wider than the screen`);
		for (const text of found.small)
			problems.push(`${label} at ${width} px: text under 12 px: ${text}`);
	}
	return problems;
}
