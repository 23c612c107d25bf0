import { diffWordsWithSpace } from 'diff';
import {
	formatClock,
	formatDate,
	formatDateTime,
	formatKroner,
	weekdayNames
} from '$lib/format.ts';
import { languageName } from '$lib/i18n/languages.ts';
import { monthNames } from '$lib/format.ts';
import {
	programmeTaxonomy,
	requirementsText,
	termName,
	type Requirements
} from '$lib/server/programmes/index.ts';
import { opportunityTypeName, partnershipKindName } from '$lib/i18n/opportunity-types.ts';
import type { Locale } from '$lib/i18n/routes.ts';
import { m } from '$lib/paraglide/messages.js';

/**
 * A proposal as an editor judges it: field by field, under the field's name in the reader's
 * language, each value written as the public page writes it (hours as "tirsdag 15.00–17.00",
 * languages and categories by name, amounts in kroner), and the words that changed marked.
 */
export interface ShownChange {
	field: string;
	label: string;
	/** The value now and as proposed, as runs of words: `removed` only before, `added` only after. */
	before: Run[];
	after: Run[];
}
export interface Run {
	text: string;
	change?: 'added' | 'removed';
}

export interface Vocabulary {
	/** Taxonomy terms (categories, audiences, fields, levels) by vocabulary and code. */
	terms: { vocabulary: string; code: string; name: { da: string; en?: string } }[];
	/** Organisations by id, for partnerships. */
	organizations: Map<string, string>;
	/** Guideposts by slug. */
	guideposts: Map<string, string>;
	/** Linked offers, postings and programmes by id (an event's links). */
	linked?: Map<string, string>;
}

const programmeLevelName = (code: string, locale: Locale) =>
	termName(
		programmeTaxonomy().levels.find((l) => l.code === code),
		locale,
		code
	);
const programmeFieldName = (code: string, locale: Locale) =>
	termName(
		programmeTaxonomy().fields.find((f) => f.code === code),
		locale,
		code
	);
const admissionRules = (value: Record<string, unknown>) =>
	requirementsText(value as unknown as Requirements);

type Options = { locale: Locale };
const say = (message: (inputs: object, options: Options) => string, locale: Locale) =>
	message({}, { locale });

/** Field names in the reader's language; a field without one is shown by its key. */
const LABELS: Record<string, (inputs: object, options: Options) => string> = {
	name: m.mod_f_name,
	title: m.mod_f_title,
	description: m.mod_f_description,
	url: m.mod_f_url,
	website: m.mod_f_url,
	email: m.mod_f_email,
	phone: m.mod_f_phone,
	languages: m.mod_f_languages,
	isFree: m.mod_f_price,
	priceOre: m.mod_f_price,
	minimumAge: m.mod_f_minimum_age,
	maximumAge: m.mod_f_maximum_age,
	eligibility: m.mod_f_eligibility,
	guidepost: m.mod_f_guidepost,
	categories: m.mod_f_categories,
	audiences: m.mod_f_audiences,
	locations: m.mod_f_locations,
	schedules: m.mod_f_schedules,
	logoMediaId: m.mod_f_logo,
	partnerIds: m.mod_f_partners,
	kinds: m.mod_f_kinds,
	programmes: m.mod_f_programmes,
	contactName: m.mod_f_contact_name,
	contactEmail: m.mod_f_contact_email,
	type: m.mod_f_type,
	education: m.mod_f_education,
	specialisation: m.mod_f_specialisation,
	address: m.mod_f_address,
	postalCode: m.mod_f_postcode,
	city: m.mod_f_city,
	latitude: m.mod_f_map,
	longitude: m.mod_f_map,
	remote: m.mod_f_remote,
	hoursPerWeek: m.mod_f_hours_per_week,
	pay: m.mod_f_pay,
	hourlyPayOre: m.mod_f_hourly_pay,
	startDate: m.mod_f_start,
	deadline: m.mod_f_deadline,
	applyUrl: m.mod_f_apply_url,
	applyEmail: m.mod_f_apply_email,
	fields: m.mod_f_fields,
	levels: m.mod_f_levels,
	englishFriendly: m.mod_f_english_friendly,
	kind: m.mod_f_kind,
	startsAt: m.mod_f_starts,
	endsAt: m.mod_f_ends,
	allDay: m.mod_f_all_day,
	onlineUrl: m.mod_f_online,
	registrationUrl: m.mod_f_registration,
	registrationDeadline: m.mod_f_registration_deadline,
	language: m.mod_f_language,
	capacityNote: m.mod_f_capacity,
	summary: m.mod_f_summary,
	level: m.mod_f_level,
	speciality: m.mod_f_speciality,
	field: m.mod_f_field,
	places: m.mod_f_places,
	durationMonths: m.mod_f_duration,
	ects: m.mod_f_ects,
	startMonths: m.mod_f_start_months,
	applyVia: m.mod_f_apply_via,
	deadlines: m.mod_f_deadlines,
	requirementsText: m.mod_f_requirements_text,
	requirements: m.mod_f_requirements,
	su: m.mod_f_su,
	ugUrl: m.mod_f_ug_url,
	kotNumber: m.mod_f_kot,
	source: m.mod_f_source,
	programmeIds: m.mod_f_programmes,
	offerIds: m.mod_f_offers,
	opportunityIds: m.mod_f_postings
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Danish text, and English when there is any, each on its own line. */
function bilingual(value: Record<string, unknown>, locale: Locale): string {
	const da = typeof value.da === 'string' ? value.da : '';
	const en = typeof value.en === 'string' && value.en.trim() ? value.en : '';
	if (!en) return da;
	return `${say(m.mod_in_danish, locale)}: ${da}\n${say(m.mod_in_english, locale)}: ${en}`;
}

/** One value in words, as the public page would show it. */
export function showValue(
	field: string,
	value: unknown,
	locale: Locale,
	vocabulary: Vocabulary
): string {
	if (value === null || value === undefined || value === '') return '';
	const term = (vocab: string) => (code: unknown) => {
		const found = vocabulary.terms.find((t) => t.vocabulary === vocab && t.code === code);
		return found
			? locale === 'en'
				? (found.name.en ?? found.name.da)
				: found.name.da
			: String(code);
	};
	const list = (items: unknown, name: (item: unknown) => string) =>
		Array.isArray(items) ? items.map(name).join(', ') : String(items);
	switch (field) {
		case 'isFree':
			return value === true ? say(m.mod_free, locale) : say(m.mod_not_free, locale);
		case 'priceOre':
			return typeof value === 'number'
				? m.offer_price({ price: formatKroner(value, locale) }, { locale })
				: String(value);
		case 'hourlyPayOre':
			return typeof value === 'number'
				? m.job_pay_hourly({ amount: formatKroner(value, locale) }, { locale })
				: String(value);
		case 'kind':
			return term('event-kind')(value);
		case 'startsAt':
		case 'endsAt':
		case 'registrationDeadline':
			return formatDateTime(String(value), locale);
		case 'language':
			return languageName(String(value), locale);
		case 'remote':
		case 'allDay':
		case 'englishFriendly':
			return value === true ? say(m.mod_yes, locale) : say(m.mod_no, locale);
		case 'languages':
			return list(value, (code) => languageName(String(code), locale));
		case 'categories':
			return list(value, term('category'));
		case 'audiences':
			return list(value, term('audience'));
		case 'fields':
			return list(value, term('field'));
		case 'levels':
			return list(value, term('level'));
		case 'kinds':
			return list(value, (kind) => partnershipKindName(String(kind)));
		case 'type':
			return opportunityTypeName(String(value));
		case 'pay':
			return value === 'paid'
				? say(m.job_pay_paid, locale)
				: value === 'unpaid'
					? say(m.job_pay_unpaid, locale)
					: value === 'volunteer'
						? say(m.job_pay_volunteer, locale)
						: String(value);
		case 'partnerIds':
			return list(value, (id) => vocabulary.organizations.get(String(id)) ?? String(id));
		case 'programmeIds':
		case 'offerIds':
		case 'opportunityIds':
			return list(value, (id) => vocabulary.linked?.get(String(id)) ?? String(id));
		case 'guidepost':
			return vocabulary.guideposts.get(String(value)) ?? String(value);
		case 'logoMediaId':
			return say(m.mod_new_logo, locale);
		case 'startDate':
		case 'deadline':
			return typeof value === 'string' ? formatDate(value, locale) : String(value);
		case 'schedules':
			return Array.isArray(value)
				? value
						.filter(isRecord)
						.map((s) => {
							const when = `${weekdayNames(String(s.byday), locale)} ${formatClock(String(s.opensAt), locale)}–${formatClock(String(s.closesAt), locale)}`;
							const note = isRecord(s.description) ? ` (${bilingual(s.description, locale)})` : '';
							const from = typeof s.validFrom === 'string' ? formatDate(s.validFrom, locale) : '';
							const to = typeof s.validTo === 'string' ? formatDate(s.validTo, locale) : '';
							const valid = from || to ? ` [${from}–${to}]` : '';
							return when + note + valid;
						})
						.join('\n')
				: String(value);
		case 'level':
			return programmeLevelName(String(value), locale);
		case 'field':
			return programmeFieldName(String(value), locale);
		case 'startMonths':
			return Array.isArray(value) ? monthNames(value.map(Number), locale) : String(value);
		case 'applyVia':
			return value === 'optagelse' ? 'optagelse.dk' : say(m.programme_apply_institution, locale);
		case 'su':
			return value === true ? say(m.mod_yes, locale) : say(m.mod_no, locale);
		case 'deadlines':
			return Array.isArray(value)
				? value
						.filter(isRecord)
						.map(
							(d) =>
								`${d.kind}: ${String(d.day).padStart(2, '0')}-${String(d.month).padStart(2, '0')} ${d.time}`
						)
						.join('\n')
				: String(value);
		case 'requirements':
			return isRecord(value) ? admissionRules(value) : String(value);
		case 'locations':
			return Array.isArray(value)
				? value
						.filter(isRecord)
						.map((l) => `${l.name}, ${l.address}, ${l.postalCode} ${l.city}`)
						.join('\n')
				: String(value);
	}
	if (isRecord(value)) return bilingual(value, locale);
	if (Array.isArray(value)) return value.map(String).join(', ');
	return String(value);
}

/** Marks the words that differ between two texts (jsdiff's word diff, spaces kept as written). */
export function changedWords(before: string, after: string): { before: Run[]; after: Run[] } {
	if (!before) return { before: [], after: after ? [{ text: after }] : [] };
	if (!after) return { before: [{ text: before }], after: [] };
	const parts = diffWordsWithSpace(before, after);
	return {
		before: parts
			.filter((p) => !p.added)
			.map((p) => (p.removed ? { text: p.value, change: 'removed' as const } : { text: p.value })),
		after: parts
			.filter((p) => !p.removed)
			.map((p) => (p.added ? { text: p.value, change: 'added' as const } : { text: p.value }))
	};
}

/** A submission's changes as the moderation page shows them. */
export function showChanges(
	changes: { field: string; before: unknown; after: unknown }[],
	locale: Locale,
	vocabulary: Vocabulary
): ShownChange[] {
	// Latitude and longitude are one fact, the place on the map.
	const merged = new Map<string, { field: string; before: unknown; after: unknown }>();
	for (const c of changes) {
		if (c.field === 'latitude' || c.field === 'longitude') {
			const entry = merged.get('map') ?? { field: 'latitude', before: {}, after: {} };
			(entry.before as Record<string, unknown>)[c.field] = c.before;
			(entry.after as Record<string, unknown>)[c.field] = c.after;
			merged.set('map', entry);
		} else merged.set(c.field, c);
	}
	return [...merged.values()].map((c) => {
		const label = LABELS[c.field];
		const show = (v: unknown) =>
			c.field === 'latitude'
				? [(v as Record<string, unknown>).latitude, (v as Record<string, unknown>).longitude]
						.filter((n) => n !== null && n !== undefined)
						.join(', ')
				: showValue(c.field, v, locale, vocabulary);
		return {
			field: c.field,
			label: label ? say(label, locale) : c.field,
			...changedWords(show(c.before), show(c.after))
		};
	});
}
