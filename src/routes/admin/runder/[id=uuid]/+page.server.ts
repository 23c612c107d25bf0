import { error, redirect } from '@sveltejs/kit';
import { msg } from '$lib/i18n/message.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { can, ForbiddenError } from '$lib/server/accounts/index.ts';
import { closeRound, FollowUpError, roundStatus } from '$lib/server/followup/index.ts';
import { attempt, formFailure, on } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const actor = locals.actor;
	if (!can(actor, 'followup.read')) requireCan(locals, 'updates.write');
	const status = await roundStatus(locals.db, actor!, params.id);
	if (!status) error(404, 'Not found');
	const { round, rows } = status;
	const count = (state: string | null) =>
		rows.filter((r) => (r.update?.state ?? null) === state).length;
	return {
		round: {
			id: round.id,
			name: round.name,
			deadline: round.deadline,
			openedAt: round.openedAt,
			closedAt: round.closedAt,
			isDemo: round.isDemo
		},
		rows: rows.map((r) => ({
			slug: r.slug,
			title: r.title,
			owner: r.ownerName,
			state: r.update?.state ?? null,
			health: r.update?.health ?? null,
			version: r.update?.version ?? 0
		})),
		counts: {
			asked: rows.length,
			approved: count('approved'),
			submitted: count('submitted'),
			returned: count('returned'),
			missing: count(null)
		},
		mayClose: can(actor, 'rounds.manage') && !round.closedAt
	};
};

export const actions: Actions = {
	close: async (event) => {
		const actor = requireCan(event.locals, 'rounds.manage');
		const done = await attempt(
			() => closeRound(event.locals.db, actor, event.params.id),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden') })),
			on(FollowUpError, (e) =>
				formFailure(e.code === 'round-not-found' ? 404 : 409, {
					message: msg(e.code === 'round-closed' ? 'rounds_already_closed' : 'admin_forbidden')
				})
			)
		);
		if (!done.ok) return done.failure;
		redirect(303, localizedPath(`/admin/runder/${event.params.id}`, event.locals.locale));
	}
};
