import { redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import { hit, ipKey, LIMITS, passwordProblem } from '$lib/server/accounts/index.ts';
import { appAuth } from '$lib/server/app.ts';
import { attempt, clientIp, field, formFailure, on, readForm } from '$lib/server/http/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const TOKEN = /^[A-Za-z0-9_-]{10,200}$/;

export const load: PageServerLoad = ({ url }) => {
	const token = url.searchParams.get('token') ?? '';
	return { token: TOKEN.test(token) ? token : null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event);
		const token = field(form, 'token') ?? '';
		const password = field(form, 'password') ?? '';
		if (!TOKEN.test(token)) return formFailure(400, { message: msg('reset_invalid') });
		const problem = passwordProblem(password);
		if (problem) return formFailure(400, { errors: { password: msg(`password_${problem}`) } });
		const limit = await hit(event.locals.db, ipKey('reset', clientIp(event)), LIMITS.resetIp);
		if (!limit.allowed)
			return formFailure(429, { message: msg('login_throttled', { seconds: limit.retryAfter }) });
		const done = await attempt(
			() => appAuth().auth.api.resetPassword({ body: { newPassword: password, token } }),
			on(APIError, () => formFailure(400, { message: msg('reset_invalid') }))
		);
		if (!done.ok) return done.failure;
		redirect(303, `${localizedPath('/log-ind', event.locals.locale)}?besked=reset`);
	}
};
