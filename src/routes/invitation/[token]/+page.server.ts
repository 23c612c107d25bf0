import { redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import { acceptInvitation, findInvitation } from '$lib/server/accounts/index.ts';
import { accountFormAction } from '$lib/server/http/account-form.ts';
import type { Actions, PageServerLoad } from './$types';

const REASONS = {
	unknown: 'invitation_unknown',
	expired: 'invitation_expired',
	used: 'invitation_used'
} as const;

export const load: PageServerLoad = async ({ params, locals }) => {
	const found = await findInvitation(locals.db, params.token);
	if (!found.ok) return { invitation: null, problem: msg(REASONS[found.reason]) };
	const { email, role, organizationName } = found.invitation;
	return { invitation: { email, role, organizationName: organizationName ?? null }, problem: null };
};

export const actions: Actions = {
	default: async (event) => {
		const done = await accountFormAction(event, {
			limit: 'invitation',
			withEmail: false,
			refusals: { invitation_expired: 'invitation_expired' },
			otherwise: 'invitation_used',
			create: (input, hashPassword) =>
				acceptInvitation(event.locals.db, hashPassword, event.params.token, input)
		});
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/log-ind', event.locals.locale)}?besked=created`);
	}
};
