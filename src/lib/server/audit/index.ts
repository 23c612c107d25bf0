// Audit: the append-only record of every write, who made it and when.
// Services call recordAudit inside their own transaction so the log and the change commit together.
import { desc, eq, and } from 'drizzle-orm';
import { bumpContentVersion, type Db } from '../db/index.ts';
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

export async function auditTrail(db: Db, entityType: string, entityId: string) {
	return db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
		.orderBy(desc(auditLog.id));
}
