import { redirect } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import { appAuth } from '$lib/server/app.ts';
import { hit, ipKey, LIMITS } from '$lib/server/accounts/index.ts';
import { verifySecondFactor } from '$lib/server/http/two-factor.ts';
import { clientIp, field, formFailure, readForm, safeNext } from '$lib/server/http/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	if (locals.user) redirect(303, localizedPath('/admin', locals.locale));
	return { next: safeNext(url.searchParams.get('next'), '') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event);
		const code = (field(form, 'code') ?? '').replace(/\s+/g, '');
		if (!/^[A-Za-z0-9-]{6,32}$/.test(code))
			return formFailure(400, { errors: { code: msg('code_failed') } });
		const limit = await hit(event.locals.db, ipKey('two-factor', clientIp(event)), LIMITS.signInIp);
		if (!limit.allowed)
			return formFailure(429, { message: msg('login_throttled', { seconds: limit.retryAfter }) });
		const result = await verifySecondFactor(event, appAuth().auth, code);
		if (result.outcome === 'expired') redirect(303, localizedPath('/log-ind', event.locals.locale));
		if (result.outcome === 'locked')
			return formFailure(429, {
				message: msg('code_locked', { minutes: Math.ceil(result.retryAfter / 60) })
			});
		if (result.outcome === 'failed')
			return formFailure(400, { errors: { code: msg('code_failed') } });
		redirect(303, safeNext(field(form, 'next'), localizedPath('/admin', event.locals.locale)));
	}
};
