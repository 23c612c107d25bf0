import { localizedPath, routePath, type Locale } from '$lib/i18n/routes.ts';

/** The lists that can be embedded, by their Danish route. */
export const EMBED_LISTS = ['arrangementer', 'job', 'tilbud', 'uddannelser'] as const;
export type EmbedList = (typeof EMBED_LISTS)[number];

export interface EmbedChoice {
	list: EmbedList;
	language: Locale;
	count: number;
	height: number;
	/** The list's search, as its own page's query string. */
	search: string;
}

/**
 * The builder's choices from its form (GET): a list, a language, how many items and how tall,
 * and optionally the address of a search on the list's own page, whose filters it keeps (and
 * whose list it then is). `problem` is set when that address is not one of the lists.
 */
export function embedChoice(url: URL): { choice: EmbedChoice; problem?: 'filters' } {
	const p = url.searchParams;
	const list = (EMBED_LISTS as readonly string[]).includes(p.get('liste') ?? '')
		? (p.get('liste') as EmbedList)
		: 'arrangementer';
	const language: Locale = p.get('sprog') === 'en' ? 'en' : 'da';
	const number = (name: string, min: number, max: number, fallback: number) => {
		const n = Number(p.get(name));
		return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
	};
	const choice: EmbedChoice = {
		list,
		language,
		count: number('antal', 1, 20, 5),
		height: number('hoejde', 150, 3000, 500),
		search: ''
	};
	const filters = p.get('filtre')?.trim();
	if (!filters) return { choice };
	let given: URL;
	try {
		given = new URL(filters, url);
	} catch {
		return { choice, problem: 'filters' };
	}
	const path = routePath(given.pathname)
		.replace(/^\/indlejr/, '')
		.replace(/\/$/, '');
	const named = EMBED_LISTS.find((l) => path === `/${l}`);
	if (!named || given.host !== url.host) return { choice, problem: 'filters' };
	given.searchParams.delete('page');
	given.searchParams.delete('antal');
	return { choice: { ...choice, list: named, search: given.searchParams.toString() } };
}

/** The embed's address, the iframe snippet and a plain link to the list, for `origin`. */
export function embedCode(choice: EmbedChoice, origin: string, title: string) {
	const query = (extra: string) => [choice.search, extra].filter(Boolean).join('&');
	const src = `${origin}${localizedPath(`/indlejr/${choice.list}`, choice.language)}?${query(`antal=${choice.count}`)}`;
	const q = query('');
	const link = `${origin}${localizedPath(`/${choice.list}`, choice.language)}${q ? `?${q}` : ''}`;
	const escape = (text: string) =>
		text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
	const snippet =
		`<iframe data-uddannelsesby src="${escape(src)}" title="${escape(title)}" width="100%" height="${choice.height}" loading="lazy" style="border:0;max-width:100%"></iframe>\n` +
		`<script src="${origin}/js/indlejr.js" async></script>`;
	return { src, snippet, link };
}
