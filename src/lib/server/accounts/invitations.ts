import { hasControlCharacters } from '../../text.ts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { organizations } from '../directory/index.ts';
import type { Mailer } from '../mail/index.ts';
import { AccountError } from './errors.ts';
import { invitationMail } from './mails.ts';
import { passwordProblem, type PasswordProblem } from './password-policy.ts';
import { assertCan, type Actor } from './permissions.ts';
import {
	authAccounts,
	invitations,
	organizationMembers,
	ROLES,
	users,
	type Role
} from './schema.ts';

const INVITATION_DAYS = 7;
/** Account changes do not change public pages. */
const PRIVATE = { publicContent: false };

export const emailSchema = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, 'e-mail address too long')
	.pipe(z.email({ error: 'not an e-mail address' }));

export const invitationInput = z
	.object({
		email: emailSchema,
		role: z.enum(ROLES),
		organizationId: z.uuid().optional()
	})
	.refine((v) => v.role !== 'partner' || v.organizationId, {
		message: 'a partner must belong to an organisation',
		path: ['organizationId']
	});

function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** The actor who is not a person: the command line, for the first administrator. */
export const SYSTEM_ACTOR: Actor = {
	id: 'system',
	email: 'system',
	role: 'administrator',
	organizationIds: []
};

/**
 * Invites someone by e-mail. Editors invite partners; administrators invite anyone. Returns the
 * link, which is also mailed (or put in the outbox) and never stored.
 */
export async function inviteUser(
	db: Db,
	mailer: Mailer,
	actor: Actor,
	input: z.input<typeof invitationInput>,
	baseUrl: string
): Promise<{ url: string; expiresAt: Date }> {
	const data = invitationInput.parse(input);
	assertCan(actor, data.role === 'partner' ? 'users.invitePartner' : 'users.manage');
	const token = randomBytes(32).toString('base64url');
	const url = `${baseUrl.replace(/\/$/, '')}/invitation/${token}`;
	const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
	await db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: users.id })
			.from(users)
			.where(eq(users.email, data.email));
		if (existing)
			throw new AccountError('exists', 'This e-mail address already has an account.', 'email');
		let organizationName: string | undefined;
		if (data.organizationId) {
			const [org] = await tx
				.select({ name: organizations.name })
				.from(organizations)
				.where(eq(organizations.id, data.organizationId));
			if (!org) throw new AccountError('not_found', 'No such organisation.', 'organizationId');
			organizationName = org.name;
		}
		const [row] = await tx
			.insert(invitations)
			.values({
				tokenHash: hashToken(token),
				email: data.email,
				role: data.role,
				organizationId: data.organizationId,
				invitedBy: actor.id,
				expiresAt
			})
			.returning({ id: invitations.id });
		await recordAudit(
			tx,
			{
				actor: actor.id,
				action: 'invitation.create',
				entityType: 'invitation',
				entityId: row!.id,
				details: {
					after: { email: data.email, role: data.role, organizationId: data.organizationId }
				}
			},
			PRIVATE
		);
		await mailer.send(tx, invitationMail(data.email, url, data.role, organizationName));
	});
	return { url, expiresAt };
}

export interface OpenInvitation {
	id: string;
	email: string;
	role: Role;
	organizationName?: string;
}

/** The invitation a link carries, or why it cannot be used. */
export async function findInvitation(
	db: Db,
	token: string
): Promise<
	{ ok: true; invitation: OpenInvitation } | { ok: false; reason: 'unknown' | 'expired' | 'used' }
> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: 'unknown' };
	const [row] = await db
		.select({
			id: invitations.id,
			email: invitations.email,
			role: invitations.role,
			expiresAt: invitations.expiresAt,
			acceptedAt: invitations.acceptedAt,
			revokedAt: invitations.revokedAt,
			organizationName: organizations.name
		})
		.from(invitations)
		.leftJoin(organizations, eq(organizations.id, invitations.organizationId))
		.where(eq(invitations.tokenHash, hashToken(token)));
	if (!row || row.revokedAt) return { ok: false, reason: 'unknown' };
	if (row.acceptedAt) return { ok: false, reason: 'used' };
	if (row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: 'expired' };
	return {
		ok: true,
		invitation: {
			id: row.id,
			email: row.email,
			role: row.role,
			organizationName: row.organizationName ?? undefined
		}
	};
}

/**
 * A new account that signs in with a password (better-auth's `credential` account), its e-mail
 * counted as verified: the link that led here reached it, or was printed for its holder.
 */
export async function insertPasswordUser(
	tx: Db,
	user: { name: string; email: string; role: Role; passwordHash: string }
): Promise<string> {
	const userId = randomUUID();
	await tx.insert(users).values({
		id: userId,
		name: user.name,
		email: user.email,
		emailVerified: true,
		role: user.role
	});
	await tx.insert(authAccounts).values({
		id: randomUUID(),
		accountId: userId,
		providerId: 'credential',
		userId,
		password: user.passwordHash
	});
	return userId;
}

export const acceptInput = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'name is required')
		.max(200, 'name is too long')
		.refine((v) => !hasControlCharacters(v), 'name contains control characters'),
	password: z.string().max(1000, 'password too long')
});

export class PasswordRejectedError extends Error {
	constructor(readonly problem: PasswordProblem) {
		super(`Password rejected: ${problem}`);
		this.name = 'PasswordRejectedError';
	}
}

/**
 * Creates the account an invitation was for: the e-mail counts as verified (the link reached
 * it), the link is spent in the same transaction, and the password is hashed with scrypt.
 */
export async function acceptInvitation(
	db: Db,
	hashPassword: (password: string) => Promise<string>,
	token: string,
	input: z.input<typeof acceptInput>
): Promise<{ userId: string; email: string }> {
	const data = acceptInput.parse(input);
	const found = await findInvitation(db, token);
	if (!found.ok)
		throw new AccountError(
			found.reason === 'expired' ? 'invitation_expired' : 'invitation_used',
			'This invitation link cannot be used.'
		);
	const problem = passwordProblem(data.password, found.invitation.email);
	if (problem) throw new PasswordRejectedError(problem);
	const hash = await hashPassword(data.password);
	return db.transaction(async (tx) => {
		const [spent] = await tx
			.update(invitations)
			.set({ acceptedAt: sql`now()` })
			.where(
				and(
					eq(invitations.tokenHash, hashToken(token)),
					isNull(invitations.acceptedAt),
					isNull(invitations.revokedAt),
					gt(invitations.expiresAt, sql`now()`)
				)
			)
			.returning();
		if (!spent) throw new AccountError('invitation_used', 'This invitation link cannot be used.');
		const [taken] = await tx
			.select({ id: users.id })
			.from(users)
			.where(eq(users.email, spent.email));
		if (taken) throw new AccountError('exists', 'This e-mail address already has an account.');
		const userId = await insertPasswordUser(tx, {
			name: data.name,
			email: spent.email,
			role: spent.role,
			passwordHash: hash
		});
		if (spent.organizationId)
			await tx.insert(organizationMembers).values({ userId, organizationId: spent.organizationId });
		await recordAudit(
			tx,
			{
				actor: userId,
				action: 'invitation.accept',
				entityType: 'user',
				entityId: userId,
				details: {
					after: { role: spent.role, organizationId: spent.organizationId },
					invitation: spent.id
				}
			},
			PRIVATE
		);
		return { userId, email: spent.email };
	});
}
