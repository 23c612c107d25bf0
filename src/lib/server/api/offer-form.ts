import { ZodError } from 'zod';
import { msg } from '$lib/i18n/message.ts';
import { ForbiddenError, type Actor } from '../accounts/index.ts';
import type { Db } from '../db/index.ts';
import { SubmissionNotFoundError, submitOffer } from '../moderation/index.ts';
import { field, formFailure } from './forms.ts';

export const OFFER_FORM_FIELDS = [
	'organizationId',
	'nameDa',
	'nameEn',
	'descDa',
	'descEn',
	'url',
	'price'
];

/**
 * Reads the offer form (new offer or proposed change) and submits it for review; a failure
 * returns the form's values with a message that names the fields to check.
 */
export async function submitOfferForm(
	db: Db,
	actor: Actor,
	form: FormData | undefined,
	offerId?: string
) {
	const text = (name: string) => (field(form, name) ?? '').trim();
	const optional = (name: string) => text(name) || undefined;
	const values = Object.fromEntries(OFFER_FORM_FIELDS.map((n) => [n, text(n).slice(0, 5000)]));
	const price = text('price').replace(',', '.');
	const kroner = price ? Number(price) : undefined;
	const list = (name: string) =>
		(form?.getAll(name) ?? []).filter((v): v is string => typeof v === 'string');
	try {
		await submitOffer(
			db,
			actor,
			{
				organizationId: text('organizationId'),
				name: { da: text('nameDa'), en: optional('nameEn') },
				description: { da: text('descDa'), en: optional('descEn') },
				url: optional('url'),
				categories: list('category'),
				audiences: list('audience'),
				isFree: kroner === undefined,
				// A price that is not a number fails validation like a negative one.
				priceOre:
					kroner === undefined ? undefined : Number.isFinite(kroner) ? Math.round(kroner * 100) : -1
			},
			offerId
		);
		return undefined;
	} catch (error) {
		if (error instanceof ForbiddenError || error instanceof SubmissionNotFoundError)
			return formFailure(403, { message: msg('admin_forbidden'), values });
		if (error instanceof ZodError)
			return formFailure(400, {
				message: msg('sub_invalid', {
					fields: [...new Set(error.issues.map((i) => i.path.join('.')))].join(', ')
				}),
				values
			});
		throw error;
	}
}
