import { error, redirect } from '@sveltejs/kit';
import { ZodError } from 'zod';
import { msg, type MessageKey } from '$lib/i18n/message.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { ForbiddenError } from '$lib/server/accounts/index.ts';
import { activeStrategy } from '$lib/server/app.ts';
import { listOrganizations } from '$lib/server/directory/index.ts';
import {
	initiativeForEditing,
	LIFECYCLES,
	organizationsByNameOrSlug,
	saveInitiative
} from '$lib/server/followup/index.ts';
import { linkIdsBySlug, linkSlugs, type LinkKind } from '$lib/server/links.ts';
import {
	attempt,
	bilingualValues,
	field,
	formFailure,
	namedFields,
	on,
	readForm
} from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** Blank milestone rows the form offers beyond those the initiative has. */
const SPARE_MILESTONES = 3;
const LINK_KINDS: LinkKind[] = ['offers', 'postings', 'partnerships'];

export const load: PageServerLoad = async ({ params, locals }) => {
	requireCan(locals, 'initiatives.manage');
	const isNew = params.slug === 'ny';
	const existing = isNew ? undefined : await initiativeForEditing(locals.db, params.slug);
	if (!isNew && !existing) error(404, 'Not found');
	const strategy = await activeStrategy(locals.locale);
	const organizations = await listOrganizations(locals.db);
	const names = new Map(organizations.map((o) => [o.id, o.name]));
	let values: Record<string, string> = {};
	if (existing) {
		const links = Object.fromEntries(
			await Promise.all(
				LINK_KINDS.map(async (kind) => {
					const ids =
						kind === 'offers'
							? existing.offerIds
							: kind === 'postings'
								? existing.opportunityIds
								: existing.partnershipIds;
					return [kind, (await linkSlugs(locals.db, kind, ids)).join('\n')];
				})
			)
		);
		values = {
			...bilingualValues('title', existing.title),
			...bilingualValues('desc', existing.description),
			action: existing.actionCodes.join(','),
			indicator: existing.indicatorCodes.join(','),
			ownerId: existing.ownerId,
			responsible: existing.responsible ?? '',
			partners: existing.partnerIds.map((id) => names.get(id) ?? '').join('\n'),
			startDate: existing.startDate ?? '',
			endDate: existing.endDate ?? '',
			lifecycle: existing.lifecycle,
			progress: String(existing.progress),
			budget: existing.budgetOre === null ? '' : String(existing.budgetOre / 100),
			externalId: existing.externalId ?? '',
			...links,
			...Object.fromEntries(
				existing.milestones.flatMap((m, i) => [
					[`msTitle${i}`, m.title],
					[`msDue${i}`, m.dueDate ?? ''],
					[`msDone${i}`, m.doneDate ?? '']
				])
			)
		};
	}
	return {
		isNew,
		slug: existing?.slug ?? null,
		values,
		milestoneRows: (existing?.milestones.length ?? 0) + SPARE_MILESTONES,
		actions: (strategy?.guideposts ?? []).flatMap((g) =>
			g.actions.map((a) => ({ code: a.code, text: a.text }))
		),
		indicators: (strategy?.guideposts ?? []).flatMap((g) =>
			g.indicators.map((i) => ({ code: i.code, title: i.title }))
		),
		organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
		lifecycles: LIFECYCLES
	};
};

const LABELS: Record<string, MessageKey> = {
	title: 'field_title_da',
	description: 'field_desc_da',
	actionCodes: 'iadmin_actions',
	indicatorCodes: 'iadmin_indicators',
	ownerId: 'iadmin_owner',
	responsible: 'iadmin_responsible',
	partnerIds: 'iadmin_partners',
	startDate: 'iadmin_start',
	endDate: 'iadmin_end',
	lifecycle: 'initiative_lifecycle',
	progress: 'initiative_progress',
	budgetOre: 'initiative_budget',
	milestones: 'initiative_milestones',
	offerIds: 'iadmin_offers',
	opportunityIds: 'iadmin_postings',
	partnershipIds: 'iadmin_partnerships',
	externalId: 'iadmin_external_id'
};

const lines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);

export const actions: Actions = {
	default: async (event) => {
		const actor = requireCan(event.locals, 'initiatives.manage');
		const isNew = event.params.slug === 'ny';
		const existing = isNew
			? undefined
			: await initiativeForEditing(event.locals.db, event.params.slug);
		if (!isNew && !existing) error(404, 'Not found');
		const form = await readForm(event);
		const text = (name: string) => (field(form, name) ?? '').trim();
		const list = (name: string) =>
			(form?.getAll(name) ?? []).filter((v): v is string => typeof v === 'string');
		const values: Record<string, string> = Object.fromEntries(
			[
				'titleDa',
				'titleEn',
				'descDa',
				'descEn',
				'ownerId',
				'responsible',
				'partners',
				'startDate',
				'endDate',
				'lifecycle',
				'progress',
				'budget',
				'externalId',
				...LINK_KINDS,
				...Array.from({ length: 60 }, (_, i) => [`msTitle${i}`, `msDue${i}`, `msDone${i}`]).flat()
			]
				.map((n) => [n, text(n).slice(0, 5000)])
				.filter(([, v]) => v !== '')
		);
		values.action = list('action').join(',');
		values.indicator = list('indicator').join(',');
		const fail = (key: MessageKey, params?: Record<string, string>) =>
			formFailure(400, { message: msg(key, params), values });

		// Names and addresses the form takes as text: partners, and links by address or slug.
		const partnerNames = lines(values.partners ?? '');
		const known = await organizationsByNameOrSlug(event.locals.db, partnerNames);
		const unknownPartners = partnerNames.filter((n) => !known.has(n.toLowerCase()));
		if (unknownPartners.length > 0)
			return fail('iadmin_unknown_partners', { names: unknownPartners.join(', ') });
		const links: Record<LinkKind, string[]> = {
			offers: [],
			postings: [],
			partnerships: [],
			programmes: []
		};
		for (const kind of LINK_KINDS) {
			const found = await linkIdsBySlug(event.locals.db, kind, lines(values[kind] ?? ''));
			if (found.unknown.length > 0)
				return fail('iadmin_unknown_links', { names: found.unknown.join(', ') });
			links[kind] = found.ids;
		}
		const number = (value: string | undefined) =>
			value === undefined || value === ''
				? undefined
				: Number(value.replace(/\s|\./g, '').replace(',', '.'));
		const milestones = Array.from({ length: 60 }, (_, i) => i)
			.filter((i) => values[`msTitle${i}`])
			.map((i) => ({
				title: values[`msTitle${i}`]!,
				...(values[`msDue${i}`] ? { dueDate: values[`msDue${i}`] } : {}),
				...(values[`msDone${i}`] ? { doneDate: values[`msDone${i}`] } : {})
			}));
		const budget = number(values.budget);
		const done = await attempt(
			() =>
				saveInitiative(
					event.locals.db,
					actor,
					{
						...(values.externalId ? { externalId: values.externalId } : {}),
						title: { da: values.titleDa ?? '', en: values.titleEn || undefined },
						description: { da: values.descDa ?? '', en: values.descEn || undefined },
						actionCodes: list('action'),
						indicatorCodes: list('indicator'),
						ownerId: values.ownerId ?? '',
						...(values.responsible ? { responsible: values.responsible } : {}),
						partnerIds: partnerNames.map((n) => known.get(n.toLowerCase())!),
						...(values.startDate ? { startDate: values.startDate } : {}),
						...(values.endDate ? { endDate: values.endDate } : {}),
						lifecycle: (values.lifecycle ?? 'planlagt') as never,
						progress: number(values.progress) ?? 0,
						...(budget === undefined ? {} : { budgetOre: Math.round(budget * 100) }),
						milestones,
						offerIds: links.offers,
						opportunityIds: links.postings,
						partnershipIds: links.partnerships,
						isDemo: existing?.isDemo ?? false
					},
					existing?.id
				),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden'), values })),
			on(ZodError, (e) =>
				formFailure(400, {
					message: msg('sub_invalid', {
						fields: namedFields(e, event.locals.locale, LABELS)
					}),
					values
				})
			)
		);
		if (!done.ok) return done.failure;
		redirect(
			303,
			`${localizedPath(`/admin/indsatser/${done.value.slug}`, event.locals.locale)}?gemt=1`
		);
	}
};
