import { hasControlCharacters } from '$lib/text.ts';
import { redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import {
	acceptInvitation,
	AccountError,
	findInvitation,
	hit,
	ipKey,
	LIMITS,
	PasswordRejectedError
} from '$lib/server/accounts/index.ts';
import { appAuth } from '$lib/server/app.ts';
import { attempt, clientIp, field, formFailure, on, readForm } from '$lib/server/http/forms.ts';
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
		const form = await readForm(event);
		const name = (field(form, 'name') ?? '').trim();
		const password = field(form, 'password') ?? '';
		const values = { name: name.slice(0, 200) };
		const limit = await hit(
			event.locals.db,
			ipKey('invitation', clientIp(event)),
			LIMITS.invitationIp
		);
		if (!limit.allowed)
			return formFailure(429, {
				message: msg('login_throttled', { seconds: limit.retryAfter }),
				values
			});
		if (!name || name.length > 200 || hasControlCharacters(name))
			return formFailure(400, { errors: { name: msg('name_invalid') }, values });
		if (password.length > 1000)
			return formFailure(400, { errors: { password: msg('password_too_long') }, values });
		const { auth } = appAuth();
		const context = await auth.$context;
		const done = await attempt(
			() =>
				acceptInvitation(
					event.locals.db,
					(plain) => context.password.hash(plain),
					event.params.token,
					{ name, password }
				),
			on(PasswordRejectedError, (error) =>
				formFailure(400, { errors: { password: msg(`password_${error.problem}`) }, values })
			),
			on(AccountError, (error) =>
				formFailure(400, {
					message:
						error.code === 'invitation_expired'
							? msg('invitation_expired')
							: error.code === 'exists'
								? msg('users_exists')
								: msg('invitation_used'),
					values
				})
			)
		);
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/log-ind', event.locals.locale)}?besked=created`);
	}
};
