import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { sessions } from './schema.ts';

/** How long ago a session began (for the absolute timeout, which sliding expiry lacks). */
export function sessionAge(createdAt: Date, now = Date.now()): number {
	return now - createdAt.getTime();
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}
