import { error, redirect } from '@sveltejs/kit';
import { ZodError } from 'zod';
import { msg, type MessageKey } from '$lib/i18n/message.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { ForbiddenError } from '$lib/server/accounts/index.ts';
import {
	FollowUpError,
	reviewUpdate,
	submitUpdate,
	updatePage
} from '$lib/server/followup/index.ts';
import { attempt, field, formFailure, on, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function pageOf(event: Pick<RequestEvent, 'params' | 'locals'>) {
	const { params, locals } = event;
	if (!locals.actor || !/^[a-z0-9-]{1,120}$/.test(params.slug)) error(404, 'Not found');
	const page = await updatePage(locals.db, locals.actor, params.id, params.slug);
	if (!page) error(404, 'Not found');
	return page;
}

export const load: PageServerLoad = async (event) => {
	const page = await pageOf(event);
	return {
		round: {
			id: page.round.id,
			name: page.round.name,
			deadline: page.round.deadline,
			closed: page.round.closedAt !== null
		},
		initiative: page.initiative,
		versions: page.versions.map((v) => ({
			id: v.id,
			version: v.version,
			state: v.state,
			health: v.health,
			progress: v.progress,
			done: v.done,
			next: v.next,
			remedy: v.remedy,
			createdAt: v.createdAt,
			reviewedAt: v.reviewedAt,
			reviewComment: v.reviewComment
		})),
		mayWrite: page.mayWrite,
		mayReview: page.mayReview
	};
};

const FIELD_MESSAGES: Record<string, MessageKey> = {
	health: 'update_need_health',
	progress: 'update_need_progress',
	done: 'update_need_done',
	next: 'update_need_next',
	remedy: 'update_need_remedy',
	comment: 'update_need_comment'
};

function failed(error: ZodError, values: Record<string, string>) {
	return formFailure(400, {
		errors: Object.fromEntries(
			error.issues.map((i) => [
				String(i.path[0]),
				msg(FIELD_MESSAGES[String(i.path[0])] ?? 'update_need_done')
			])
		),
		values
	});
}

const refused = (e: FollowUpError) =>
	formFailure(409, {
		message: msg(
			e.code === 'round-closed'
				? 'rounds_already_closed'
				: e.code === 'update-locked'
					? 'update_locked'
					: 'update_not_reviewable'
		)
	});

export const actions: Actions = {
	submit: async (event) => {
		const page = await pageOf(event);
		const form = await readForm(event);
		const values = Object.fromEntries(
			['health', 'progress', 'done', 'next', 'remedy'].map((n) => [
				n,
				(field(form, n) ?? '').trim().slice(0, 4000)
			])
		);
		const done = await attempt(
			() =>
				submitUpdate(event.locals.db, event.locals.actor!, page.round.id, page.initiative.id, {
					health: values.health as never,
					progress: values.progress === '' ? (undefined as never) : Number(values.progress),
					done: values.done!,
					next: values.next!,
					...(values.remedy ? { remedy: values.remedy } : {})
				}),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden'), values })),
			on(FollowUpError, refused),
			on(ZodError, (e) => failed(e, values))
		);
		if (!done.ok) return done.failure;
		redirect(
			303,
			`${localizedPath(`/admin/runder/${page.round.id}/${page.initiative.slug}`, event.locals.locale)}?sendt=1`
		);
	},
	review: async (event) => {
		const actor = requireCan(event.locals, 'updates.review');
		const page = await pageOf(event);
		const form = await readForm(event);
		const decision = field(form, 'decision') === 'approve' ? 'approve' : 'return';
		const comment = (field(form, 'comment') ?? '').trim().slice(0, 3000);
		const newest = page.versions[0];
		if (!newest) return formFailure(409, { message: msg('update_not_reviewable') });
		const done = await attempt(
			() =>
				reviewUpdate(event.locals.db, actor, newest.id, {
					decision,
					...(comment ? { comment } : {})
				} as never),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden') })),
			on(FollowUpError, refused),
			on(ZodError, (e) => failed(e, { comment }))
		);
		if (!done.ok) return done.failure;
		redirect(303, localizedPath(`/admin/runder/${page.round.id}`, event.locals.locale));
	}
};
