import { json } from '@sveltejs/kit';
import type { ApiInitiativeList } from '$lib/schemas/strategy-api.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { apiError } from '$lib/server/http/respond.ts';
import { cachedView } from '$lib/server/app.ts';
import { initiativeCards } from '$lib/server/followup/index.ts';
import type { RequestHandler } from './$types';

/** Every initiative with its latest approved status; text not yet approved is never here. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const lang = url.searchParams.get('locale') ?? 'da';
	if (lang !== 'da' && lang !== 'en') return apiError(400, 'locale: must be da or en');
	const { cards } = await cachedView(`initiative-cards:${lang}`, () =>
		initiativeCards(locals.db, lang)
	);
	const body: ApiInitiativeList = {
		items: cards.map((c) => ({
			id: c.id,
			slug: c.slug,
			title: c.title.text,
			actions: c.actionCodes,
			indicators: c.indicatorCodes,
			owner: { name: c.owner.name },
			lifecycle: c.lifecycle,
			health: c.health,
			progress: c.progress,
			updatedAt: new Date(c.updatedAt).toISOString(),
			url: new URL(localizedPath(`/indsatser/${c.slug}`, lang), url).href,
			demo: c.isDemo
		}))
	};
	return json(body, {
		headers: { 'content-language': lang, 'cache-control': 'public, max-age=60' }
	});
};
