import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rateLimitBuckets } from './schema.ts';

export interface Limit {
	/** Attempts allowed in one window. */
	max: number;
	windowSeconds: number;
}

/** Sign-in: ten wrong passwords a minute per account, a hundred attempts a minute per address. */
export const LIMITS = {
	signInAccount: { max: 10, windowSeconds: 60 },
	signInIp: { max: 100, windowSeconds: 60 },
	resetAccount: { max: 3, windowSeconds: 15 * 60 },
	resetIp: { max: 20, windowSeconds: 15 * 60 },
	invitationIp: { max: 20, windowSeconds: 15 * 60 },
	twoFactorAccount: { max: 5, windowSeconds: 60 }
} satisfies Record<string, Limit>;

/** A bucket key for an e-mail address that does not store the address itself. */
export function accountKey(kind: string, email: string): string {
	return `${kind}:acct:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

/** A bucket key for a client address; the address is hashed, not stored. */
export function ipKey(kind: string, ip: string): string {
	return `${kind}:ip:${createHash('sha256').update(ip).digest('hex')}`;
}

export interface Verdict {
	allowed: boolean;
	/** Seconds until the window ends, when not allowed. */
	retryAfter: number;
}

/** Counts one attempt (atomically, across instances) and says whether it is within the limit. */
export async function hit(db: Db, key: string, limit: Limit): Promise<Verdict> {
	const window = sql.raw(`interval '${Math.floor(limit.windowSeconds)} seconds'`);
	const [row] = await db
		.insert(rateLimitBuckets)
		.values({ key, windowStart: sql`now()`, count: 1 })
		.onConflictDoUpdate({
			target: rateLimitBuckets.key,
			set: {
				count: sql`case when ${rateLimitBuckets.windowStart} <= now() - ${window} then 1 else ${rateLimitBuckets.count} + 1 end`,
				windowStart: sql`case when ${rateLimitBuckets.windowStart} <= now() - ${window} then now() else ${rateLimitBuckets.windowStart} end`
			}
		})
		.returning({
			count: rateLimitBuckets.count,
			left: sql<number>`ceil(extract(epoch from (${rateLimitBuckets.windowStart} + ${window} - now())))::int`
		});
	return { allowed: row!.count <= limit.max, retryAfter: Math.max(1, Number(row!.left)) };
}

/** Whether a key is already over its limit, without counting an attempt. */
export async function isBlocked(db: Db, key: string, limit: Limit): Promise<Verdict> {
	const window = sql.raw(`interval '${Math.floor(limit.windowSeconds)} seconds'`);
	const [row] = await db
		.select({
			count: rateLimitBuckets.count,
			left: sql<number>`ceil(extract(epoch from (${rateLimitBuckets.windowStart} + ${window} - now())))::int`
		})
		.from(rateLimitBuckets)
		.where(eq(rateLimitBuckets.key, key));
	if (!row || Number(row.left) <= 0) return { allowed: true, retryAfter: 0 };
	return { allowed: row.count < limit.max, retryAfter: Math.max(1, Number(row.left)) };
}

/** Old buckets are worthless after their window; removed now and then. */
export async function pruneBuckets(db: Db): Promise<void> {
	await db
		.delete(rateLimitBuckets)
		.where(sql`${rateLimitBuckets.windowStart} < now() - interval '1 day'`);
}
