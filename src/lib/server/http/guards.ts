import { error } from '@sveltejs/kit';
import { can, type Action, type Actor } from '../accounts/index.ts';

/** The signed-in actor if they may do `action`; otherwise the request ends with 403. */
export function requireCan(locals: App.Locals, action: Action): Actor {
	const actor = locals.actor;
	if (!actor || !can(actor, action)) error(403, 'Forbidden');
	return actor;
}
