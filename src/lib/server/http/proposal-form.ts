import type { ActionFailure } from '@sveltejs/kit';
import { ZodError } from 'zod';
import { msg, type MessageKey } from '$lib/i18n/message.ts';
import { ForbiddenError } from '../accounts/index.ts';
import { SubmissionNotFoundError } from '../moderation/index.ts';
import { attempt, formFailure, namedFields, on, type FormFailure } from './forms.ts';

/**
 * Sends a proposal (an offer or a posting) for moderation from its form. What every proposal
 * form expects to go wrong becomes the form's failure, with what was typed kept: a proposal the
 * person may not make or change (403), and fields that break the rules (400), named as the form
 * names them. Anything else is thrown on.
 */
export async function submitProposal(
	work: () => Promise<unknown>,
	form: {
		values: Record<string, string>;
		locale: 'da' | 'en';
		labels: Record<string, MessageKey>;
		reasons?: Record<string, MessageKey>;
	}
): Promise<ActionFailure<FormFailure> | undefined> {
	const { values, locale, labels, reasons } = form;
	const forbidden = () => formFailure(403, { message: msg('admin_forbidden'), values });
	const done = await attempt(
		work,
		on(ForbiddenError, forbidden),
		on(SubmissionNotFoundError, forbidden),
		on(ZodError, (error) =>
			formFailure(400, {
				message: msg('sub_invalid', { fields: namedFields(error, locale, labels, reasons) }),
				values
			})
		)
	);
	return done.ok ? undefined : done.failure;
}
