import { json } from '@sveltejs/kit';
import type { ApiSearch } from '$lib/schemas/strategy-api.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { apiError } from '$lib/server/http/respond.ts';
import { contentVersion } from '$lib/server/app.ts';
import { searchEverything } from '$lib/server/site-search.ts';
import type { RequestHandler } from './$types';

/** Programmes, institutions, offers, postings and events for the words in `q`, grouped by kind. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const q = (url.searchParams.get('q') ?? '').trim();
	if (!q)
		return apiError(400, 'Invalid query parameters', {
			details: [{ parameter: 'q', message: 'give one or more words' }]
		});
	if (q.length > 200)
		return apiError(400, 'Invalid query parameters', {
			details: [{ parameter: 'q', message: 'the search text can be at most 200 characters' }]
		});
	const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'da';
	const results = await searchEverything(locals.db, q, locale, { version: await contentVersion() });
	const body: ApiSearch = {
		counts: Object.fromEntries(results.groups.map((g) => [g.kind, g.total])),
		items: results.groups.flatMap((g) =>
			g.items.map((i) => ({
				kind: i.kind,
				title: i.title,
				url: new URL(localizedPath(i.path, locale), url).href,
				snippet: i.snippet,
				demo: i.isDemo
			}))
		)
	};
	return json(body, { headers: { 'cache-control': 'public, max-age=60' } });
};
