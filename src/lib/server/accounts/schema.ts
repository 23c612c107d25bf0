import { bigint, boolean, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { index, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { primaryId, timestamps } from '../db/columns.ts';
import { organizations, organizationId } from '../directory/schema.ts';

// The first five tables are better-auth's (user, session, account, verification, twoFactor),
// under our own names; better-auth reads and writes them through its Drizzle adapter.

export const ROLES = ['administrator', 'editor', 'council', 'partner'] as const;
export type Role = (typeof ROLES)[number];

const stamps = {
	...timestamps()
};

export const users = pgTable('users', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	email: text('email').notNull().unique(),
	emailVerified: boolean('email_verified').notNull().default(false),
	image: text('image'),
	role: text('role').$type<Role>().notNull().default('partner'),
	/** A disabled account cannot sign in and has no sessions. */
	disabledAt: timestamp('disabled_at', { withTimezone: true }),
	lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
	twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
	...stamps
});

export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		token: text('token').notNull().unique(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		...stamps
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** How a user signs in: a password ("credential") or a linked OpenID Connect subject. */
export const authAccounts = pgTable(
	'auth_accounts',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
		scope: text('scope'),
		password: text('password'),
		...stamps
	},
	(t) => [index('auth_accounts_user_idx').on(t.userId)]
);

/** Single-use tokens (password reset, OAuth state); deleted when used. */
export const verifications = pgTable(
	'verifications',
	{
		id: text('id').primaryKey(),
		identifier: text('identifier').notNull(),
		value: text('value').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		...stamps
	},
	(t) => [index('verifications_identifier_idx').on(t.identifier)]
);

export const twoFactors = pgTable(
	'two_factors',
	{
		id: text('id').primaryKey(),
		secret: text('secret').notNull(),
		backupCodes: text('backup_codes').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		verified: boolean('verified').default(true),
		failedVerificationCount: integer('failed_verification_count').default(0),
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		/** The last TOTP time step accepted at sign-in: a code is accepted once, never again. */
		lastUsedStep: bigint('last_used_step', { mode: 'number' })
	},
	(t) => [index('two_factors_user_idx').on(t.userId), index('two_factors_secret_idx').on(t.secret)]
);

/** Which organisations a partner acts for; a partner edits only what these own. */
export const organizationMembers = pgTable(
	'organization_members',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		organizationId: organizationId(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.organizationId] }),
		index('organization_members_org_idx').on(t.organizationId)
	]
);

/** An editor's invitation: the link is single-use, expires, and proves the e-mail address. */
export const invitations = pgTable('invitations', {
	id: primaryId(),
	/** SHA-256 of the token in the link; the token itself is never stored. */
	tokenHash: text('token_hash').notNull().unique(),
	email: text('email').notNull(),
	role: text('role').$type<Role>().notNull(),
	organizationId: uuid('organization_id').references(() => organizations.id, {
		onDelete: 'cascade'
	}),
	invitedBy: text('invited_by').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	acceptedAt: timestamp('accepted_at', { withTimezone: true }),
	revokedAt: timestamp('revoked_at', { withTimezone: true })
});

/** Fixed-window counters for sign-in, reset and invitation attempts, shared by all instances. */
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
	key: text('key').primaryKey(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
	count: integer('count').notNull()
});
