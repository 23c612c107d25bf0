/**
 * Public pages are rendered on the server and send no JavaScript (`csr = false` in the root
 * layout), yet SvelteKit serialises every load result on each render, for a browser that will
 * never read it. For a page with much data (an indicator with thousands of observations, a page
 * of search results) that serialising costs more than the rendering. A load function marks such
 * data with `serverRendered`; the `transport` hook (src/hooks.ts) then writes it as nothing.
 *
 * Only for pages without client-side rendering: a page that turns `csr` on must not mark its
 * data, and would fail loudly in the browser if it did.
 */
const mark = Symbol.for('uddannelsesby.server-rendered');

/** Marks `data` (returned as is) as read only by the server's render. */
export function serverRendered<T extends object>(data: T): T {
	if (!(mark in data)) Object.defineProperty(data, mark, { value: true, enumerable: false });
	return data;
}

export function isServerRendered(value: unknown): boolean {
	return typeof value === 'object' && value !== null && mark in value;
}
