import { assertCan, type Action, type Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';

/** Who writes: a signed-in person, or the demo loader, which may do anything a secretariat does. */
export type FollowUpActor = Actor | 'system:demo';

export function actorId(actor: FollowUpActor): string {
	return actor === 'system:demo' ? actor : actor.id;
}

/** Refuses an action the person may not do; the demo loader may do them all. */
export function assertMay(
	actor: FollowUpActor,
	action: Action,
	target?: { organizationId: string }
): void {
	if (actor !== 'system:demo') assertCan(actor, action, target);
}

/**
 * Records a follow-up write in the audit log, inside its transaction. What only the secretariat
 * and the initiatives' owners see (a round opened, an update submitted, a report built) leaves
 * the public pages' caches alone: `publicContent` false.
 */
export function auditFollowUp(
	tx: Db,
	actor: FollowUpActor,
	action: `${string}.${string}`,
	[entityType, entityId]: [type: string, id: string],
	details: Record<string, unknown>,
	publicContent: boolean
): Promise<void> {
	return recordAudit(
		tx,
		{ actor: actorId(actor), action, entityType, entityId, details },
		{ publicContent }
	);
}
