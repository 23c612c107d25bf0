import type { RequestEvent } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { localizedPath, type Locale } from '$lib/i18n/routes.ts';
import { accountKey, hit, ipKey, isBlocked, LIMITS, type Auth } from '../accounts/index.ts';
import { logger } from '../log.ts';
import { appDatabase } from '../app.ts';
import { applySetCookies } from './session.ts';

export type SignInOutcome =
	| { outcome: 'signed-in' }
	| { outcome: 'two-factor' }
	| { outcome: 'failed' }
	| { outcome: 'throttled'; retryAfter: number };

/**
 * E-mail and password sign-in, rate limited per address and per account. The answer is the
 * same whether or not the account exists, and a throttled account looks like any other.
 */
export async function signIn(
	event: RequestEvent,
	auth: Auth,
	credentials: { email: string; password: string },
	ip: string
): Promise<SignInOutcome> {
	const db = appDatabase().db;
	const byIp = await hit(db, ipKey('sign-in', ip), LIMITS.signInIp);
	if (!byIp.allowed) return { outcome: 'throttled', retryAfter: byIp.retryAfter };
	const account = accountKey('sign-in', credentials.email);
	const blocked = await isBlocked(db, account, LIMITS.signInAccount);
	if (!blocked.allowed) return { outcome: 'throttled', retryAfter: blocked.retryAfter };
	try {
		const { headers, response } = await auth.api.signInEmail({
			body: { email: credentials.email, password: credentials.password, rememberMe: true },
			headers: event.request.headers,
			returnHeaders: true
		});
		applySetCookies(headers.get('set-cookie'), event.cookies);
		if (response && 'twoFactorRedirect' in response && response.twoFactorRedirect)
			return { outcome: 'two-factor' };
		return { outcome: 'signed-in' };
	} catch (error) {
		if (!(error instanceof APIError)) throw error;
		await hit(db, account, LIMITS.signInAccount);
		return { outcome: 'failed' };
	}
}

/** Starts OpenID Connect sign-in; returns the provider's authorisation URL. */
export async function startSingleSignOn(
	event: RequestEvent,
	auth: Auth,
	providerId: string,
	locale: Locale
): Promise<string | undefined> {
	try {
		const { headers, response } = await auth.api.signInSocial({
			body: {
				provider: providerId,
				callbackURL: localizedPath('/admin', locale),
				errorCallbackURL: `${localizedPath('/log-ind', locale)}?sso-fejl=1`,
				disableRedirect: true
			},
			headers: event.request.headers,
			returnHeaders: true
		});
		applySetCookies(headers.get('set-cookie'), event.cookies);
		return response?.url;
	} catch (error) {
		logger.warn({ err: error, providerId }, 'single sign-on could not start');
		return undefined;
	}
}
