import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { constantTimeEqual, makeSignature, symmetricDecrypt } from 'better-auth/crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { Auth } from './auth.ts';
import { twoFactors } from './schema.ts';

/** The TOTP settings of the two-factor plugin (auth.ts). */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** better-auth accepts the previous, the current and the next time step. */
const WINDOW = 1;

/**
 * Whose sign-in a pending second step belongs to: the account named by the signed two-factor
 * cookie that the first step set (better-auth keeps its value in the verification table).
 */
export async function pendingSecondFactorUser(
	auth: Auth,
	cookieValue: string | undefined
): Promise<string | undefined> {
	if (!cookieValue) return undefined;
	const raw = decodeURIComponent(cookieValue);
	const dot = raw.lastIndexOf('.');
	if (dot <= 0) return undefined;
	const value = raw.slice(0, dot);
	const context = await auth.$context;
	if (!constantTimeEqual(await makeSignature(value, context.secret), raw.slice(dot + 1)))
		return undefined;
	const verification = await context.internalAdapter.findVerificationValue(value);
	if (!verification || verification.expiresAt.getTime() < Date.now()) return undefined;
	return verification.value;
}

/**
 * Claims the time step a six-digit code belongs to, so that each code signs in once: a code
 * seen at sign-in within its window (up to 90 seconds) is refused the second time, and so is
 * an older code once a newer one was used. 'no-match' leaves the code to better-auth, which
 * refuses it and counts the failure.
 */
export async function claimTotpStep(
	db: Db,
	auth: Auth,
	userId: string,
	code: string,
	now = Date.now()
): Promise<'claimed' | 'replayed' | 'no-match'> {
	const [row] = await db
		.select({ secret: twoFactors.secret })
		.from(twoFactors)
		.where(eq(twoFactors.userId, userId));
	if (!row) return 'no-match';
	const context = await auth.$context;
	const decrypted = await symmetricDecrypt({ key: context.secretConfig, data: row.secret });
	const key = decrypted.startsWith('base32:')
		? base32.decode(decrypted.slice('base32:'.length).toUpperCase())
		: decrypted;
	const otp = createOTP(key, { digits: DIGITS, period: PERIOD_SECONDS });
	const current = Math.floor(now / (PERIOD_SECONDS * 1000));
	let matched: number | undefined;
	for (let step = current - WINDOW; step <= current + WINDOW; step++)
		if ((await otp.hotp(step)) === code) matched = step;
	if (matched === undefined) return 'no-match';
	// One statement: of two requests with the same code, only one can move the step forward.
	const claimed = await db
		.update(twoFactors)
		.set({ lastUsedStep: matched })
		.where(
			and(
				eq(twoFactors.userId, userId),
				or(isNull(twoFactors.lastUsedStep), lt(twoFactors.lastUsedStep, matched))
			)
		)
		.returning({ userId: twoFactors.userId });
	return claimed.length > 0 ? 'claimed' : 'replayed';
}

/** Seconds until an account locked by too many wrong codes may try again (0: not locked). */
export async function secondFactorLockedFor(db: Db, userId: string): Promise<number> {
	const [row] = await db
		.select({ lockedUntil: twoFactors.lockedUntil })
		.from(twoFactors)
		.where(eq(twoFactors.userId, userId));
	const until = row?.lockedUntil?.getTime() ?? 0;
	return Math.max(0, Math.ceil((until - Date.now()) / 1000));
}
