import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { organizations } from '../directory/index.ts';
import { AccountError } from './errors.ts';
import { assertCan, type Actor } from './permissions.ts';
import {
	authAccounts,
	organizationMembers,
	ROLES,
	sessions,
	twoFactors,
	users,
	type Role
} from './schema.ts';

const PRIVATE = { publicContent: false };

/** Whether a user can sign in with a password (rather than only by single sign-on). */
export async function hasPassword(db: Db, userId: string): Promise<boolean> {
	const rows = await db
		.select({ id: authAccounts.id })
		.from(authAccounts)
		.where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, 'credential')))
		.limit(1);
	return rows.length > 0;
}

/** The actor for a signed-in user id, with the organisations they act for. */
export async function loadActor(db: Db, userId: string): Promise<Actor | undefined> {
	const [user] = await db
		.select({ id: users.id, email: users.email, role: users.role, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.id, userId));
	if (!user || user.disabledAt) return undefined;
	const memberships = await db
		.select({ organizationId: organizationMembers.organizationId })
		.from(organizationMembers)
		.where(eq(organizationMembers.userId, userId));
	return {
		id: user.id,
		email: user.email,
		role: user.role,
		organizationIds: memberships.map((m) => m.organizationId)
	};
}

export interface UserSummary {
	id: string;
	name: string;
	email: string;
	role: Role;
	twoFactorEnabled: boolean;
	disabled: boolean;
	lastLoginAt: Date | null;
	createdAt: Date;
	organizations: string[];
	/** No sign-in for longer than the configured period: a candidate for deletion. */
	inactive: boolean;
}

export async function listUsers(
	db: Db,
	actor: Actor,
	inactiveDays: number
): Promise<UserSummary[]> {
	assertCan(actor, 'users.read');
	const rows = await db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			role: users.role,
			twoFactorEnabled: users.twoFactorEnabled,
			disabledAt: users.disabledAt,
			lastLoginAt: users.lastLoginAt,
			createdAt: users.createdAt,
			organizations: sql<
				string[]
			>`coalesce(array_agg(${organizations.name} order by ${organizations.name}) filter (where ${organizations.name} is not null), '{}')`
		})
		.from(users)
		.leftJoin(organizationMembers, eq(organizationMembers.userId, users.id))
		.leftJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
		.groupBy(users.id)
		.orderBy(users.email);
	const cutoff = Date.now() - inactiveDays * 24 * 3600 * 1000;
	return rows.map(({ disabledAt, ...row }) => ({
		...row,
		disabled: disabledAt !== null,
		inactive: (row.lastLoginAt ?? row.createdAt).getTime() < cutoff
	}));
}

async function requireUser(tx: Db, userId: string) {
	const [user] = await tx.select().from(users).where(eq(users.id, userId));
	if (!user) throw new AccountError('not_found', 'No such user.');
	return user;
}

async function otherActiveAdministrators(tx: Db, userId: string): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(users)
		.where(
			and(eq(users.role, 'administrator'), ne(users.id, userId), sql`${users.disabledAt} is null`)
		);
	return row!.n;
}

/** Ends every session of a user, on every instance. */
export async function endSessions(tx: Db, userId: string): Promise<number> {
	const ended = await tx
		.delete(sessions)
		.where(eq(sessions.userId, userId))
		.returning({ id: sessions.id });
	return ended.length;
}

/** Changes a role; the user's sessions end, so the new rights start with a fresh sign-in. */
/**
 * Changes a person's account (the row, when `set` is given), ends their sessions when asked, and
 * records who did it in the private audit log.
 */
async function changeAccount(
	tx: Db,
	actor: Actor,
	userId: string,
	change: {
		set?: PgUpdateSetSource<typeof users>;
		endSessions: boolean;
		action: Parameters<typeof recordAudit>[1]['action'];
		details: Record<string, unknown>;
	}
): Promise<void> {
	if (change.set)
		await tx
			.update(users)
			.set({ ...change.set, updatedAt: sql`now()` })
			.where(eq(users.id, userId));
	if (change.endSessions) await endSessions(tx, userId);
	await recordAudit(
		tx,
		{
			actor: actor.id,
			action: change.action,
			entityType: 'user',
			entityId: userId,
			details: change.details
		},
		PRIVATE
	);
}

export async function setRole(db: Db, actor: Actor, userId: string, role: Role): Promise<void> {
	assertCan(actor, 'users.manage');
	const newRole = z.enum(ROLES).parse(role);
	await db.transaction(async (tx) => {
		const user = await requireUser(tx, userId);
		if (user.role === newRole) return;
		if (user.role === 'administrator' && (await otherActiveAdministrators(tx, userId)) === 0)
			throw new AccountError('last_administrator', 'The last administrator cannot lose the role.');
		await changeAccount(tx, actor, userId, {
			set: { role: newRole },
			endSessions: true,
			action: 'user.role',
			details: { before: { role: user.role }, after: { role: newRole } }
		});
	});
}

/** Disables or re-enables an account; disabling ends its sessions at once. */
export async function setDisabled(
	db: Db,
	actor: Actor,
	userId: string,
	disabled: boolean
): Promise<void> {
	assertCan(actor, 'users.manage');
	if (actor.id === userId)
		throw new AccountError('own_account', 'You cannot disable your own account.');
	await db.transaction(async (tx) => {
		const user = await requireUser(tx, userId);
		if ((user.disabledAt !== null) === disabled) return;
		if (
			disabled &&
			user.role === 'administrator' &&
			(await otherActiveAdministrators(tx, userId)) === 0
		)
			throw new AccountError('last_administrator', 'The last administrator cannot be disabled.');
		await changeAccount(tx, actor, userId, {
			set: { disabledAt: disabled ? sql`now()` : null },
			endSessions: disabled,
			action: disabled ? 'user.disable' : 'user.enable',
			details: { before: { disabled: !disabled }, after: { disabled } }
		});
	});
}

/**
 * Removes a person's second factor (a lost phone, or keys that a new AUTH_SECRET cannot read):
 * the TOTP key and backup codes are deleted and their sessions end. A role that requires two
 * factors must set it up again at the next sign-in before anything else.
 */
export async function resetTwoFactor(db: Db, actor: Actor, userId: string): Promise<void> {
	assertCan(actor, 'users.manage');
	if (actor.id === userId)
		throw new AccountError(
			'own_two_factor',
			'You cannot reset your own second factor; another administrator can.'
		);
	await db.transaction(async (tx) => {
		const user = await requireUser(tx, userId);
		const removed = await tx
			.delete(twoFactors)
			.where(eq(twoFactors.userId, userId))
			.returning({ id: twoFactors.id });
		if (!user.twoFactorEnabled && removed.length === 0) return;
		await changeAccount(tx, actor, userId, {
			set: { twoFactorEnabled: false },
			endSessions: true,
			action: 'user.two-factor-reset',
			details: { before: { twoFactor: true }, after: { twoFactor: false } }
		});
	});
}

/** "Sign out everywhere" for one's own account. */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<number> {
	return db.transaction(async (tx) => {
		const ended = await endSessions(tx, actor.id);
		await recordAudit(
			tx,
			{
				actor: actor.id,
				action: 'user.signOutEverywhere',
				entityType: 'user',
				entityId: actor.id,
				details: { sessions: ended }
			},
			PRIVATE
		);
		return ended;
	});
}

export async function addMembership(db: Db, actor: Actor, userId: string, organizationId: string) {
	assertCan(actor, 'organizations.manage');
	await db.transaction(async (tx) => {
		await requireUser(tx, userId);
		await tx.insert(organizationMembers).values({ userId, organizationId }).onConflictDoNothing();
		await changeAccount(tx, actor, userId, {
			endSessions: true,
			action: 'membership.add',
			details: { after: { organizationId } }
		});
	});
}

/** Everything stored about a person, for the data-access right (GDPR art. 15 and 20). */
export async function exportUserData(db: Db, userId: string) {
	const user = await requireUser(db, userId);
	const memberships = await db
		.select({ organization: organizations.name, since: organizationMembers.createdAt })
		.from(organizationMembers)
		.innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
		.where(eq(organizationMembers.userId, userId));
	const activeSessions = await db
		.select({
			createdAt: sessions.createdAt,
			expiresAt: sessions.expiresAt,
			ipAddress: sessions.ipAddress,
			userAgent: sessions.userAgent
		})
		.from(sessions)
		.where(eq(sessions.userId, userId));
	const actions = await db
		.select({
			at: auditLog.at,
			action: auditLog.action,
			entityType: auditLog.entityType,
			entityId: auditLog.entityId
		})
		.from(auditLog)
		.where(eq(auditLog.actor, userId))
		.orderBy(desc(auditLog.id))
		.limit(10_000);
	return {
		exportedAt: new Date().toISOString(),
		account: {
			name: user.name,
			email: user.email,
			role: user.role,
			emailVerified: user.emailVerified,
			twoFactorEnabled: user.twoFactorEnabled,
			createdAt: user.createdAt,
			lastLoginAt: user.lastLoginAt
		},
		memberships,
		sessions: activeSessions,
		actions
	};
}

/**
 * Deletes an account (one's own, or any by an administrator). Sessions, sign-in methods and
 * memberships go with it; the audit log keeps only the random user id.
 */
export async function deleteUser(db: Db, actor: Actor, userId: string): Promise<void> {
	if (actor.id !== userId) assertCan(actor, 'users.manage');
	await db.transaction(async (tx) => {
		const user = await requireUser(tx, userId);
		if (user.role === 'administrator' && (await otherActiveAdministrators(tx, userId)) === 0)
			throw new AccountError('last_administrator', 'The last administrator cannot be deleted.');
		await tx.delete(users).where(eq(users.id, userId));
		await recordAudit(
			tx,
			{
				actor: actor.id,
				action: 'user.delete',
				entityType: 'user',
				entityId: userId,
				details: { before: { role: user.role } }
			},
			PRIVATE
		);
	});
}

/** Appends to the audit log that a user turned on two-factor sign-in (better-auth made the change). */
export async function noteTwoFactorEnabled(db: Db, actor: Actor): Promise<void> {
	await recordAudit(
		db,
		{
			actor: actor.id,
			action: 'user.twoFactor.enable',
			entityType: 'user',
			entityId: actor.id,
			details: { before: { twoFactorEnabled: false }, after: { twoFactorEnabled: true } }
		},
		PRIVATE
	);
}

/**
 * The e-mail addresses of an organisation's active members: who is told that its content
 * needs attention (a posting about to close, an offer not checked for a year).
 */
export async function memberAddresses(db: Db, organizationId: string): Promise<string[]> {
	const rows = await db
		.select({ email: users.email })
		.from(organizationMembers)
		.innerJoin(users, eq(users.id, organizationMembers.userId))
		.where(
			and(eq(organizationMembers.organizationId, organizationId), sql`${users.disabledAt} is null`)
		)
		.orderBy(users.email);
	return rows.map((r) => r.email);
}
