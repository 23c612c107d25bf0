import type { MessageKey } from '$lib/i18n/message.ts';
import type { Actor } from '../accounts/index.ts';
import type { Db } from '../db/index.ts';
import { taxonomy, termOptions } from '../directory/index.ts';
import { submitOpportunity } from '../moderation/index.ts';
import type { OpportunityInput, OpportunityPage } from '../opportunities/index.ts';
import { bilingualValues, field } from './forms.ts';
import { submitProposal } from './proposal-form.ts';

export const POSTING_FORM_FIELDS = [
	'organizationId',
	'type',
	'titleDa',
	'titleEn',
	'descDa',
	'descEn',
	'education',
	'specialisation',
	'address',
	'postalCode',
	'city',
	'hours',
	'pay',
	'hourlyPay',
	'startDate',
	'deadline',
	'applyUrl',
	'applyEmail',
	'minimumAge',
	'contactName',
	'contactEmail'
];

const LABELS: Record<string, MessageKey> = {
	type: 'post_field_type',
	title: 'field_title_da',
	description: 'field_desc_da',
	education: 'post_field_education',
	address: 'post_field_address',
	postalCode: 'post_field_postcode',
	city: 'post_field_city',
	hoursPerWeek: 'post_field_hours',
	pay: 'post_field_pay',
	hourlyPayOre: 'post_field_hourly_pay',
	startDate: 'post_field_start',
	deadline: 'post_field_deadline',
	applyUrl: 'post_field_apply_url',
	applyEmail: 'post_field_apply_email',
	minimumAge: 'post_field_age',
	fields: 'post_field_fields',
	levels: 'post_field_levels',
	contactEmail: 'post_field_contact_email'
};

/** The rules a posting can break as a whole, said in the reader's language. */
const REASONS: Record<string, MessageKey> = {
	applyUrl: 'post_need_apply',
	address: 'post_need_place',
	education: 'post_need_education',
	pay: 'post_volunteer_unpaid'
};

/** The form's values for a stored posting (a change or a renewal starts from these). */
export function postingValues(o: OpportunityPage & { organizationId: string }) {
	return {
		organizationId: o.organizationId,
		type: o.type,
		...bilingualValues('title', o.title),
		...bilingualValues('desc', o.description),
		education: o.education ?? '',
		specialisation: o.specialisation ?? '',
		address: o.address ?? '',
		postalCode: o.postalCode ?? '',
		city: o.city ?? '',
		remote: o.remote ? '1' : '',
		hours: o.hoursPerWeek?.toString() ?? '',
		pay: o.pay,
		hourlyPay: o.hourlyPayOre === null ? '' : String(o.hourlyPayOre / 100),
		startDate: o.startDate ?? '',
		deadline: o.deadline ?? '',
		applyUrl: o.applyUrl ?? '',
		applyEmail: o.applyEmail ?? '',
		englishFriendly: o.englishFriendly ? '1' : '',
		fields: o.fields.join(','),
		levels: o.levels.join(','),
		minimumAge: o.minimumAge?.toString() ?? '',
		contactName: o.contactName ?? '',
		contactEmail: o.contactEmail ?? ''
	};
}

/** Reads the posting form and submits it for review; a failure names the fields to check. */
export async function submitPostingForm(
	db: Db,
	actor: Actor,
	form: FormData | undefined,
	locale: 'da' | 'en',
	opportunityId?: string
) {
	const text = (name: string) => (field(form, name) ?? '').trim();
	const optional = (name: string) => text(name) || undefined;
	const whole = (name: string) => {
		const v = text(name);
		return v === '' ? undefined : /^\d+$/.test(v) ? Number(v) : -1;
	};
	const values: Record<string, string> = Object.fromEntries(
		POSTING_FORM_FIELDS.map((n) => [n, text(n).slice(0, 5000)])
	);
	values.remote = text('remote') === '1' ? '1' : '';
	values.englishFriendly = text('englishFriendly') === '1' ? '1' : '';
	const codes = (name: string) =>
		(form?.getAll(name) ?? []).filter((v): v is string => typeof v === 'string').slice(0, 20);
	values.fields = codes('field').join(',');
	values.levels = codes('level').join(',');
	const kroner = text('hourlyPay').replace(',', '.');
	const input = {
		organizationId: text('organizationId'),
		type: text('type'),
		title: { da: text('titleDa'), en: optional('titleEn') },
		description: { da: text('descDa'), en: optional('descEn') },
		education: optional('education'),
		specialisation: optional('specialisation'),
		remote: values.remote === '1',
		address: values.remote ? undefined : optional('address'),
		postalCode: values.remote ? undefined : optional('postalCode'),
		city: values.remote ? undefined : optional('city'),
		hoursPerWeek: whole('hours'),
		pay: text('pay'),
		hourlyPayOre: kroner
			? Number.isFinite(Number(kroner))
				? Math.round(Number(kroner) * 100)
				: -1
			: undefined,
		startDate: optional('startDate'),
		deadline: optional('deadline'),
		applyUrl: optional('applyUrl'),
		applyEmail: optional('applyEmail'),
		englishFriendly: values.englishFriendly === '1',
		fields: codes('field'),
		levels: codes('level'),
		minimumAge: whole('minimumAge'),
		contactName: optional('contactName'),
		contactEmail: optional('contactEmail')
	} as OpportunityInput;
	return submitProposal(() => submitOpportunity(db, actor, input, opportunityId), {
		values,
		locale,
		labels: LABELS,
		reasons: REASONS
	});
}

/** The education fields and levels a posting can name, as the form's checkboxes. */
export async function postingVocabulary(db: Db, locale: 'da' | 'en') {
	const terms = await taxonomy(db);
	return {
		fieldOptions: termOptions(terms, 'field', locale),
		levelOptions: termOptions(terms, 'level', locale)
	};
}
