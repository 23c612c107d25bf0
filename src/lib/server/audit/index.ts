// Audit: the append-only record of every write, who made it and when.
// Services call recordAudit inside their own transaction so the log and the change commit together.
import { and, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { bumpContentVersion, rowsOf, type Db } from '../db/index.ts';
import { rememberWords } from '../search/index.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
	actor: string;
	action: string;
	entityType: string;
	entityId: string;
	details?: Record<string, unknown>;
}

/**
 * Records a write and, unless it touched only private data (accounts, drafts), marks public
 * content as changed so page caches refresh.
 */
export async function recordAudit(
	tx: Db,
	entry: AuditEntry,
	options: { publicContent?: boolean } = {}
): Promise<void> {
	await tx.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
	if (options.publicContent !== false) await bumpContentVersion(tx);
}

/**
 * Records a write of searchable public content (an offer, a posting, an event, a programme)
 * inside its transaction: the words of its name join the vocabulary typos are corrected against,
 * and the audit log records `action` (`<kind>.<verb>`; the kind is the entity type).
 */
export async function recordContentWrite(
	tx: Db,
	actor: string,
	action: `${string}.${string}`,
	entityId: string,
	name: { da: string; en?: string | null },
	details: Record<string, unknown>
): Promise<void> {
	await rememberWords(tx, name);
	await recordAudit(tx, { actor, action, entityType: action.split('.')[0]!, entityId, details });
}

/**
 * Deletes audit entries older than `before`, in batches so the embedded database is not held
 * for long; the number deleted.
 */
export async function pruneAuditLog(db: Db, before: Date): Promise<number> {
	let total = 0;
	for (;;) {
		const deleted = await db
			.delete(auditLog)
			.where(
				sql`${auditLog.id} in (select id from audit_log where at < ${before.toISOString()}::timestamptz order by id limit 5000)`
			)
			.returning({ id: auditLog.id });
		total += deleted.length;
		if (deleted.length < 5000) return total;
	}
}

export async function auditTrail(db: Db, entityType: string, entityId: string) {
	return db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
		.orderBy(desc(auditLog.id));
}

export interface AuditFilter {
	/** A user id, or an e-mail address of a user who still exists. */
	actor?: string;
	/** An action or its start ("user." finds every user action). */
	action?: string;
	entityType?: string;
	/** Inclusive start and exclusive end, as dates (UTC midnight). */
	from?: Date;
	to?: Date;
	/** Show entries older than this id (the next page). */
	before?: number;
}

/** A page of the audit log, newest first, with the actor's e-mail where the user still exists. */
export async function browseAudit(db: Db, filter: AuditFilter, limit = 50) {
	const conditions: SQL[] = [];
	if (filter.actor) {
		const actor = filter.actor.toLowerCase();
		conditions.push(
			or(
				eq(auditLog.actor, filter.actor),
				sql`${auditLog.actor} in (select id from users where email = ${actor})`
			)!
		);
	}
	if (filter.action)
		conditions.push(like(auditLog.action, `${filter.action.replace(/[%_\\]/g, '')}%`));
	if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
	if (filter.from) conditions.push(gte(auditLog.at, filter.from));
	if (filter.to) conditions.push(lt(auditLog.at, filter.to));
	if (filter.before) conditions.push(lt(auditLog.id, filter.before));
	const rows = await db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			actor: auditLog.actor,
			actorEmail: sql<string | null>`(select email from users where users.id = ${auditLog.actor})`,
			action: auditLog.action,
			entityType: auditLog.entityType,
			entityId: auditLog.entityId,
			details: auditLog.details
		})
		.from(auditLog)
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(desc(auditLog.id))
		.limit(limit + 1);
	return { entries: rows.slice(0, limit), more: rows.length > limit };
}

/** The audit table, for modules that join on it (the account list's last sign-in). */
export { auditLog };

/**
 * When something last changed: the newest of `newest` (a subquery, such as a table's newest
 * `updated_at`), else the newest audited write, else `now`. Feeds are dated by it when they
 * are empty, never 1970.
 */
export async function lastChange(db: Db, newest: SQL, now = new Date()): Promise<Date> {
	const [row] = rowsOf<{ at: string | null }>(
		await db.execute(sql`select coalesce((${newest}), (select max(at) from audit_log))::text as at`)
	);
	return row?.at ? new Date(row.at) : now;
}
