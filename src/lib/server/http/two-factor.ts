import type { RequestEvent } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import {
	accountKey,
	claimTotpStep,
	cookiePrefix,
	hit,
	LIMITS,
	pendingSecondFactorUser,
	secondFactorLockedFor,
	type Auth
} from '../accounts/index.ts';
import { appAuth, appDatabase } from '../app.ts';
import { applySetCookies } from './session.ts';

export type SecondFactorOutcome =
	| { outcome: 'ok' }
	| { outcome: 'failed' }
	| { outcome: 'expired' }
	| { outcome: 'locked'; retryAfter: number };

/**
 * The second step of sign-in: a TOTP code (six digits) or a backup code. 'expired' means the
 * first step is too old (or was never made), so the person must start again. Each TOTP code
 * signs in once; an account gets five tries a minute, and better-auth locks it for a quarter
 * of an hour after ten wrong codes in a row ('locked', with the seconds left).
 */
export async function verifySecondFactor(
	event: RequestEvent,
	auth: Auth,
	code: string
): Promise<SecondFactorOutcome> {
	const db = appDatabase().db;
	const pending = event.cookies.get(`${cookiePrefix(appAuth().baseUrl)}.two_factor`);
	const userId = await pendingSecondFactorUser(auth, pending);
	if (!userId) return { outcome: 'expired' };
	const limit = await hit(db, accountKey('two-factor', userId), LIMITS.twoFactorAccount);
	if (!limit.allowed) return { outcome: 'locked', retryAfter: limit.retryAfter };
	const lockedFor = await secondFactorLockedFor(db, userId);
	if (lockedFor > 0) return { outcome: 'locked', retryAfter: lockedFor };
	const isTotp = /^\d{6}$/.test(code);
	if (isTotp && (await claimTotpStep(db, auth, userId, code)) === 'replayed')
		return { outcome: 'failed' };
	try {
		const { headers } = isTotp
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
		return { outcome: 'ok' };
	} catch (error) {
		if (!(error instanceof APIError)) throw error;
		if (error.status === 'TOO_MANY_REQUESTS')
			return {
				outcome: 'locked',
				retryAfter: Math.max(60, await secondFactorLockedFor(db, userId))
			};
		return error.status === 'UNAUTHORIZED' && /expired|session|cookie/i.test(error.message)
			? { outcome: 'expired' }
			: { outcome: 'failed' };
	}
}
