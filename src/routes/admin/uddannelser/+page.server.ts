import { redirect } from '@sveltejs/kit';
import { ZodError } from 'zod';
import { msg, type MessageKey } from '$lib/i18n/message.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { ForbiddenError } from '$lib/server/accounts/index.ts';
import { listOrganizations } from '$lib/server/directory/index.ts';
import { attempt, field, formFailure, namedFields, on, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import {
	SubmissionNotFoundError,
	mySubmissions,
	submitProgramme
} from '$lib/server/moderation/index.ts';
import {
	getProgramme,
	parseDeadline,
	parseRequirements,
	programmeTaxonomy,
	programmesOf,
	requirementsText,
	termName,
	type Deadline
} from '$lib/server/programmes/index.ts';
import type { Actions, PageServerLoad } from './$types';

/** The form's fields, as a programme's values fill them when a change is proposed. */
const NAMES = [
	'organizationId',
	'titleDa',
	'titleEn',
	'level',
	'speciality',
	'field',
	'places',
	'durationMonths',
	'ects',
	'language',
	'startMonths',
	'applyVia',
	'kvote1',
	'kvote2',
	'deadline',
	'reqDa',
	'reqEn',
	'admission',
	'su',
	'summaryDa',
	'summaryEn',
	'url',
	'ugUrl',
	'kot',
	'source'
] as const;

const day = (d: Deadline | undefined) =>
	d ? `${String(d.day).padStart(2, '0')}-${String(d.month).padStart(2, '0')} ${d.time}` : '';

/**
 * Institutions propose new programmes and changes to their own here; an editor approves them in
 * the review queue, where each field's change is shown.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCan(locals, 'submissions.create');
	const locale = locals.locale;
	const [all, mine] = await Promise.all([
		listOrganizations(locals.db),
		mySubmissions(locals.db, actor)
	]);
	const own = all.filter(
		(o) => o.kind === 'school' && (actor.role !== 'partner' || actor.organizationIds.includes(o.id))
	);
	const lists = await Promise.all(
		own.map(async (o) => ({
			id: o.id,
			name: o.name,
			programmes: await programmesOf(locals.db, o.id)
		}))
	);
	const slug = url.searchParams.get('ret');
	const editing =
		slug && /^[a-z0-9-]{1,160}$/.test(slug) ? await getProgramme(locals.db, slug) : undefined;
	const mayEdit = editing && own.some((o) => o.id === editing.organizationId);
	const t = programmeTaxonomy();
	return {
		organizations: own.map((o) => ({ id: o.id, name: o.name })),
		lists: lists.filter((l) => l.programmes.length > 0),
		levels: t.levels
			.filter((l) => !l.position)
			.map((l) => ({ code: l.code, label: termName(l, locale) })),
		fields: t.fields.map((f) => ({ code: f.code, label: `${f.code} ${termName(f, locale)}` })),
		editing: mayEdit
			? {
					id: editing.id,
					slug: editing.slug,
					title: editing.title.da,
					values: {
						organizationId: editing.organizationId,
						titleDa: editing.title.da,
						titleEn: editing.title.en ?? '',
						level: editing.level,
						speciality: editing.speciality ?? '',
						field: editing.field ?? '',
						places: editing.places.join(', '),
						durationMonths: editing.durationMonths?.toString() ?? '',
						ects: editing.ects?.toString() ?? '',
						language: editing.language,
						startMonths: editing.startMonths.join(', '),
						applyVia: editing.applyVia,
						kvote1: day(editing.deadlines.find((d) => d.kind === 'kvote1')),
						kvote2: day(editing.deadlines.find((d) => d.kind === 'kvote2')),
						deadline: day(editing.deadlines.find((d) => d.kind === 'institution')),
						reqDa: editing.requirementsText?.da ?? '',
						reqEn: editing.requirementsText?.en ?? '',
						admission: requirementsText(editing.requirements),
						su: editing.su === null ? '' : editing.su ? 'ja' : 'nej',
						summaryDa: editing.summary?.da ?? '',
						summaryEn: editing.summary?.en ?? '',
						url: editing.url ?? '',
						ugUrl: editing.ugUrl ?? '',
						kot: editing.kotNumber ?? '',
						source: editing.source
					}
				}
			: null,
		pending: mine
			.filter((s) => s.entityType === 'programme')
			.map(({ changes: _changes, ...s }) => s),
		sent: url.searchParams.has('sendt')
	};
};

const LABELS: Record<string, MessageKey> = {
	organizationId: 'sub_field_org',
	title: 'progadmin_title_da',
	level: 'programme_level',
	field: 'programme_field',
	places: 'programme_places',
	durationMonths: 'programme_duration',
	ects: 'programme_ects',
	startMonths: 'programme_starts',
	deadlines: 'progadmin_deadlines',
	requirements: 'progadmin_admission',
	requirementsText: 'progadmin_req_da',
	url: 'progadmin_url',
	ugUrl: 'progadmin_ug_url',
	source: 'progadmin_source'
};

export const actions: Actions = {
	propose: async (event) => {
		const actor = requireCan(event.locals, 'submissions.create');
		const form = await readForm(event);
		const text = (name: string) => (field(form, name) ?? '').trim().slice(0, 5000);
		const values = Object.fromEntries(NAMES.map((n) => [n, text(n)]));
		const programmeId = text('programmeId');
		const number = (name: string) => (text(name) === '' ? null : Number(text(name)));
		const fail = (message: ReturnType<typeof msg>) => formFailure(400, { message, values });
		const deadlines: Deadline[] = [];
		for (const [name, kind] of [
			['kvote1', 'kvote1'],
			['kvote2', 'kvote2'],
			['deadline', 'institution']
		] as const) {
			if (!text(name)) continue;
			const read = parseDeadline(text(name), kind);
			if (!read) return fail(msg('progadmin_bad_deadline', { value: text(name) }));
			deadlines.push(read);
		}
		const admission = parseRequirements(text('admission'));
		if (!admission.ok)
			return fail(
				msg('progadmin_bad_admission', {
					problems: admission.problems
						.map((p) => (event.locals.locale === 'da' ? p.da : p.en))
						.join('; ')
				})
			);
		const months = text('startMonths')
			.split(/[\s,;]+/)
			.filter(Boolean)
			.map(Number);
		const bilingual = (da: string, en: string) =>
			text(da) ? { da: text(da), en: text(en) || undefined } : null;
		const done = await attempt(
			() =>
				submitProgramme(
					event.locals.db,
					actor,
					{
						organizationId: text('organizationId'),
						title: { da: text('titleDa'), en: text('titleEn') || undefined },
						summary: bilingual('summaryDa', 'summaryEn'),
						level: text('level'),
						speciality: text('speciality') || null,
						field: text('field') || null,
						places: text('places')
							.split(/[,;]/)
							.map((s) => s.trim())
							.filter(Boolean),
						durationMonths: number('durationMonths'),
						ects: number('ects'),
						language: text('language') === 'en' ? 'en' : 'da',
						startMonths: months,
						applyVia: text('applyVia') === 'optagelse' ? 'optagelse' : 'institution',
						deadlines,
						requirementsText: bilingual('reqDa', 'reqEn'),
						requirements: admission.value,
						su: text('su') === 'ja' ? true : text('su') === 'nej' ? false : null,
						url: text('url') || null,
						ugUrl: text('ugUrl') || null,
						kotNumber: text('kot') || null,
						source: text('source')
					},
					/^[0-9a-f-]{36}$/.test(programmeId) ? programmeId : undefined
				),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden'), values })),
			on(SubmissionNotFoundError, () =>
				formFailure(403, { message: msg('admin_forbidden'), values })
			),
			on(ZodError, (error) =>
				fail(msg('sub_invalid', { fields: namedFields(error, event.locals.locale, LABELS) }))
			)
		);
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/admin/uddannelser', event.locals.locale)}?sendt=1`);
	}
};
