import { error } from '@sveltejs/kit';
import { cachedView } from '$lib/server/app.ts';
import { taxonomy, termOptions } from '$lib/server/directory/index.ts';
import { eventLd, getEvent } from '$lib/server/events/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (!/^[a-z0-9-]{1,160}$/.test(params.slug)) error(404, 'Not found');
	const hour = Math.floor(Date.now() / 3_600_000);
	const found = await cachedView(`event:${params.slug}:${hour}`, async () => {
		const event = await getEvent(locals.db, params.slug);
		if (!event) return undefined;
		return { event, terms: await taxonomy(locals.db) };
	});
	if (!found) error(404, 'Not found');
	const { event, terms } = found;
	const locale = locals.locale;
	const names = (vocabulary: 'event-kind' | 'audience' | 'level', codes: string[]) =>
		termOptions(terms, vocabulary, locale, codes)
			.filter((t) => t.checked)
			.map((t) => t.label);
	return {
		event,
		kind: names('event-kind', [event.kind])[0] ?? event.kind,
		audiences: names('audience', event.audiences),
		levels: names('level', event.levels),
		past: event.endsAt.getTime() <= Date.now(),
		jsonLd: eventLd(event, { origin: url.origin, locale })
	};
};
