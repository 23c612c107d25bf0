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
import { attempt, field, formFailure, on, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { showChanges } from '$lib/server/http/submission-changes.ts';
import { activeStrategy } from '$lib/server/app.ts';
import { listOrganizations, taxonomy } from '$lib/server/directory/index.ts';
import { can } from '$lib/server/accounts/index.ts';
import { updatesAwaitingReview } from '$lib/server/followup/index.ts';
import { linkNames } from '$lib/server/links.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCan(locals, 'moderation.review');
	const [queue, terms, organizations, strategy, updates] = await Promise.all([
		reviewQueue(locals.db, actor),
		taxonomy(locals.db),
		listOrganizations(locals.db),
		activeStrategy(locals.locale),
		can(actor, 'updates.review') ? updatesAwaitingReview(locals.db) : []
	]);
	// An event's links are ids: their names are read for the review.
	const linkIds = queue.flatMap((s) =>
		s.changes
			.filter((c) => ['programmeIds', 'offerIds', 'opportunityIds'].includes(c.field))
			.flatMap((c) => [c.before, c.after].flatMap((v) => (Array.isArray(v) ? v.map(String) : [])))
	);
	const vocabulary = {
		terms,
		organizations: new Map(organizations.map((o) => [o.id, o.name])),
		guideposts: new Map((strategy?.guideposts ?? []).map((g) => [g.slug, g.title])),
		linked: await linkNames(locals.db, linkIds, locals.locale)
	};
	return {
		queue: queue.map((s) => ({
			...s,
			changes: showChanges(s.changes, locals.locale, vocabulary)
		})),
		done: url.searchParams.get('udfoert'),
		updates
	};
};

const id = z.uuid();

export const actions: Actions = {
	approve: async (event) => {
		const actor = requireCan(event.locals, 'moderation.review');
		const form = await readForm(event);
		const submission = id.safeParse(field(form, 'id'));
		if (!submission.success) return formFailure(400, { message: msg('mod_gone') });
		const done = await attempt(
			() =>
				approveSubmission(event.locals.db, actor, submission.data, {
					overwriteNewer: field(form, 'overwrite') === '1'
				}),
			on(SubmissionNotFoundError, () => formFailure(409, { message: msg('mod_gone') })),
			on(SubmissionConflictError, (error) =>
				fail(409, {
					conflict: { id: submission.data, newerApprovedAt: error.newerApprovedAt.toISOString() }
				})
			)
		);
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/admin/godkendelse', event.locals.locale)}?udfoert=godkendt`);
	},
	reject: async (event) => {
		const actor = requireCan(event.locals, 'moderation.review');
		const form = await readForm(event);
		const submission = id.safeParse(field(form, 'id'));
		if (!submission.success) return formFailure(400, { message: msg('mod_gone') });
		const done = await attempt(
			() => rejectSubmission(event.locals.db, actor, submission.data, field(form, 'reason') ?? ''),
			on(SubmissionNotFoundError, () => formFailure(409, { message: msg('mod_gone') })),
			on(ZodError, () => formFailure(400, { message: msg('mod_reason_missing') }))
		);
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/admin/godkendelse', event.locals.locale)}?udfoert=afvist`);
	}
};
