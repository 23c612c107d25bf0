import { msg, type MessageKey } from '$lib/i18n/message.ts';
import type { Actor } from '../accounts/index.ts';
import type { Db } from '../db/index.ts';
import { taxonomy, termOptions } from '../directory/index.ts';
import { linkIdsBySlug, linkSlugs, type LinkKind } from '../links.ts';
import {
	copenhagenClock,
	copenhagenDate,
	copenhagenInstant,
	copenhagenMidnight,
	dayAfter,
	isCalendarDate,
	lastDayBefore
} from '../local-date.ts';
import { submitEvent } from '../moderation/index.ts';
import type { EventInput, events } from '../events/index.ts';
import { bilingualValues, field, formFailure } from './forms.ts';
import { submitProposal } from './proposal-form.ts';

export const EVENT_FORM_FIELDS = [
	'organizationId',
	'kind',
	'titleDa',
	'titleEn',
	'descDa',
	'descEn',
	'date',
	'endDate',
	'start',
	'end',
	'address',
	'onlineUrl',
	'price',
	'language',
	'infoUrl',
	'registrationUrl',
	'deadline',
	'capacity',
	'capacityEn',
	'programmes',
	'offers',
	'postings'
];

const LABELS: Record<string, MessageKey> = {
	kind: 'eadmin_kind',
	title: 'field_title_da',
	description: 'field_desc_da',
	address: 'eadmin_address',
	onlineUrl: 'eadmin_online',
	priceOre: 'eadmin_price',
	infoUrl: 'eadmin_info',
	registrationUrl: 'eadmin_registration',
	endsAt: 'eadmin_end'
};

const UNKNOWN_LINKS = {
	programmes: 'eadmin_unknown_programmes',
	offers: 'eadmin_unknown_offers',
	postings: 'eadmin_unknown_postings'
} as const;

/**
 * The form's first and last day and times as instants in Danish time, or undefined when they do
 * not read. Without a last day the event ends on its first; an all-day event ends at midnight
 * after its last day.
 */
export function eventTimes(text: (name: string) => string, allDay: boolean) {
	const date = text('date');
	const endDate = text('endDate') || date;
	if (!isCalendarDate(date) || !isCalendarDate(endDate)) return undefined;
	try {
		if (allDay)
			return { startsAt: copenhagenMidnight(date), endsAt: copenhagenMidnight(dayAfter(endDate)) };
		return {
			startsAt: copenhagenInstant(date, text('start')),
			endsAt: copenhagenInstant(endDate, text('end'))
		};
	} catch {
		return undefined;
	}
}

type EventRow = typeof events.$inferSelect;
/** An event as stored: what the form needs of it. */
type StoredEvent = Pick<
	EventRow,
	'organizationId' | 'kind' | 'title' | 'description' | 'startsAt' | 'endsAt' | 'allDay'
> &
	Partial<
		Pick<
			EventRow,
			| 'address'
			| 'onlineUrl'
			| 'priceOre'
			| 'language'
			| 'infoUrl'
			| 'registrationUrl'
			| 'registrationDeadline'
			| 'capacityNote'
			| 'audiences'
			| 'levels'
			| 'programmeIds'
			| 'offerIds'
			| 'opportunityIds'
		>
	>;

/** The form's values for a stored event: a change starts from these. */
export async function eventValues(db: Db, e: StoredEvent): Promise<Record<string, string>> {
	const lastDay = e.allDay ? lastDayBefore(e.endsAt) : copenhagenDate(e.endsAt);
	const firstDay = copenhagenDate(e.startsAt);
	const [programmes, offers, postings] = await Promise.all([
		linkSlugs(db, 'programmes', e.programmeIds ?? []),
		linkSlugs(db, 'offers', e.offerIds ?? []),
		linkSlugs(db, 'postings', e.opportunityIds ?? [])
	]);
	return {
		organizationId: e.organizationId,
		kind: e.kind,
		...bilingualValues('title', e.title),
		...bilingualValues('desc', e.description),
		date: firstDay,
		endDate: lastDay === firstDay ? '' : lastDay,
		start: e.allDay ? '' : copenhagenClock(e.startsAt),
		end: e.allDay ? '' : copenhagenClock(e.endsAt),
		allDay: e.allDay ? '1' : '',
		address: e.address ?? '',
		onlineUrl: e.onlineUrl ?? '',
		price: e.priceOre === null || e.priceOre === undefined ? '' : String(e.priceOre / 100),
		language: e.language ?? 'da',
		infoUrl: e.infoUrl ?? '',
		registrationUrl: e.registrationUrl ?? '',
		deadline: e.registrationDeadline ? copenhagenDate(e.registrationDeadline) : '',
		capacity: e.capacityNote?.da ?? '',
		capacityEn: e.capacityNote?.en ?? '',
		audiences: (e.audiences ?? []).join(','),
		levels: (e.levels ?? []).join(','),
		programmes: programmes.join('\n'),
		offers: offers.join('\n'),
		postings: postings.join('\n')
	};
}

/**
 * Reads the event form and submits it for review, new or (with `eventId`) as a change; a failure
 * names the fields to check and keeps what was typed.
 */
export async function submitEventForm(
	db: Db,
	actor: Actor,
	form: FormData | undefined,
	locale: 'da' | 'en',
	eventId?: string
) {
	const text = (name: string) => (field(form, name) ?? '').trim();
	const optional = (name: string) => text(name) || undefined;
	const codes = (name: string) =>
		(form?.getAll(name) ?? []).filter((v): v is string => typeof v === 'string').slice(0, 10);
	const values: Record<string, string> = Object.fromEntries(
		EVENT_FORM_FIELDS.map((n) => [n, text(n).slice(0, 5000)])
	);
	const allDay = text('allDay') === '1';
	values.allDay = allDay ? '1' : '';
	values.audiences = codes('audience').join(',');
	values.levels = codes('level').join(',');
	const times = eventTimes(text, allDay);
	if (!times || times.endsAt < times.startsAt)
		return formFailure(400, { message: msg('eadmin_bad_time'), values });
	// Programmes, offers and postings the event is about, one page address or slug a line.
	const links: Partial<Record<LinkKind, string[]>> = {};
	for (const kind of ['programmes', 'offers', 'postings'] as const) {
		const named = text(kind)
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean)
			.slice(0, 20);
		const found = await linkIdsBySlug(db, kind, named);
		links[kind] = found.ids;
		// The field and the addresses that lead nowhere, and nothing is sent.
		if (found.unknown.length)
			return formFailure(400, {
				message: msg(UNKNOWN_LINKS[kind], { names: found.unknown.join(', ') }),
				values
			});
	}
	const price = text('price').replace(',', '.');
	const deadline = text('deadline');
	const input: EventInput = {
		organizationId: text('organizationId'),
		kind: text('kind'),
		title: { da: text('titleDa'), en: optional('titleEn') },
		description: { da: text('descDa'), en: optional('descEn') },
		...times,
		allDay,
		address: optional('address'),
		onlineUrl: optional('onlineUrl'),
		audiences: codes('audience'),
		levels: codes('level'),
		language: text('language') === 'en' ? 'en' : 'da',
		// Not a number: -1, which the schema refuses under the price's name.
		priceOre:
			price === ''
				? undefined
				: Number.isFinite(Number(price))
					? Math.round(Number(price) * 100)
					: -1,
		infoUrl: optional('infoUrl'),
		registrationUrl: optional('registrationUrl'),
		capacityNote: text('capacity')
			? { da: text('capacity'), en: optional('capacityEn') }
			: undefined,
		registrationDeadline: isCalendarDate(deadline)
			? copenhagenInstant(deadline, '23:59')
			: undefined,
		programmeIds: links.programmes,
		offerIds: links.offers,
		opportunityIds: links.postings
	};
	return submitProposal(() => submitEvent(db, actor, input, eventId), {
		values,
		locale,
		labels: LABELS
	});
}

/** The kinds, audiences and levels an event can name, as the form's options. */
export async function eventVocabulary(db: Db, locale: 'da' | 'en') {
	const terms = await taxonomy(db);
	return {
		kinds: termOptions(terms, 'event-kind', locale),
		audiences: termOptions(terms, 'audience', locale),
		levels: termOptions(terms, 'level', locale)
	};
}
