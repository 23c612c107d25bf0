import { redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import { completeFirstRun, findFirstRun } from '$lib/server/accounts/index.ts';
import { appAuth, firstRunDone } from '$lib/server/app.ts';
import { accountFormAction } from '$lib/server/http/account-form.ts';
import { signIn } from '$lib/server/http/sign-in.ts';
import { clientIp } from '$lib/server/http/forms.ts';
import { logger } from '$lib/server/log.ts';
import type { Actions, PageServerLoad } from './$types';

// The first administrator, from the link the server prints while none exists (accounts/first-run.ts).
const REASONS = { unknown: 'setup_unknown', expired: 'setup_expired', done: 'setup_done' } as const;

export const load: PageServerLoad = async ({ params, locals }) => {
	const state = await findFirstRun(locals.db, params.token);
	return { problem: state.ok ? null : msg(REASONS[state.reason]) };
};

export const actions: Actions = {
	default: async (event) => {
		const done = await accountFormAction(event, {
			limit: 'setup',
			withEmail: true,
			refusals: { first_run_expired: 'setup_expired', first_run_done: 'setup_done' },
			otherwise: 'setup_unknown',
			create: (input, hashPassword) =>
				completeFirstRun(event.locals.db, hashPassword, event.params.token, input)
		});
		if (!done.ok) return done.failure;
		logger.info({ userId: done.value.userId }, 'the first administrator was set up');
		firstRunDone();
		// Signed in at once; the administration then asks for TOTP before anything else.
		const signedIn = await signIn(
			event,
			appAuth().auth,
			{ email: done.value.email, password: done.password },
			clientIp(event)
		);
		if (signedIn.outcome === 'signed-in')
			redirect(303, localizedPath('/admin/konto', event.locals.locale));
		redirect(303, `${localizedPath('/log-ind', event.locals.locale)}?besked=created`);
	}
};
