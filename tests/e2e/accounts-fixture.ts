// Accounts for the end-to-end tests, made through the same services as production (an
// invitation per user; two-factor set up through better-auth), before the server starts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openAndMigrate, seedOnFirstStart } from '../../src/lib/server/bootstrap.ts';
import { databaseTarget, loadConfig, publicUrl } from '../../src/lib/server/config.ts';
import {
	acceptInvitation,
	authSecret,
	createAuth,
	inviteUser,
	SYSTEM_ACTOR,
	type Role
} from '../../src/lib/server/accounts/index.ts';
import { createOrganization } from '../../src/lib/server/directory/organizations.ts';
import { outboxMailer } from '../../src/lib/server/mail/index.ts';
import { totp } from '../support/totp.ts';

export const PASSWORD = 'grøn cykel ved Limfjorden';

export interface Fixture {
	/** The server process (the fixture is made in it), for tests that watch its memory. */
	pid: number;
	password: string;
	organizations: { a: string; b: string };
	users: Record<string, { email: string; id: string; role: Role; totpSecret?: string }>;
}

export async function createAccountsFixture(file: string): Promise<void> {
	const config = loadConfig();
	const database = await openAndMigrate(databaseTarget(config), 'the e2e fixture');
	try {
		await seedOnFirstStart(database);
		const db = database.db;
		const baseUrl = publicUrl(config);
		const auth = await createAuth(db, {
			baseUrl,
			secret: await authSecret(db, config.AUTH_SECRET),
			mailer: outboxMailer,
			oidcProviders: [],
			sessionIdleMinutes: 60
		});
		const context = await auth.$context;
		const a = await createOrganization(db, 'system', {
			name: 'Aalborg Tekniske Gymnasium',
			kind: 'school'
		});
		const b = await createOrganization(db, 'system', {
			name: 'Vejgaard Boldklub',
			kind: 'association'
		});
		const people: [string, Role, string | undefined][] = [
			['admin', 'administrator', undefined],
			['editor', 'editor', undefined],
			['council', 'council', undefined],
			['partnerA', 'partner', a.id],
			['partnerB', 'partner', b.id],
			['dummy', 'council', undefined],
			// An editor who has signed in with a password but not yet set up two-factor.
			['pendingEditor', 'editor', undefined],
			// An editor whose codes the replay test uses, apart from everyone else's sign-ins.
			['replayEditor', 'editor', undefined],
			['bruteforce', 'council', undefined],
			// Staff who sign in through the pages in one test each. A TOTP step signs in once per
			// account, so sharing an account between tests makes each later sign-in wait up to 30 s.
			['inviter', 'administrator', undefined],
			['approver', 'editor', undefined],
			['uploader', 'editor', undefined],
			['roundEditor', 'editor', undefined],
			['calendarEditor', 'editor', undefined],
			['programmeEditor', 'editor', undefined],
			['programmePartner', 'partner', a.id]
		];
		const users: Fixture['users'] = {};
		for (const [key, role, organizationId] of people) {
			const email = `${key.toLowerCase()}@e2e.aalborg.dk`;
			const { url } = await inviteUser(
				db,
				outboxMailer,
				SYSTEM_ACTOR,
				{ email, role, organizationId },
				baseUrl
			);
			const { userId } = await acceptInvitation(
				db,
				(p) => context.password.hash(p),
				url.split('/').pop()!,
				{
					name: `${key} (testbruger)`,
					password: PASSWORD
				}
			);
			users[key] = { email, id: userId, role };
			if ((role === 'administrator' || role === 'editor') && key !== 'pendingEditor') {
				const { headers } = await auth.api.signInEmail({
					body: { email, password: PASSWORD },
					returnHeaders: true
				});
				const cookie = headers
					.getSetCookie()
					.map((c) => c.split(';')[0])
					.join('; ');
				const enabled = await auth.api.enableTwoFactor({
					body: { password: PASSWORD },
					headers: new Headers({ cookie })
				});
				if (enabled.method !== 'totp') throw new Error('expected TOTP');
				const secret = new URL(enabled.totpURI).searchParams.get('secret')!;
				await auth.api.verifyTOTP({
					body: { code: totp(secret) },
					headers: new Headers({ cookie })
				});
				await auth.api.signOut({ headers: new Headers({ cookie }) });
				users[key]!.totpSecret = secret;
			}
		}
		const fixture: Fixture = {
			pid: process.pid,
			password: PASSWORD,
			organizations: { a: a.id, b: b.id },
			users
		};
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, JSON.stringify(fixture, null, 2));
	} finally {
		await database.close();
	}
}
