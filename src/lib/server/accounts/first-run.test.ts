import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/index.ts';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { invitedUser, testAuth, TEST_BASE_URL, TEST_PASSWORD } from './testing.ts';
import {
	completeFirstRun,
	findFirstRun,
	openFirstRun,
	PasswordRejectedError,
	type Auth
} from './index.ts';
import { users } from './schema.ts';

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const PERSON = { name: 'Mette Hansen', email: 'It@Aalborg.dk', password: TEST_PASSWORD };

describe.each(testEngines())('first administrator on $name', (engine) => {
	let database: Database;
	let auth: Auth;
	let hash: (plain: string) => Promise<string>;
	beforeEach(async () => {
		database = await engine.open();
		auth = await testAuth(database.db);
		const context = await auth.$context;
		hash = (plain) => context.password.hash(plain);
	});
	afterEach(async () => {
		await database.close();
	});

	it('makes an administrator from the link, once, and spends every open link', async () => {
		const first = (await openFirstRun(database.db, `${TEST_BASE_URL}/`))!;
		const second = (await openFirstRun(database.db, TEST_BASE_URL))!;
		expect(first.url).toMatch(new RegExp(`^${TEST_BASE_URL}/opsaetning/[A-Za-z0-9_-]{43}$`));
		expect(first.url).not.toBe(second.url);
		expect(await findFirstRun(database.db, tokenOf(second.url))).toEqual({ ok: true });

		const made = await completeFirstRun(database.db, hash, tokenOf(first.url), PERSON);
		expect(made.email).toBe('it@aalborg.dk');
		const [user] = await database.db.select().from(users).where(eq(users.id, made.userId));
		expect(user).toMatchObject({ role: 'administrator', emailVerified: true });
		const [audit] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entityId, made.userId));
		expect(audit?.action).toBe('setup.firstAdministrator');

		// Both links are spent, and no new one is offered while an administrator exists.
		expect(await findFirstRun(database.db, tokenOf(first.url))).toEqual({
			ok: false,
			reason: 'done'
		});
		await expect(
			completeFirstRun(database.db, hash, tokenOf(second.url), { ...PERSON, email: 'b@aalborg.dk' })
		).rejects.toMatchObject({ code: 'first_run_done' });
		expect(await openFirstRun(database.db, TEST_BASE_URL)).toBeUndefined();
		const signedIn = await auth.api.signInEmail({
			body: { email: 'it@aalborg.dk', password: TEST_PASSWORD }
		});
		expect(signedIn.user.email).toBe('it@aalborg.dk');
	});

	it('refuses an expired, unknown or malformed link and a weak password, and changes nothing', async () => {
		const start = new Date('2026-12-04T10:00:00Z');
		const link = (await openFirstRun(database.db, TEST_BASE_URL, start))!;
		const token = tokenOf(link.url);
		const later = new Date(start.getTime() + 60 * 60_000);
		expect(await findFirstRun(database.db, token, later)).toEqual({ ok: false, reason: 'expired' });
		await expect(completeFirstRun(database.db, hash, token, PERSON, later)).rejects.toMatchObject({
			code: 'first_run_expired'
		});
		expect(await findFirstRun(database.db, 'x'.repeat(43))).toEqual({
			ok: false,
			reason: 'unknown'
		});
		expect(await findFirstRun(database.db, '../../etc')).toEqual({ ok: false, reason: 'unknown' });
		await expect(
			completeFirstRun(database.db, hash, token, { ...PERSON, password: 'kort' }, start)
		).rejects.toBeInstanceOf(PasswordRejectedError);
		expect(await database.db.select().from(users)).toHaveLength(0);
		// A new link removes the expired one.
		await openFirstRun(database.db, TEST_BASE_URL, new Date(later.getTime() + 1));
		expect(await findFirstRun(database.db, token, start)).toEqual({ ok: false, reason: 'unknown' });
	});

	it('offers a link while the only administrator is disabled', async () => {
		const admin = await invitedUser(database.db, auth, 'a@aalborg.dk', 'administrator');
		await invitedUser(database.db, auth, 'b@aalborg.dk', 'editor');
		expect(await openFirstRun(database.db, TEST_BASE_URL)).toBeUndefined();
		await database.db
			.update(users)
			.set({ disabledAt: new Date() })
			.where(eq(users.id, admin.userId));
		expect(await openFirstRun(database.db, TEST_BASE_URL)).toBeDefined();
	});
});
