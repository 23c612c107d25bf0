import { redirect } from '@sveltejs/kit';
import { msg } from '$lib/i18n/message.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { can, ForbiddenError } from '$lib/server/accounts/index.ts';
import {
	buildReport,
	closedRounds,
	FollowUpError,
	listReports,
	publishReport
} from '$lib/server/followup/index.ts';
import { attempt, field, formFailure, on, readForm } from '$lib/server/http/forms.ts';
import { requireCan } from '$lib/server/http/guards.ts';
import { match as isUuid } from '../../../params/uuid.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireCan(locals, 'followup.read');
	return {
		reports: await listReports(locals.db),
		rounds: (await closedRounds(locals.db)).map((r) => ({ id: r.id, name: r.name })),
		mayBuild: can(locals.actor, 'rounds.manage')
	};
};

const refused = (e: FollowUpError) =>
	formFailure(e.code === 'round-open' ? 409 : 404, {
		message: msg(e.code === 'round-open' ? 'reports_round_open' : 'reports_not_found')
	});

export const actions: Actions = {
	build: async (event) => {
		const actor = requireCan(event.locals, 'rounds.manage');
		const form = await readForm(event);
		const roundId = field(form, 'roundId') ?? '';
		if (!isUuid(roundId)) return formFailure(400, { message: msg('reports_choose_round') });
		const done = await attempt(
			() => buildReport(event.locals.db, actor, roundId),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden') })),
			on(FollowUpError, refused)
		);
		if (!done.ok) return done.failure;
		redirect(303, localizedPath(`/admin/rapporter/${done.value.id}`, event.locals.locale));
	},
	publish: async (event) => {
		const actor = requireCan(event.locals, 'rounds.manage');
		const form = await readForm(event);
		const id = field(form, 'id') ?? '';
		if (!isUuid(id)) return formFailure(404, { message: msg('reports_not_found') });
		const done = await attempt(
			() => publishReport(event.locals.db, actor, id),
			on(ForbiddenError, () => formFailure(403, { message: msg('admin_forbidden') })),
			on(FollowUpError, refused)
		);
		if (!done.ok) return done.failure;
		redirect(303, localizedPath('/admin/rapporter', event.locals.locale));
	}
};
