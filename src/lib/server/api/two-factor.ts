import type { RequestEvent } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { cookiePrefix, type Auth } from '../accounts/index.ts';
import { appAuth } from '../app.ts';
import { applySetCookies } from './session.ts';

/**
 * The second step of sign-in: a TOTP code (six digits) or a backup code. 'expired' means the
 * first step is too old (or was never made), so the person must start again.
 */
export async function verifySecondFactor(
	event: RequestEvent,
	auth: Auth,
	code: string
): Promise<'ok' | 'failed' | 'expired'> {
	const pending = `${cookiePrefix(appAuth().baseUrl)}.two_factor`;
	if (!event.cookies.get(pending)) return 'expired';
	try {
		const { headers } = /^\d{6}$/.test(code)
			? await auth.api.verifyTOTP({
					body: { code },
					headers: event.request.headers,
					returnHeaders: true
				})
			: await auth.api.verifyBackupCode({
					body: { code },
					headers: event.request.headers,
					returnHeaders: true
				});
		applySetCookies(headers.get('set-cookie'), event.cookies);
		return 'ok';
	} catch (error) {
		if (!(error instanceof APIError)) throw error;
		return error.status === 'UNAUTHORIZED' && /expired|session/i.test(error.message)
			? 'expired'
			: 'failed';
	}
}
