import { msg } from '$lib/i18n/message.ts';
import { accountKey, emailSchema, hit, ipKey, LIMITS } from '$lib/server/accounts/index.ts';
import { appAuth } from '$lib/server/app.ts';
import { clientIp, field, formFailure, readForm } from '$lib/server/http/forms.ts';
import { logger } from '$lib/server/log.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event);
		const email = emailSchema.safeParse(field(form, 'email'));
		if (!email.success)
			return formFailure(400, {
				errors: { email: msg('email_invalid') },
				values: { email: field(form, 'email') ?? '' }
			});
		const db = event.locals.db;
		const byIp = await hit(db, ipKey('reset', clientIp(event)), LIMITS.resetIp);
		if (!byIp.allowed)
			return formFailure(429, { message: msg('login_throttled', { seconds: byIp.retryAfter }) });
		// Over the per-account limit, no mail is sent, but the answer is the same as always:
		// the page never tells whether an address has an account.
		const byAccount = await hit(db, accountKey('reset', email.data), LIMITS.resetAccount);
		if (byAccount.allowed) {
			try {
				await appAuth().auth.api.requestPasswordReset({
					body: { email: email.data, redirectTo: '/nulstil-adgangskode' }
				});
			} catch (error) {
				logger.warn({ err: error }, 'password reset request failed');
			}
		}
		return { sent: true };
	}
};
