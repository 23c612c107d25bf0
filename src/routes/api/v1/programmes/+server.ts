import { json } from '@sveltejs/kit';
import type { ApiProgrammeList } from '$lib/schemas/strategy-api.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { apiError } from '$lib/server/http/respond.ts';
import { contentVersion } from '$lib/server/app.ts';
import { programmeQueryFromUrl, searchProgrammes } from '$lib/server/programmes/index.ts';
import type { RequestHandler } from './$types';

/** The programme search as JSON, with counts per level, field, institution, language, duration. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = programmeQueryFromUrl(url);
	if (!parsed.ok) return apiError(400, 'Invalid query parameters', { details: parsed.problems });
	const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'da';
	const results = await searchProgrammes(locals.db, parsed.query, locale, {
		version: await contentVersion()
	});
	const body: ApiProgrammeList = {
		total: results.total,
		facets: {
			level: results.levels,
			field: results.fields,
			institution: Object.fromEntries(results.institutions.map((i) => [i.slug, i.count])),
			lang: results.languages,
			duration: results.durations,
			su: results.su
		},
		items: results.items.map((i) => ({
			id: i.id,
			slug: i.slug,
			title: i.title,
			level: i.level,
			field: i.field,
			institution: { name: i.institution, slug: i.institutionSlug },
			places: i.places,
			durationMonths: i.durationMonths,
			language: i.language,
			su: i.su,
			url: new URL(localizedPath(`/uddannelser/${i.slug}`, locale), url).href,
			demo: i.isDemo
		}))
	};
	return json(body, { headers: { 'cache-control': 'public, max-age=60' } });
};
