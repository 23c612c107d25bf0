import { redirect } from '@sveltejs/kit';
import { hasControlCharacters } from '$lib/text.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import {
	AccountError,
	completeFirstRun,
	emailSchema,
	findFirstRun,
	hit,
	ipKey,
	LIMITS,
	PasswordRejectedError
} from '$lib/server/accounts/index.ts';
import { appAuth, appConfig, appDatabase } from '$lib/server/app.ts';
import { removeFirstRunLink } from '$lib/server/bootstrap.ts';
import { signIn } from '$lib/server/http/sign-in.ts';
import { attempt, clientIp, field, formFailure, on, readForm } from '$lib/server/http/forms.ts';
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
		const form = await readForm(event);
		const name = (field(form, 'name') ?? '').trim();
		const email = (field(form, 'email') ?? '').trim();
		const password = field(form, 'password') ?? '';
		const values = { name: name.slice(0, 200), email: email.slice(0, 254) };
		const limit = await hit(event.locals.db, ipKey('setup', clientIp(event)), LIMITS.invitationIp);
		if (!limit.allowed)
			return formFailure(429, {
				message: msg('login_throttled', { seconds: limit.retryAfter }),
				values
			});
		const errors: Record<string, ReturnType<typeof msg>> = {};
		if (!name || name.length > 200 || hasControlCharacters(name)) errors.name = msg('name_invalid');
		if (!emailSchema.safeParse(email).success) errors.email = msg('email_invalid');
		if (password.length > 1000) errors.password = msg('password_too_long');
		if (Object.keys(errors).length) return formFailure(400, { errors, values });
		const { auth } = appAuth();
		const context = await auth.$context;
		const done = await attempt(
			() =>
				completeFirstRun(
					event.locals.db,
					(plain) => context.password.hash(plain),
					event.params.token,
					{ name, email, password }
				),
			on(PasswordRejectedError, (error) =>
				formFailure(400, { errors: { password: msg(`password_${error.problem}`) }, values })
			),
			on(AccountError, (error) =>
				formFailure(400, {
					message:
						error.code === 'exists'
							? msg('users_exists')
							: msg(
									error.code === 'first_run_expired'
										? 'setup_expired'
										: error.code === 'first_run_done'
											? 'setup_done'
											: 'setup_unknown'
								),
					values
				})
			)
		);
		if (!done.ok) return done.failure;
		logger.info({ userId: done.value.userId }, 'the first administrator was set up');
		if (appDatabase().embedded) removeFirstRunLink(appConfig().DATA_DIR);
		// Signed in at once; the administration then asks for TOTP before anything else.
		const signedIn = await signIn(
			event,
			auth,
			{ email: done.value.email, password },
			clientIp(event)
		);
		const account = localizedPath('/admin/konto', event.locals.locale);
		if (signedIn.outcome === 'signed-in') redirect(303, account);
		redirect(303, `${localizedPath('/log-ind', event.locals.locale)}?besked=created`);
	}
};
