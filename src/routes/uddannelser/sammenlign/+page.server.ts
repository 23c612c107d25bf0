import { cachedView, contentVersion } from '$lib/server/app.ts';
import {
	comparedSlugs,
	nextDeadlines,
	programmeTaxonomy,
	programmesBySlugs,
	termName
} from '$lib/server/programmes/index.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import type { PageServerLoad } from './$types';

/** Two to four programmes side by side (`ids=a,b,c`, slugs, in the order given). */
export const load: PageServerLoad = async ({ url, locals }) => {
	const locale = locals.locale;
	const { slugs, dropped } = comparedSlugs(url);
	const version = await contentVersion();
	const hour = Math.floor(Date.now() / 3_600_000);
	const programmes = await cachedView(
		`compare:${locale}:${slugs.join(',')}:${version}:${hour}`,
		async () => {
			const taxonomy = programmeTaxonomy();
			const now = new Date();
			const found = await programmesBySlugs(locals.db, slugs);
			return found.map((p) => {
				const latest = (pick: (f: (typeof p.figures)[number]) => boolean) =>
					[...p.figures].reverse().find(pick) ?? null;
				const cutoff = latest(
					(f) => f.cutoff !== null || f.allAdmitted || f.suppressed.includes('adgangskvotient')
				);
				const unemployment = latest(
					(f) => f.unemployment !== null || f.suppressed.includes('ledighed')
				);
				const rest = found.filter((x) => x.slug !== p.slug).map((x) => x.slug);
				return {
					slug: p.slug,
					href: localizedPath(`/uddannelser/${p.slug}`, locale),
					removeHref: `${localizedPath('/uddannelser/sammenlign', locale)}?ids=${rest.join(',')}`,
					title: locale === 'en' ? (p.title.en ?? p.title.da) : p.title.da,
					untranslated: locale === 'en' && !p.title.en,
					level: termName(
						taxonomy.levels.find((l) => l.code === p.level),
						locale,
						p.level
					),
					institution: p.institution.name,
					places: p.places,
					durationMonths: p.durationMonths,
					language: p.language,
					requirements: p.requirementsText
						? locale === 'en'
							? (p.requirementsText.en ?? p.requirementsText.da)
							: p.requirementsText.da
						: null,
					requirementsKnown: p.requirements.known,
					cutoff: cutoff && {
						year: cutoff.year,
						value: cutoff.cutoff,
						allAdmitted: cutoff.allAdmitted,
						isDemo: cutoff.isDemo
					},
					unemployment: unemployment && {
						year: unemployment.year,
						value: unemployment.unemployment,
						isDemo: unemployment.isDemo
					},
					su: p.su,
					deadline: nextDeadlines(p.deadlines, now)[0] ?? null,
					isDemo: p.isDemo
				};
			});
		}
	);
	return { programmes, dropped, ids: slugs };
};
