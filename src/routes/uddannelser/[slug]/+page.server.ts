import { error } from '@sveltejs/kit';
import { cachedView, contentVersion } from '$lib/server/app.ts';
import { searchOffers } from '$lib/server/directory/index.ts';
import { comingEventsAbout } from '$lib/server/events/index.ts';
import { lineChartSvg } from '$lib/server/indicators/index.ts';
import { searchOpportunities } from '$lib/server/opportunities/index.ts';
import {
	fromText,
	getProgramme,
	needText,
	nextDeadlines,
	pathwaysFrom,
	programmeLd,
	programmeTaxonomy,
	termName
} from '$lib/server/programmes/index.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

const RELATED = 4;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (!/^[a-z0-9-]{1,160}$/.test(params.slug)) error(404, 'Not found');
	const locale = locals.locale;
	const version = await contentVersion();
	// Events pass and deadlines move: a cached page is kept an hour at most.
	const hour = Math.floor(Date.now() / 3_600_000);
	const view = await cachedView(
		`programme:${locale}:${params.slug}:${version}:${hour}`,
		async () => {
			const p = await getProgramme(locals.db, params.slug);
			if (!p) return undefined;
			const taxonomy = programmeTaxonomy();
			const level = taxonomy.levels.find((l) => l.code === p.level);
			const group = taxonomy.groups.find((g) => g.code === level?.group);
			const field = taxonomy.fields.find((f) => f.code === p.field);
			const now = new Date();
			const [after, offers, postings, events] = await Promise.all([
				pathwaysFrom(locals.db, { level: p.level }),
				group?.audience
					? searchOffers(
							locals.db,
							{
								audience: [group.audience],
								category: ['stoette-og-hjaelpemidler', 'lektiehjaelp', 'vejledning']
							},
							locale,
							{ version }
						)
					: undefined,
				searchOpportunities(
					locals.db,
					p.level === 'eud' || p.level === 'eux'
						? { type: ['laereplads', 'praktikplads'], field: field?.jobFields ?? [] }
						: { field: field?.jobFields ?? [], level: group?.jobLevel ? [group.jobLevel] : [] },
					locale,
					now,
					{ version, pageSize: RELATED }
				),
				comingEventsAbout(
					locals.db,
					{ programmeId: p.id, organizationSlug: p.institution.slug },
					locale,
					now
				)
			]);
			const path = localizedPath(`/uddannelser/${p.slug}`, locale);
			const cutoffs = p.figures.filter((f) => f.cutoff !== null);
			return {
				programme: p,
				levelName: termName(level, locale, p.level),
				fieldName: field ? termName(field, locale) : null,
				routes: p.requirements.routes.map((r) => ({
					from: fromText(r, locale, taxonomy),
					needs: r.subjects.map((alternatives) => needText(alternatives, locale, taxonomy)),
					minGrade: r.minGrade ?? null
				})),
				deadlines: nextDeadlines(p.deadlines, now),
				chart: cutoffs.length >= 2 ? await cutoffCharts(cutoffs, locale) : null,
				after: [
					...after.open.map((a) => ({ ...a, needs: [] as string[] })),
					...after.missing.map((a) => ({
						...a,
						needs: a.verdict.missing.map((alts) => needText(alts, locale, taxonomy))
					}))
				].slice(0, 8),
				offers: (offers?.items ?? []).slice(0, RELATED).map((o) => ({
					title: o.title,
					href: localizedPath(`/tilbud/${o.slug}`, locale),
					isDemo: o.isDemo
				})),
				postings: postings.items.map((o) => ({
					title: o.title,
					href: localizedPath(`/job/${o.slug}`, locale),
					isDemo: o.isDemo
				})),
				events: events.map((e) => ({
					title: e.title,
					start: e.start,
					href: localizedPath(`/arrangementer/${e.slug}`, locale),
					isDemo: e.isDemo
				})),
				jsonLd: programmeLd(p, { origin: url.origin, path, locale, now })
			};
		}
	);
	if (!view) error(404, 'Not found');
	return view;
};

const NARROW_CUTOFF = { width: 320, height: 240 };

/**
 * The cut-off grade by year, drawn twice: at the width a wide screen shows it, and at a phone's
 * (a 560 px chart shown 300 px wide has 7 px labels). The page shows one of the two.
 */
async function cutoffCharts(
	cutoffs: { year: number; cutoff: number | null }[],
	locale: 'da' | 'en'
): Promise<{ wide: string; narrow: string }> {
	const chart = (size: { width: number; height: number }) =>
		lineChartSvg({
			periods: cutoffs.map((f) => String(f.year)),
			series: [
				{
					name: m.programme_cutoff({}, { locale }),
					points: cutoffs.map((f) => ({ period: String(f.year), value: f.cutoff }))
				}
			],
			unit: '',
			locale,
			compact: true,
			...size
		});
	return { wide: await chart({ width: 560, height: 240 }), narrow: await chart(NARROW_CUTOFF) };
}
