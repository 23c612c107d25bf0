import { redirect } from '@sveltejs/kit';
import { ZodError } from 'zod';
import { msg, type MessageKey } from '$lib/i18n/message.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { ForbiddenError, can } from '$lib/server/accounts/index.ts';
import { listOrganizations, taxonomy, termOptions } from '$lib/server/directory/index.ts';
import {
	copenhagenInstant,
	copenhagenMidnight,
	dayAfter,
	searchEvents,
	setEventCancelled
} from '$lib/server/events/index.ts';
import { linkIdsBySlug, type LinkKind } from '$lib/server/links.ts';
import { attempt, field, formFailure, namedFields, on, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import {
	SubmissionNotFoundError,
	mySubmissions,
	submitEvent
} from '$lib/server/moderation/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCan(locals, 'submissions.create');
	const [all, terms, mine] = await Promise.all([
		listOrganizations(locals.db),
		taxonomy(locals.db),
		mySubmissions(locals.db, actor)
	]);
	const own =
		actor.role === 'partner' ? all.filter((o) => actor.organizationIds.includes(o.id)) : all;
	// Editors cancel (or un-cancel) coming events here; partners propose new ones.
	const editor = can(actor, 'moderation.review');
	const coming = editor
		? (await searchEvents(locals.db, {}, locals.locale, new Date(), { pageSize: 100 })).items
		: [];
	return {
		editor,
		coming,
		done: url.searchParams.get('gjort'),
		organizations: own.map((o) => ({ id: o.id, name: o.name })),
		kinds: termOptions(terms, 'event-kind', locals.locale),
		audiences: termOptions(terms, 'audience', locals.locale),
		levels: termOptions(terms, 'level', locals.locale),
		pending: mine.filter((s) => s.entityType === 'event').map(({ changes: _changes, ...s }) => s),
		sent: url.searchParams.has('sendt')
	};
};

const LABELS: Record<string, MessageKey> = {
	kind: 'eadmin_kind',
	title: 'eadmin_title_da',
	description: 'eadmin_desc_da',
	address: 'eadmin_address',
	onlineUrl: 'eadmin_online',
	priceOre: 'eadmin_price',
	registrationUrl: 'eadmin_registration',
	endsAt: 'eadmin_end'
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The form's date and times as instants in Danish time, or undefined when they do not read. */
function when(text: (name: string) => string, allDay: boolean) {
	const date = text('date');
	if (!DATE.test(date)) return undefined;
	try {
		if (allDay)
			return { startsAt: copenhagenMidnight(date), endsAt: copenhagenMidnight(dayAfter(date)) };
		return {
			startsAt: copenhagenInstant(date, text('start')),
			endsAt: copenhagenInstant(date, text('end'))
		};
	} catch {
		return undefined;
	}
}

export const actions: Actions = {
	propose: async (event) => {
		const actor = requireCan(event.locals, 'submissions.create');
		const form = await readForm(event);
		const text = (name: string) => (field(form, name) ?? '').trim();
		const list = (name: string) =>
			(form?.getAll(name) ?? []).filter((v): v is string => typeof v === 'string');
		const names = [
			'organizationId',
			'kind',
			'titleDa',
			'titleEn',
			'descDa',
			'descEn',
			'date',
			'start',
			'end',
			'address',
			'onlineUrl',
			'price',
			'language',
			'registrationUrl',
			'deadline',
			'programmes',
			'offers',
			'postings'
		];
		const values = Object.fromEntries(names.map((n) => [n, text(n).slice(0, 5000)]));
		const allDay = text('allDay') === '1';
		const times = when(text, allDay);
		if (!times || times.endsAt < times.startsAt)
			return formFailure(400, { message: msg('eadmin_bad_time'), values });
		// Programmes, offers and postings the event is about, one page address or slug a line.
		const links: Partial<Record<LinkKind, string[]>> = {};
		const UNKNOWN = {
			programmes: 'eadmin_unknown_programmes',
			offers: 'eadmin_unknown_offers',
			postings: 'eadmin_unknown_postings'
		} as const;
		for (const kind of ['programmes', 'offers', 'postings'] as const) {
			const named = text(kind)
				.split('\n')
				.map((l) => l.trim())
				.filter(Boolean)
				.slice(0, 20);
			const found = await linkIdsBySlug(event.locals.db, kind, named);
			links[kind] = found.ids;
			// The field and the addresses that lead nowhere, and nothing is sent.
			if (found.unknown.length)
				return formFailure(400, {
					message: msg(UNKNOWN[kind], { names: found.unknown.join(', ') }),
					values
				});
		}
		const price = text('price').replace(',', '.');
		const deadline = text('deadline');
		const done = await attempt(
			() =>
				submitEvent(event.locals.db, actor, {
					organizationId: text('organizationId'),
					kind: text('kind'),
					title: { da: text('titleDa'), en: text('titleEn') || undefined },
					description: { da: text('descDa'), en: text('descEn') || undefined },
					...times,
					allDay,
					address: text('address') || undefined,
					onlineUrl: text('onlineUrl') || undefined,
					audiences: list('audience'),
					levels: list('level'),
					language: text('language') === 'en' ? 'en' : 'da',
					priceOre: price === '' ? undefined : Math.round(Number(price) * 100),
					registrationUrl: text('registrationUrl') || undefined,
					capacityNote: text('capacity') ? { da: text('capacity') } : undefined,
					registrationDeadline: DATE.test(deadline)
						? copenhagenInstant(deadline, '23:59')
						: undefined,
					programmeIds: links.programmes,
					offerIds: links.offers,
					opportunityIds: links.postings
				}),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden'), values })),
			on(SubmissionNotFoundError, () =>
				formFailure(403, { message: msg('admin_forbidden'), values })
			),
			on(ZodError, (error) =>
				formFailure(400, {
					message: msg('sub_invalid', {
						fields: namedFields(error, event.locals.locale, LABELS)
					}),
					values
				})
			)
		);
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/admin/arrangementer', event.locals.locale)}?sendt=1`);
	},
	cancel: async (event) => {
		const actor = requireCan(event.locals, 'moderation.review');
		const form = await readForm(event);
		const id = field(form, 'eventId') ?? '';
		const cancelled = field(form, 'cancelled') === '1';
		if (!/^[0-9a-f-]{36}$/.test(id)) return formFailure(400, { message: msg('field_required') });
		try {
			await setEventCancelled(event.locals.db, actor.id, id, cancelled);
		} catch {
			return formFailure(404, { message: msg('field_required') });
		}
		redirect(
			303,
			`${localizedPath('/admin/arrangementer', event.locals.locale)}?gjort=${cancelled ? 'aflyst' : 'genoptaget'}`
		);
	}
};
