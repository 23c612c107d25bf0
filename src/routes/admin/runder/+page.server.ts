import { redirect } from '@sveltejs/kit';
import { ZodError } from 'zod';
import { msg } from '$lib/i18n/message.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { can, ForbiddenError } from '$lib/server/accounts/index.ts';
import { listRounds, openRound } from '$lib/server/followup/index.ts';
import { attempt, field, formFailure, on, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	if (!can(actor, 'followup.read')) requireCan(locals, 'updates.write');
	return {
		rounds: await listRounds(locals.db),
		mayManage: can(actor, 'rounds.manage')
	};
};

export const actions: Actions = {
	open: async (event) => {
		const actor = requireCan(event.locals, 'rounds.manage');
		const form = await readForm(event);
		const values = {
			name: (field(form, 'name') ?? '').trim().slice(0, 300),
			deadline: (field(form, 'deadline') ?? '').trim().slice(0, 20)
		};
		const done = await attempt(
			() => openRound(event.locals.db, actor, values),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden'), values })),
			on(ZodError, (e) =>
				formFailure(400, {
					errors: Object.fromEntries(
						e.issues.map((i) => [
							String(i.path[0]),
							msg(i.path[0] === 'deadline' ? 'rounds_need_deadline' : 'rounds_need_name')
						])
					),
					values
				})
			)
		);
		if (!done.ok) return done.failure;
		redirect(303, localizedPath(`/admin/runder/${done.value.id}`, event.locals.locale));
	}
};
