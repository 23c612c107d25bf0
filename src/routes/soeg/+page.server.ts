import { serverRendered } from '$lib/server-rendered.ts';
import { error } from '@sveltejs/kit';
import { cachedView, contentVersion } from '$lib/server/app.ts';
import { comparisonOf } from '$lib/server/programmes/index.ts';
import { searchEverything } from '$lib/server/site-search.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import type { PageServerLoad } from './$types';

/** `/soeg?q=`: programmes, institutions, offers, postings and events found at once. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const q = (url.searchParams.get('q') ?? '').trim();
	if (q.length > 200) error(400, 'q: the search text can be at most 200 characters');
	const locale = locals.locale;
	// Programmes chosen for comparison (`ids`), kept as the reader searches on.
	const { ids, compared, choose } = await comparisonOf(locals.db, url, locale);
	if (!q) return { q, groups: [], compared, ids };
	const version = await contentVersion();
	// Events and postings close: a cached answer is kept ten minutes at most.
	const tenMinutes = Math.floor(Date.now() / 600_000);
	const groups = await cachedView(
		`site-search:${locale}:${q}:${version}:${tenMinutes}`,
		async () => {
			const results = await searchEverything(locals.db, q, locale, { version });
			const list: Record<string, string> = {
				programme: '/uddannelser',
				offer: '/tilbud',
				posting: '/job',
				event: '/arrangementer'
			};
			return results.groups.map((g) => ({
				...g,
				items: g.items.map((i) => ({ ...i, href: localizedPath(i.path, locale) })),
				allHref: list[g.kind]
					? `${localizedPath(list[g.kind]!, locale)}?q=${encodeURIComponent(q)}`
					: null
			}));
		}
	);
	// A programme found can be added to the comparison or taken from it, on this same page.
	const choosable = (i: (typeof groups)[number]['items'][number], kind: string) => {
		if (kind !== 'programme') return { ...i, compareHref: null, compared: false };
		return { ...i, ...choose(i.path.split('/').pop() ?? '') };
	};
	return serverRendered({
		q,
		groups: groups.map((g) => ({ ...g, items: g.items.map((i) => choosable(i, g.kind)) })),
		compared,
		ids
	});
};
