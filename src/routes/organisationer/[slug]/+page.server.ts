import { error } from '@sveltejs/kit';
import { cachedView } from '$lib/server/app.ts';
import { getOrganization, organizationLd } from '$lib/server/directory/index.ts';
import { plainText, renderRichText } from '$lib/server/rich-text/index.ts';
import { listPartnerships } from '$lib/server/opportunities/index.ts';
import { searchEvents } from '$lib/server/events/index.ts';
import { programmeTaxonomy, programmesOf, termName } from '$lib/server/programmes/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (!/^[a-z0-9-]{1,120}$/.test(params.slug)) error(404, 'Not found');
	const organization = await cachedView(`organization:${params.slug}`, () =>
		getOrganization(locals.db, params.slug)
	);
	if (!organization) error(404, 'Not found');
	const partnerships = await cachedView(`organization-partnerships:${params.slug}`, () =>
		listPartnerships(locals.db, { organizationId: organization.id })
	);
	const programmes = await cachedView(`organization-programmes:${params.slug}`, () =>
		programmesOf(locals.db, organization.id)
	);
	const levels = programmeTaxonomy().levels;
	// Its next events (kept ten minutes: coming events become past ones).
	const tenMinutes = Math.floor(Date.now() / 600_000);
	const events = await cachedView(
		`organization-events:${params.slug}:${locals.locale}:${tenMinutes}`,
		async () =>
			(
				await searchEvents(locals.db, { organiser: [params.slug] }, locals.locale, new Date(), {
					pageSize: 5
				})
			).items
	);
	const description = organization.description;
	const text =
		locals.locale === 'en' && description?.en ? description.en : (description?.da ?? null);
	return {
		organization,
		partnerships,
		events,
		programmes: programmes.map((p) => ({
			...p,
			levelName: termName(
				levels.find((l) => l.code === p.level),
				locals.locale,
				p.level
			)
		})),
		// Sanitised by the rich-text allow-list; the page shows it as HTML.
		descriptionHtml: text ? renderRichText(text) : null,
		untranslated: locals.locale === 'en' && !!description && !description.en,
		jsonLd: organizationLd(organization, {
			origin: url.origin,
			locale: locals.locale,
			description: text ? plainText(text) : null
		})
	};
};
