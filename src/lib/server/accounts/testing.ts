import type { Db } from '../db/index.ts';
import { outboxMailer } from '../mail/index.ts';
import { createAuth, type OidcProviderConfig } from './auth.ts';

/** The origin the account tests pretend to serve. */
export const TEST_BASE_URL = 'http://localhost:5173';

/** better-auth as the server sets it up, with mail to the outbox and a fixed secret. */
export function testAuth(db: Db, oidcProviders: OidcProviderConfig[] = []) {
	return createAuth(db, {
		baseUrl: TEST_BASE_URL,
		secret: 'a-test-secret-that-is-long-enough-1234567890',
		mailer: outboxMailer,
		oidcProviders,
		sessionIdleMinutes: 60
	});
}
