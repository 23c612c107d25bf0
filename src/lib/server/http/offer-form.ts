import type { MessageKey } from '$lib/i18n/message.ts';
import type { Actor } from '../accounts/index.ts';
import type { Db } from '../db/index.ts';
import { GeocoderUnavailable, type Located } from '../geocoding/index.ts';
import { placesAndHours } from '../directory/index.ts';
import { submitOffer } from '../moderation/index.ts';
import { field } from './forms.ts';
import { submitProposal } from './proposal-form.ts';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const OFFER_FORM_FIELDS = [
	'organizationId',
	'nameDa',
	'nameEn',
	'descDa',
	'descEn',
	'url',
	'price',
	'email',
	'phone',
	'placeName',
	'address',
	'postalCode',
	'city',
	...DAYS.flatMap((d) => [`opens-${d}`, `closes-${d}`])
];

/** Weekly hours from the form's day rows; days with the same hours become one iCal rule. */
export function hoursFromForm(text: (name: string) => string) {
	const byTimes = new Map<string, string[]>();
	for (const day of DAYS) {
		const opens = text(`opens-${day}`);
		const closes = text(`closes-${day}`);
		if (!opens && !closes) continue;
		const key = `${opens}|${closes}`;
		byTimes.set(key, [...(byTimes.get(key) ?? []), day]);
	}
	return [...byTimes].map(([key, days]) => {
		const [opensAt, closesAt] = key.split('|');
		return { byday: days.join(','), opensAt: opensAt!, closesAt: closesAt! };
	});
}

/** The form's values for an offer's place and hours (the first place; one row per day). */
export function placeAndHoursValues(offer: {
	locations: { name: string; address: string; postalCode: string; city: string }[];
	schedules: { byday: string; opensAt: string; closesAt: string }[];
}): Record<string, string> {
	const place = offer.locations[0];
	const values: Record<string, string> = {
		placeName: place?.name ?? '',
		address: place?.address ?? '',
		postalCode: place?.postalCode ?? '',
		city: place?.city ?? ''
	};
	for (const h of offer.schedules)
		for (const day of h.byday.split(',')) {
			values[`opens-${day}`] = h.opensAt;
			values[`closes-${day}`] = h.closesAt;
		}
	return values;
}

/** What a field path of the offer is called in the form, for the error message. */
const FIELD_NAMES: Record<string, MessageKey> = {
	name: 'sub_field_name_da',
	description: 'field_desc_da',
	url: 'sub_field_url',
	email: 'sub_field_email',
	phone: 'sub_field_phone',
	priceOre: 'sub_field_price',
	categories: 'sub_field_categories',
	audiences: 'sub_field_audiences',
	locations: 'sub_field_place',
	schedules: 'sub_field_hours',
	organizationId: 'sub_field_org'
};

/**
 * Reads the offer form (new offer or proposed change) and submits it for review; a failure
 * returns the form's values with a message that names the fields to check.
 */
export async function submitOfferForm(
	db: Db,
	actor: Actor,
	form: FormData | undefined,
	offerId?: string,
	locale: 'da' | 'en' = 'da',
	/** The address lookup, when configured: the place gets its coordinates from it. */
	locate?: (address: string) => Promise<Located | null>
) {
	const text = (name: string) => (field(form, name) ?? '').trim();
	const optional = (name: string) => text(name) || undefined;
	const values = Object.fromEntries(OFFER_FORM_FIELDS.map((n) => [n, text(n).slice(0, 5000)]));
	const price = text('price').replace(',', '.');
	const kroner = price ? Number(price) : undefined;
	const list = (name: string) =>
		(form?.getAll(name) ?? []).filter((v): v is string => typeof v === 'string');
	// A place is all four fields or none; a partly filled place fails validation.
	const place = ['placeName', 'address', 'postalCode', 'city'].some((n) => text(n))
		? {
				name: text('placeName'),
				address: text('address'),
				postalCode: text('postalCode'),
				city: text('city'),
				...(await coordinatesOf(text('address'), text('postalCode'), text('city'), locate))
			}
		: undefined;
	return submitProposal(
		async () =>
			submitOffer(
				db,
				actor,
				{
					organizationId: text('organizationId'),
					name: { da: text('nameDa'), en: optional('nameEn') },
					description: { da: text('descDa'), en: optional('descEn') },
					url: optional('url'),
					email: optional('email'),
					phone: optional('phone'),
					categories: list('category'),
					audiences: list('audience'),
					isFree: kroner === undefined,
					// A price that is not a number fails validation like a negative one.
					priceOre:
						kroner === undefined
							? undefined
							: Number.isFinite(kroner)
								? Math.round(kroner * 100)
								: -1,
					locations: place ? [place] : [],
					schedules: await keepSeasons(db, offerId, hoursFromForm(text))
				},
				offerId
			),
		{ values, locale, labels: FIELD_NAMES }
	);
}

/**
 * Where a place's address lies, when an address lookup is configured and finds it in the
 * place's own postcode; otherwise none (an unchanged address keeps its old point when saved).
 */
async function coordinatesOf(
	address: string,
	postalCode: string,
	city: string,
	locate: ((address: string) => Promise<Located | null>) | undefined
): Promise<{ latitude: number; longitude: number } | Record<string, never>> {
	if (!locate || !address || !/^\d{4}$/.test(postalCode)) return {};
	try {
		const found = await locate(`${address}, ${postalCode} ${city}`);
		// A match in another postcode is a different street of the same name.
		if (!found || !found.label.includes(postalCode)) return {};
		return { latitude: found.latitude, longitude: found.longitude };
	} catch (error) {
		if (error instanceof GeocoderUnavailable) return {};
		throw error;
	}
}

/**
 * The form has no fields for the dates a schedule is valid between (they come from imports):
 * hours the form leaves as they were keep their dates.
 */
async function keepSeasons<H extends { byday: string; opensAt: string; closesAt: string }>(
	db: Db,
	offerId: string | undefined,
	hours: H[]
): Promise<(H & { validFrom?: string; validTo?: string })[]> {
	if (!offerId) return hours;
	const stored = (await placesAndHours(db, offerId)).schedules;
	return hours.map((h) => {
		const same = stored.find(
			(s) => s.byday === h.byday && s.opensAt === h.opensAt && s.closesAt === h.closesAt
		);
		return same?.validFrom || same?.validTo
			? { ...h, validFrom: same.validFrom, validTo: same.validTo }
			: h;
	});
}
