import { apiError } from '$lib/server/http/respond.ts';
import { formatDate } from '$lib/format.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { opportunityTypeName } from '$lib/i18n/opportunity-types.ts';
import { m } from '$lib/paraglide/messages.js';
import { appLocate, contentVersion } from '$lib/server/app.ts';
import { nearIsAddress } from '$lib/server/search/index.ts';
import { atomFeed, atomHeaders } from '$lib/server/http/atom.ts';
import {
	lastPostingChange,
	searchOpportunities,
	opportunityQueryFromUrl
} from '$lib/server/opportunities/index.ts';
import type { RequestHandler } from './$types';

/** `/job/feed.atom?<the same filters as /job>`: the search's newest open postings as Atom. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const locate = appLocate();
	const parsed = opportunityQueryFromUrl(url, { addresses: locate !== undefined });
	if (!parsed.ok) return apiError(400, 'Invalid query parameters', { details: parsed.problems });
	const locale = locals.locale;
	const results = await searchOpportunities(
		locals.db,
		{ ...parsed.query, sort: 'newest', page: 1 },
		locale,
		new Date(),
		{ locate, version: await contentVersion() }
	);
	const search = url.search;
	const body = atomFeed({
		title: `${m.jobs_title({}, { locale })} – ${m.site_name({}, { locale })}`,
		locale,
		lastChange: await lastPostingChange(locals.db),
		selfUrl: url.href,
		pageUrl: new URL(`${localizedPath('/job', locale)}${search}`, url).href,
		entries: results.items.map((i) => ({
			id: i.id,
			title: i.title,
			untranslated: i.untranslated,
			url: new URL(localizedPath(`/job/${i.slug}`, locale), url).href,
			published: i.createdAt,
			updated: i.updatedAt,
			author: i.organization,
			summary: [
				opportunityTypeName(i.type),
				i.organization,
				i.remote ? m.jobs_remote({}, { locale }) : (i.city ?? ''),
				i.deadline ? m.jobs_deadline({ date: formatDate(i.deadline, locale) }, { locale }) : ''
			]
				.filter(Boolean)
				.join(' · ')
		}))
	});
	return new Response(body, { headers: atomHeaders(nearIsAddress(parsed.query.near)) });
};
