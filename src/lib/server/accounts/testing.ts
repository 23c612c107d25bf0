import { afterEach, beforeEach } from 'vitest';
import type { Database, Db } from '../db/index.ts';
import { outboxMailer } from '../mail/index.ts';
import { createAuth, type Auth, type OidcProviderConfig } from './auth.ts';
import { acceptInvitation, inviteUser, SYSTEM_ACTOR } from './invitations.ts';
import type { Role } from './schema.ts';

/** The origin the account tests pretend to serve. */
export const TEST_BASE_URL = 'http://localhost:5173';

/** better-auth as the server sets it up, with mail to the outbox and a fixed secret. */
export async function testAuth(db: Db, oidcProviders: OidcProviderConfig[] = []): Promise<Auth> {
	return createAuth(db, {
		baseUrl: TEST_BASE_URL,
		secret: 'a-test-secret-that-is-long-enough-1234567890',
		mailer: outboxMailer,
		oidcProviders,
		sessionIdleMinutes: 60
	});
}

/** The password the account tests sign in with. */
export const TEST_PASSWORD = 'grøn cykel ved Limfjorden';

/** The token at the end of an invitation's or a set-up link's address. */
export const tokenOf = (url: string): string => url.slice(url.lastIndexOf('/') + 1);

/** An account made as production makes one: invited, then the invitation accepted. */
export async function invitedUser(
	db: Db,
	auth: Auth,
	email: string,
	role: Role,
	organizationId?: string
) {
	const { url } = await inviteUser(
		db,
		outboxMailer,
		SYSTEM_ACTOR,
		{ email, role, organizationId },
		TEST_BASE_URL
	);
	const context = await auth.$context;
	return acceptInvitation(db, (p) => context.password.hash(p), tokenOf(url), {
		name: 'Mette Hansen',
		password: TEST_PASSWORD
	});
}

/**
 * For each test of the calling `describe` block: a fresh database of `engine` and better-auth
 * on it (as `testAuth` sets it up), closed after the test. Read them inside the tests.
 */
export function eachTestWithAuth(engine: { open(): Promise<Database> }): {
	db: Db;
	database: Database;
	auth: Auth;
} {
	let database: Database | undefined;
	let auth: Auth | undefined;
	beforeEach(async () => {
		database = await engine.open();
		auth = await testAuth(database.db);
	});
	afterEach(() => database?.close());
	const opened = <T>(value: T | undefined): T => {
		if (value === undefined) throw new Error('Read the test database inside a test.');
		return value;
	};
	return {
		get db() {
			return opened(database).db;
		},
		get database() {
			return opened(database);
		},
		get auth() {
			return opened(auth);
		}
	};
}
