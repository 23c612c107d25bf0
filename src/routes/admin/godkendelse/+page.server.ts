import { fail, redirect } from '@sveltejs/kit';
import { z, ZodError } from 'zod';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import {
	approveSubmission,
	rejectSubmission,
	reviewQueue,
	SubmissionConflictError,
	SubmissionNotFoundError
} from '$lib/server/moderation/index.ts';
import { field, formFailure, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCan(locals, 'moderation.review');
	const queue = await reviewQueue(locals.db, actor);
	return {
		queue: queue.map((s) => ({
			...s,
			changes: s.changes.map((c) => ({
				field: c.field,
				before: c.before === null ? '' : JSON.stringify(c.before),
				after: c.after === null ? '' : JSON.stringify(c.after)
			}))
		})),
		done: url.searchParams.get('udfoert')
	};
};

const id = z.uuid();

export const actions: Actions = {
	approve: async (event) => {
		const actor = requireCan(event.locals, 'moderation.review');
		const form = await readForm(event);
		const submission = id.safeParse(field(form, 'id'));
		if (!submission.success) return formFailure(400, { message: msg('mod_gone') });
		try {
			await approveSubmission(event.locals.db, actor, submission.data, {
				overwriteNewer: field(form, 'overwrite') === '1'
			});
		} catch (error) {
			if (error instanceof SubmissionNotFoundError)
				return formFailure(409, { message: msg('mod_gone') });
			if (error instanceof SubmissionConflictError)
				return fail(409, {
					conflict: { id: submission.data, newerApprovedAt: error.newerApprovedAt.toISOString() }
				});
			throw error;
		}
		redirect(303, `${localizedPath('/admin/godkendelse', event.locals.locale)}?udfoert=godkendt`);
	},
	reject: async (event) => {
		const actor = requireCan(event.locals, 'moderation.review');
		const form = await readForm(event);
		const submission = id.safeParse(field(form, 'id'));
		if (!submission.success) return formFailure(400, { message: msg('mod_gone') });
		try {
			await rejectSubmission(event.locals.db, actor, submission.data, field(form, 'reason') ?? '');
		} catch (error) {
			if (error instanceof SubmissionNotFoundError)
				return formFailure(409, { message: msg('mod_gone') });
			if (error instanceof ZodError)
				return formFailure(400, { message: msg('mod_reason_missing') });
			throw error;
		}
		redirect(303, `${localizedPath('/admin/godkendelse', event.locals.locale)}?udfoert=afvist`);
	}
};
