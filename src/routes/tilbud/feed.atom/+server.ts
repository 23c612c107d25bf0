import { apiError } from '$lib/server/http/respond.ts';
import { atomFeed, atomHeaders } from '$lib/server/http/atom.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { m } from '$lib/paraglide/messages.js';
import { appLocate, contentVersion } from '$lib/server/app.ts';
import { nearIsAddress } from '$lib/server/search/index.ts';
import {
	lastOfferChange,
	offerQueryFromUrl,
	searchOffers,
	taxonomy,
	termOptions
} from '$lib/server/directory/index.ts';
import type { RequestHandler } from './$types';

/**
 * `/tilbud/feed.atom?<the same filters as /tilbud>`: the search's offers, newest change first,
 * as Atom, so a school or a reader can follow new and changed offers.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const locate = appLocate();
	const parsed = offerQueryFromUrl(url, { addresses: locate !== undefined });
	if (!parsed.ok) return apiError(400, 'Invalid query parameters', { details: parsed.problems });
	const locale = locals.locale;
	const [results, terms] = await Promise.all([
		searchOffers(locals.db, { ...parsed.query, sort: 'newest', page: 1 }, locale, {
			locate,
			version: await contentVersion()
		}),
		taxonomy(locals.db)
	]);
	const categories = new Map(
		termOptions(terms, 'category', locale).map((t) => [t.code, t.label] as const)
	);
	const body = atomFeed({
		title: `${m.offers_title({}, { locale })} – ${m.site_name({}, { locale })}`,
		locale,
		lastChange: await lastOfferChange(locals.db),
		selfUrl: url.href,
		pageUrl: new URL(`${localizedPath('/tilbud', locale)}${url.search}`, url).href,
		entries: results.items.map((i) => ({
			id: i.id,
			title: i.title,
			untranslated: i.untranslated,
			url: new URL(localizedPath(`/tilbud/${i.slug}`, locale), url).href,
			published: i.createdAt,
			updated: i.updatedAt,
			author: i.organization,
			summary: [
				i.organization,
				i.categories.map((c) => categories.get(c) ?? c).join(', '),
				i.place ? `${i.place.postalCode} ${i.place.city}` : ''
			]
				.filter(Boolean)
				.join(' · ')
		}))
	});
	return new Response(body, { headers: atomHeaders(nearIsAddress(parsed.query.near)) });
};
