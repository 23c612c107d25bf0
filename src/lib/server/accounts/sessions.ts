import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { invitations, sessions, verifications } from './schema.ts';

/**
 * Deletes what has expired: sessions, verification tokens (password resets, sign-in steps), and
 * invitations that expired unused, were revoked or accepted before `invitationsBefore`.
 */
export async function pruneExpiredAuth(
	db: Db,
	now: Date,
	invitationsBefore: Date
): Promise<{ sessions: number; verifications: number; invitations: number }> {
	const gone = await db
		.delete(sessions)
		.where(lt(sessions.expiresAt, now))
		.returning({ id: sessions.id });
	const tokens = await db
		.delete(verifications)
		.where(lt(verifications.expiresAt, now))
		.returning({ id: verifications.id });
	const invites = await db
		.delete(invitations)
		.where(
			or(
				and(isNull(invitations.acceptedAt), lt(invitations.expiresAt, invitationsBefore)),
				lt(invitations.acceptedAt, invitationsBefore),
				lt(invitations.revokedAt, invitationsBefore)
			)
		)
		.returning({ id: invitations.id });
	return { sessions: gone.length, verifications: tokens.length, invitations: invites.length };
}

/** How long ago a session began (for the absolute timeout, which sliding expiry lacks). */
export function sessionAge(createdAt: Date, now = Date.now()): number {
	return now - createdAt.getTime();
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}
