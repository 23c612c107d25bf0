import { error } from '@sveltejs/kit';
import { cachedView, contentVersion } from '$lib/server/app.ts';
import {
	comparisonOf,
	PROGRAMME_PAGE_SIZE,
	programmeListPage,
	programmeQueryFromUrl,
	searchProgrammes
} from '$lib/server/programmes/index.ts';
import { m } from '$lib/paraglide/messages.js';
import { localizedPath } from '$lib/i18n/routes.ts';
import { serverRendered } from '$lib/server-rendered.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = programmeQueryFromUrl(url);
	if (!parsed.ok) error(400, parsed.problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
	const locale = locals.locale;
	const version = await contentVersion();
	const comparison = await comparisonOf(locals.db, url, locale);
	const view = await cachedView(`programmes:${locale}:${url.search}:${version}`, async () => {
		const results = await searchProgrammes(locals.db, parsed.query, locale, { version });
		const page = programmeListPage({
			results,
			query: parsed.query,
			search: url.search,
			locale,
			pageSize: PROGRAMME_PAGE_SIZE,
			durationLabels: {
				'under-1': m.programmes_duration_under_1({}, { locale }),
				'1-2': m.programmes_duration_1_2({}, { locale }),
				'2-3': m.programmes_duration_2_3({}, { locale }),
				'3-4': m.programmes_duration_3_4({}, { locale }),
				'over-4': m.programmes_duration_over_4({}, { locale })
			},
			languageLabels: {
				da: m.programmes_language_da({}, { locale }),
				en: m.programmes_language_en({}, { locale })
			}
		});
		return {
			...page,
			items: page.items.map((i) => ({
				...i,
				href: localizedPath(`/uddannelser/${i.slug}`, locale),
				...comparison.choose(i.slug)
			})),
			compared: comparison.compared,
			query: { q: parsed.query.q, su: parsed.query.su, page: parsed.query.page }
		};
	});
	return serverRendered(view);
};
