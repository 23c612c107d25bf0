import { error } from '@sveltejs/kit';
import { cachedView } from '$lib/server/app.ts';
import { getOffer, relatedOffers, serviceLd } from '$lib/server/directory/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (!/^[a-z0-9-]{1,120}$/.test(params.slug)) error(404, 'Not found');
	const offer = await cachedView(`offer:${params.slug}`, () => getOffer(locals.db, params.slug));
	if (!offer) error(404, 'Not found');
	const related = await cachedView(`offer-related:${params.slug}`, () =>
		relatedOffers(locals.db, {
			id: offer.id,
			name: offer.name,
			categories: offer.categories.map((c) => c.code)
		})
	);
	return {
		offer,
		related,
		jsonLd: serviceLd(offer, { origin: url.origin, locale: locals.locale })
	};
};
