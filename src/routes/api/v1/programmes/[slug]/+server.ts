import { json } from '@sveltejs/kit';
import type { ApiProgramme } from '$lib/schemas/strategy-api.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { apiError } from '$lib/server/http/respond.ts';
import { copenhagenIso } from '$lib/server/events/index.ts';
import { getProgramme, nextDeadlines } from '$lib/server/programmes/index.ts';
import type { RequestHandler } from './$types';

/** One programme: what, where, the course, how to apply, requirements and every year's figures. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const p = /^[a-z0-9-]{1,160}$/.test(params.slug)
		? await getProgramme(locals.db, params.slug)
		: undefined;
	if (!p) return apiError(404, 'No programme has that slug');
	const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'da';
	const t = (text: { da: string; en?: string } | null) =>
		text ? (locale === 'en' ? (text.en ?? text.da) : text.da) : null;
	const body: ApiProgramme = {
		id: p.id,
		slug: p.slug,
		title: t(p.title)!,
		summary: t(p.summary),
		level: p.level,
		speciality: p.speciality,
		field: p.field,
		institution: { name: p.institution.name, slug: p.institution.slug },
		places: p.places,
		durationMonths: p.durationMonths,
		ects: p.ects,
		language: p.language,
		startMonths: p.startMonths,
		su: p.su,
		applyVia: p.applyVia,
		deadlines: nextDeadlines(p.deadlines).map((d) => ({ kind: d.kind, next: copenhagenIso(d.at) })),
		requirements: {
			text: t(p.requirementsText),
			known: p.requirements.known,
			routes: p.requirements.routes
		},
		institutionUrl: p.url,
		ugUrl: p.ugUrl,
		kotNumber: p.kotNumber,
		source: p.source,
		url: new URL(localizedPath(`/uddannelser/${p.slug}`, locale), url).href,
		demo: p.isDemo,
		figures: p.figures.map((f) => ({
			year: f.year,
			applicants: f.applicants,
			admitted: f.admitted,
			cutoff: f.cutoff,
			allAdmitted: f.allAdmitted,
			standby: f.standby,
			unemployment: f.unemployment,
			dropout: f.dropout,
			notPublished: f.suppressed,
			source: f.source,
			demo: f.isDemo
		}))
	};
	return json(body, { headers: { 'cache-control': 'public, max-age=60' } });
};
