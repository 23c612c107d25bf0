import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import { appAuth, appConfig } from '$lib/server/app.ts';
import { signIn, startSingleSignOn } from '$lib/server/http/sign-in.ts';
import { clientIp, field, formFailure, readForm, safeNext } from '$lib/server/http/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = {
	reset: 'login_reset_done',
	created: 'login_account_created',
	out: 'login_signed_out',
	ended: 'login_session_ended'
} as const;

export const load: PageServerLoad = async ({ url, locals }) => {
	if (locals.user) redirect(303, localizedPath('/admin', locals.locale));
	const notice = url.searchParams.get('besked');
	return {
		providers: appConfig().OIDC_PROVIDERS.map((p) => ({ id: p.id, name: p.name })),
		notice: notice && notice in NOTICES ? msg(NOTICES[notice as keyof typeof NOTICES]) : null,
		ssoFailed: url.searchParams.has('sso-fejl'),
		next: safeNext(url.searchParams.get('next'), '')
	};
};

const credentials = z.object({
	email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
	password: z.string().min(1).max(1000)
});

export const actions: Actions = {
	login: async (event) => {
		const form = await readForm(event);
		const values = { email: field(form, 'email') ?? '' };
		const parsed = credentials.safeParse({
			email: field(form, 'email'),
			password: field(form, 'password')
		});
		if (!parsed.success) {
			const errors: Record<string, ReturnType<typeof msg>> = {};
			for (const issue of parsed.error.issues)
				errors[String(issue.path[0])] =
					issue.path[0] === 'email' ? msg('email_invalid') : msg('field_required');
			return formFailure(400, { errors, values });
		}
		const result = await signIn(event, appAuth().auth, parsed.data, clientIp(event));
		if (result.outcome === 'throttled')
			return formFailure(429, {
				message: msg('login_throttled', { seconds: result.retryAfter }),
				values
			});
		if (result.outcome === 'failed')
			return formFailure(400, { message: msg('login_failed'), values });
		const next = safeNext(field(form, 'next'), localizedPath('/admin', event.locals.locale));
		if (result.outcome === 'two-factor')
			redirect(
				303,
				`${localizedPath('/log-ind/kode', event.locals.locale)}?next=${encodeURIComponent(next)}`
			);
		redirect(303, next);
	},
	sso: async (event) => {
		const form = await readForm(event);
		const provider = appConfig().OIDC_PROVIDERS.find((p) => p.id === field(form, 'provider'));
		if (!provider) return formFailure(400, { message: msg('login_sso_failed') });
		const url = await startSingleSignOn(event, appAuth().auth, provider.id, event.locals.locale);
		if (!url) return formFailure(502, { message: msg('login_sso_failed') });
		redirect(303, url);
	}
};
