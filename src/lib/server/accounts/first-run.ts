import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import { appState, type Db } from '../db/index.ts';
import { AccountError } from './errors.ts';
import {
	acceptInput,
	emailSchema,
	insertPasswordUser,
	PasswordRejectedError
} from './invitations.ts';
import { passwordProblem } from './password-policy.ts';
import { users } from './schema.ts';

/**
 * The first administrator. While no administrator exists, the server prints a one-time set-up
 * link at start (valid for an hour); the page it opens creates the administrator, who then sets
 * up TOTP like every administrator. Tokens are kept hashed in `app_state`, so any instance on a
 * shared PostgreSQL server accepts a link another printed; the first account made spends them all.
 */
export const FIRST_RUN_MINUTES = 60;
const PREFIX = 'first-run:';
/** The path of the set-up page; the English URL is /en/setup/<token>. */
export const FIRST_RUN_PATH = '/opsaetning';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Whether an administrator who can act exists (a disabled one cannot). */
export async function hasAdministrator(db: Db): Promise<boolean> {
	const rows = await db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'administrator'), isNull(users.disabledAt)))
		.limit(1);
	return rows.length > 0;
}

/**
 * A new set-up link when no administrator exists (none otherwise). Expired tokens are removed.
 */
export async function openFirstRun(
	db: Db,
	baseUrl: string,
	now = new Date()
): Promise<{ url: string; expiresAt: Date } | undefined> {
	if (await hasAdministrator(db)) return undefined;
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + FIRST_RUN_MINUTES * 60_000);
	await db.transaction(async (tx) => {
		await deleteExpired(tx, now);
		await tx
			.insert(appState)
			.values({ key: PREFIX + hashToken(token), value: { expiresAt: expiresAt.toISOString() } });
	});
	return { url: `${baseUrl.replace(/\/$/, '')}${FIRST_RUN_PATH}/${token}`, expiresAt };
}

async function deleteExpired(db: Db, now: Date): Promise<void> {
	await db
		.delete(appState)
		.where(
			and(
				like(appState.key, `${PREFIX}%`),
				sql`(${appState.value}->>'expiresAt')::timestamptz <= ${now.toISOString()}::timestamptz`
			)
		);
}

export type FirstRunState = { ok: true } | { ok: false; reason: 'unknown' | 'expired' | 'done' };

/** Whether a set-up link can still be used, and why not. */
export async function findFirstRun(
	db: Db,
	token: string,
	now = new Date()
): Promise<FirstRunState> {
	if (await hasAdministrator(db)) return { ok: false, reason: 'done' };
	if (!TOKEN.test(token)) return { ok: false, reason: 'unknown' };
	const [row] = await db
		.select({ value: appState.value })
		.from(appState)
		.where(eq(appState.key, PREFIX + hashToken(token)));
	if (!row) return { ok: false, reason: 'unknown' };
	const expiresAt = new Date((row.value as { expiresAt: string }).expiresAt);
	if (!(expiresAt.getTime() > now.getTime())) return { ok: false, reason: 'expired' };
	return { ok: true };
}

export const firstAdministratorInput = acceptInput.extend({ email: emailSchema });

/**
 * Creates the first administrator from a set-up link. All or nothing: the link must be open and
 * no administrator may exist when the transaction commits (an advisory lock serialises two
 * people on two links); every set-up link is spent.
 */
export async function completeFirstRun(
	db: Db,
	hashPassword: (password: string) => Promise<string>,
	token: string,
	input: z.input<typeof firstAdministratorInput>,
	now = new Date()
): Promise<{ userId: string; email: string }> {
	const data = firstAdministratorInput.parse(input);
	const state = await findFirstRun(db, token, now);
	if (!state.ok)
		throw new AccountError(`first_run_${state.reason}`, 'This set-up link cannot be used.');
	const problem = passwordProblem(data.password, data.email);
	if (problem) throw new PasswordRejectedError(problem);
	const hash = await hashPassword(data.password);
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext('uddannelsesby:first-run'))`);
		const again = await findFirstRun(tx, token, now);
		if (!again.ok)
			throw new AccountError(`first_run_${again.reason}`, 'This set-up link cannot be used.');
		const [taken] = await tx
			.select({ id: users.id })
			.from(users)
			.where(eq(users.email, data.email));
		if (taken)
			throw new AccountError('exists', 'This e-mail address already has an account.', 'email');
		// Trusted as a CLI invitation is: whoever holds the link can read the server's output.
		const userId = await insertPasswordUser(tx, {
			name: data.name,
			email: data.email,
			role: 'administrator',
			passwordHash: hash
		});
		await tx.delete(appState).where(like(appState.key, `${PREFIX}%`));
		await recordAudit(
			tx,
			{
				actor: userId,
				action: 'setup.firstAdministrator',
				entityType: 'user',
				entityId: userId,
				details: { after: { role: 'administrator', email: data.email } }
			},
			{ publicContent: false }
		);
		return { userId, email: data.email };
	});
}
