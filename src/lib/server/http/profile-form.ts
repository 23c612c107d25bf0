import { ZodError } from 'zod';
import { msg, type Msg } from '$lib/i18n/message.ts';
import { ForbiddenError, type Actor } from '../accounts/index.ts';
import type { Db } from '../db/index.ts';
import { updateOrganizationProfile } from '../directory/index.ts';
import { ImageRejectedError, IMAGE_LIMITS, storeImage } from '../media/index.ts';
import { SubmissionNotFoundError, submitOrganizationProfile } from '../moderation/index.ts';
import { field, formFailure } from './forms.ts';

const FIELDS = {
	descDa: 'description.da',
	descEn: 'description.en',
	website: 'website',
	email: 'email'
};

/**
 * Reads the organisation profile form: an editor's change is published at once, a partner's
 * becomes a proposal for review. A logo is checked and re-encoded before anything is saved.
 */
export async function saveProfileForm(
	db: Db,
	actor: Actor,
	form: FormData | undefined,
	target: { organizationId: string; direct: boolean }
) {
	const text = (name: string) => (field(form, name) ?? '').trim();
	const values = Object.fromEntries(Object.keys(FIELDS).map((n) => [n, text(n).slice(0, 5000)]));
	let logoMediaId: string | undefined;
	const logo = form?.get('logo');
	if (logo instanceof File && logo.size > 0) {
		try {
			logoMediaId = await storeImage(db, new Uint8Array(await logo.arrayBuffer()), actor.id);
		} catch (error) {
			if (!(error instanceof ImageRejectedError)) throw error;
			const messages: Record<ImageRejectedError['problem'], Msg> = {
				empty: msg('logo_not_image'),
				not_an_image: msg('logo_not_image'),
				format: msg('logo_format'),
				too_large: msg('logo_too_large', { mb: IMAGE_LIMITS.maxBytes / 1024 / 1024 }),
				too_many_pixels: msg('logo_too_many_pixels')
			};
			return formFailure(400, { errors: { logo: messages[error.problem] }, values });
		}
	}
	const input = {
		organizationId: target.organizationId,
		description: values.descDa ? { da: values.descDa, en: values.descEn || undefined } : undefined,
		website: values.website || undefined,
		email: values.email || undefined,
		logoMediaId
	};
	try {
		if (target.direct) await updateOrganizationProfile(db, actor.id, input);
		else await submitOrganizationProfile(db, actor, input);
		return undefined;
	} catch (error) {
		if (error instanceof ForbiddenError || error instanceof SubmissionNotFoundError)
			return formFailure(403, { message: msg('admin_forbidden'), values });
		if (error instanceof ZodError) {
			const errors: Record<string, Msg> = {};
			for (const issue of error.issues) {
				const path = issue.path.join('.');
				const id = Object.entries(FIELDS).find(([, p]) => p === path)?.[0];
				if (id)
					errors[id] =
						id === 'website'
							? msg('website_invalid')
							: id === 'email'
								? msg('email_invalid')
								: msg('profile_text_invalid');
			}
			return formFailure(400, { errors, values });
		}
		throw error;
	}
}
