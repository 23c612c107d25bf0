import { error, redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { confirmStillCurrent, SubmissionNotFoundError } from '$lib/server/moderation/index.ts';
import type { RequestHandler } from './$types';

/** "The information is still right": a partner confirms a published offer of theirs. */
export const POST: RequestHandler = async ({ locals, params }) => {
	const actor = requireCan(locals, 'submissions.create');
	try {
		await confirmStillCurrent(locals.db, actor, params.slug);
	} catch (e) {
		if (e instanceof SubmissionNotFoundError) error(404, 'Not found');
		throw e;
	}
	redirect(
		303,
		`${localizedPath('/admin/tilbud', locals.locale)}?bekraeftet=${encodeURIComponent(params.slug)}`
	);
};
