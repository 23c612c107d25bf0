import { error } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { appLocate, contentVersion } from '$lib/server/app.ts';
import { offerQueryFromUrl, searchOffers } from '$lib/server/directory/index.ts';
import { eventQueryFromUrl, searchEvents } from '$lib/server/events/index.ts';
import { embedCount } from '$lib/server/http/embed.ts';
import { opportunityQueryFromUrl, searchOpportunities } from '$lib/server/opportunities/index.ts';
import {
	programmeQueryFromUrl,
	programmeTaxonomy,
	searchProgrammes,
	termName
} from '$lib/server/programmes/index.ts';

type Where = { url: URL; locals: App.Locals };

function refuse(problems: { parameter: string; message: string }[]): never {
	error(400, problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
}

/** The same search as the full list's, its first `antal` items, linked to the full site. */
function links(url: URL, locale: 'da' | 'en', list: string) {
	const params = new URLSearchParams(url.search);
	params.delete('antal');
	const query = params.toString();
	return {
		all: new URL(`${localizedPath(list, locale)}${query ? `?${query}` : ''}`, url).href,
		item: (slug: string) => new URL(localizedPath(`${list}/${slug}`, locale), url).href
	};
}

export async function embedEvents({ url, locals }: Where) {
	const parsed = eventQueryFromUrl(url);
	if (!parsed.ok) refuse(parsed.problems);
	const count = embedCount(url);
	const results = await searchEvents(
		locals.db,
		{ ...parsed.query, page: 1 },
		locals.locale,
		new Date(),
		{
			version: await contentVersion(),
			pageSize: count
		}
	);
	const to = links(url, locals.locale, '/arrangementer');
	return { all: to.all, items: results.items.map((i) => ({ ...i, href: to.item(i.slug) })) };
}

export async function embedJobs({ url, locals }: Where) {
	const parsed = opportunityQueryFromUrl(url, { addresses: false });
	if (!parsed.ok) refuse(parsed.problems);
	const count = embedCount(url);
	const results = await searchOpportunities(
		locals.db,
		{ ...parsed.query, page: 1 },
		locals.locale,
		new Date(),
		{
			version: await contentVersion(),
			pageSize: count,
			locate: appLocate()
		}
	);
	const to = links(url, locals.locale, '/job');
	return { all: to.all, items: results.items.map((i) => ({ ...i, href: to.item(i.slug) })) };
}

export async function embedOffers({ url, locals }: Where) {
	const parsed = offerQueryFromUrl(url, { addresses: false });
	if (!parsed.ok) refuse(parsed.problems);
	const results = await searchOffers(locals.db, { ...parsed.query, page: 1 }, locals.locale, {
		version: await contentVersion()
	});
	const to = links(url, locals.locale, '/tilbud');
	return {
		all: to.all,
		items: results.items.slice(0, embedCount(url)).map((i) => ({ ...i, href: to.item(i.slug) }))
	};
}

export async function embedProgrammes({ url, locals }: Where) {
	const parsed = programmeQueryFromUrl(url);
	if (!parsed.ok) refuse(parsed.problems);
	const results = await searchProgrammes(locals.db, { ...parsed.query, page: 1 }, locals.locale, {
		version: await contentVersion(),
		pageSize: embedCount(url)
	});
	const to = links(url, locals.locale, '/uddannelser');
	const levels = programmeTaxonomy().levels;
	return {
		all: to.all,
		items: results.items.map((i) => ({
			...i,
			levelName: termName(
				levels.find((l) => l.code === i.level),
				locals.locale,
				i.level
			),
			href: to.item(i.slug)
		}))
	};
}
