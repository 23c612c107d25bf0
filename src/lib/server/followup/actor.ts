import { assertCan, type Action, type Actor } from '../accounts/index.ts';

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
