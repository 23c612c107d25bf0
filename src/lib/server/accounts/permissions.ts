import type { Role } from './schema.ts';

/** Who is asking: a signed-in user, or nobody. */
export interface Actor {
	id: string;
	email: string;
	role: Role;
	/** Organisations a partner acts for. */
	organizationIds: readonly string[];
	/**
	 * Signed in with a password only, while the role needs a second factor that is not set up:
	 * such an actor may enter /admin and set up their own account, and nothing else.
	 */
	secondFactorPending?: boolean;
}

/** What an actor whose second factor is pending may still do. */
const WHILE_SECOND_FACTOR_PENDING: ReadonlySet<Action> = new Set([
	'admin.enter',
	'account.manageOwn'
]);

/** Every protected action; routes and services ask `can` rather than comparing roles. */
export const ACTIONS = [
	'admin.enter',
	'account.manageOwn',
	'indicators.import',
	'users.read',
	'users.manage',
	'users.invitePartner',
	'organizations.manage',
	'audit.read',
	'outbox.read',
	'backups.manage',
	'moderation.review',
	'submissions.create',
	'followup.read',
	'initiatives.manage',
	'rounds.manage',
	'updates.write',
	'updates.review'
] as const;
export type Action = (typeof ACTIONS)[number];

const GRANTS: Record<Role, ReadonlySet<Action>> = {
	administrator: new Set(ACTIONS),
	// Editors run the site day to day: everything but managing staff accounts, reading the
	// audit log and the outbox, and the backups (a copy of everything), which stay with
	// administrators.
	editor: new Set<Action>(
		ACTIONS.filter(
			(a) => !['users.manage', 'audit.read', 'outbox.read', 'backups.manage'].includes(a)
		)
	),
	// The council follows the implementation: it reads rounds and reports, and writes nothing.
	council: new Set<Action>(['admin.enter', 'account.manageOwn', 'followup.read']),
	// A partner writes the updates of the initiatives its own organisation owns.
	partner: new Set<Action>([
		'admin.enter',
		'account.manageOwn',
		'submissions.create',
		'updates.write'
	])
};

/**
 * Whether an actor may do something. For actions on an organisation's content, pass the
 * organisation: a partner may act only for organisations they are a member of.
 */
export function can(
	actor: Actor | undefined,
	action: Action,
	target?: { organizationId: string }
): boolean {
	if (!actor) return false;
	if (!GRANTS[actor.role].has(action)) return false;
	if (actor.secondFactorPending && !WHILE_SECOND_FACTOR_PENDING.has(action)) return false;
	if (target && actor.role === 'partner')
		return actor.organizationIds.includes(target.organizationId);
	return true;
}

/** Roles that must use two-factor sign-in before they reach anything in /admin. */
export function requiresTwoFactor(role: Role): boolean {
	return role === 'administrator' || role === 'editor';
}

/**
 * Staff who sign in through their organisation's single sign-on get its multi-factor check; a
 * password sign-in needs our own second factor before anything but the account page.
 */
export function secondFactorPending(
	role: Role,
	hasPassword: boolean,
	twoFactorEnabled: boolean
): boolean {
	return requiresTwoFactor(role) && hasPassword && !twoFactorEnabled;
}

export class ForbiddenError extends Error {
	constructor(readonly action: Action) {
		super(`Not allowed: ${action}`);
		this.name = 'ForbiddenError';
	}
}

export function assertCan(
	actor: Actor | undefined,
	action: Action,
	target?: { organizationId: string }
): asserts actor is Actor {
	if (!can(actor, action, target)) throw new ForbiddenError(action);
}
