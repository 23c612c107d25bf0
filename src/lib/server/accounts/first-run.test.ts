import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/index.ts';
import { testEngines } from '../db/testing.ts';
import { eachTestWithAuth, invitedUser, TEST_BASE_URL, TEST_PASSWORD, tokenOf } from './testing.ts';
import { completeFirstRun, findFirstRun, openFirstRun, PasswordRejectedError } from './index.ts';
import { users } from './schema.ts';

const PERSON = { name: 'Mette Hansen', email: 'It@Aalborg.dk', password: TEST_PASSWORD };

describe.each(testEngines())('first administrator on $name', (engine) => {
	const current = eachTestWithAuth(engine);
	let hash: (plain: string) => Promise<string>;
	beforeEach(async () => {
		const context = await current.auth.$context;
		hash = (plain) => context.password.hash(plain);
	});

	it('makes an administrator from the link, once, and spends every open link', async () => {
		const first = (await openFirstRun(current.db, `${TEST_BASE_URL}/`))!;
		const second = (await openFirstRun(current.db, TEST_BASE_URL))!;
		expect(first.url).toMatch(new RegExp(`^${TEST_BASE_URL}/opsaetning/[A-Za-z0-9_-]{43}$`));
		expect(first.url).not.toBe(second.url);
		expect(await findFirstRun(current.db, tokenOf(second.url))).toEqual({ ok: true });

		const made = await completeFirstRun(current.db, hash, tokenOf(first.url), PERSON);
		expect(made.email).toBe('it@aalborg.dk');
		const [user] = await current.db.select().from(users).where(eq(users.id, made.userId));
		expect(user).toMatchObject({ role: 'administrator', emailVerified: true });
		const [audit] = await current.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entityId, made.userId));
		expect(audit?.action).toBe('setup.firstAdministrator');

		// Both links are spent, and no new one is offered while an administrator exists.
		expect(await findFirstRun(current.db, tokenOf(first.url))).toEqual({
			ok: false,
			reason: 'done'
		});
		await expect(
			completeFirstRun(current.db, hash, tokenOf(second.url), { ...PERSON, email: 'b@aalborg.dk' })
		).rejects.toMatchObject({ code: 'first_run_done' });
		expect(await openFirstRun(current.db, TEST_BASE_URL)).toBeUndefined();
		const signedIn = await current.auth.api.signInEmail({
			body: { email: 'it@aalborg.dk', password: TEST_PASSWORD }
		});
		expect(signedIn.user.email).toBe('it@aalborg.dk');
	});

	it('refuses an expired, unknown or malformed link and a weak password, and changes nothing', async () => {
		const start = new Date('2026-12-04T10:00:00Z');
		const link = (await openFirstRun(current.db, TEST_BASE_URL, start))!;
		const token = tokenOf(link.url);
		const later = new Date(start.getTime() + 60 * 60_000);
		expect(await findFirstRun(current.db, token, later)).toEqual({ ok: false, reason: 'expired' });
		await expect(completeFirstRun(current.db, hash, token, PERSON, later)).rejects.toMatchObject({
			code: 'first_run_expired'
		});
		expect(await findFirstRun(current.db, 'x'.repeat(43))).toEqual({
			ok: false,
			reason: 'unknown'
		});
		expect(await findFirstRun(current.db, '../../etc')).toEqual({ ok: false, reason: 'unknown' });
		await expect(
			completeFirstRun(current.db, hash, token, { ...PERSON, password: 'kort' }, start)
		).rejects.toBeInstanceOf(PasswordRejectedError);
		expect(await current.db.select().from(users)).toHaveLength(0);
		// A new link removes the expired one.
		await openFirstRun(current.db, TEST_BASE_URL, new Date(later.getTime() + 1));
		expect(await findFirstRun(current.db, token, start)).toEqual({ ok: false, reason: 'unknown' });
	});

	it('offers a link while the only administrator is disabled', async () => {
		const admin = await invitedUser(current.db, current.auth, 'a@aalborg.dk', 'administrator');
		await invitedUser(current.db, current.auth, 'b@aalborg.dk', 'editor');
		expect(await openFirstRun(current.db, TEST_BASE_URL)).toBeUndefined();
		await current.db
			.update(users)
			.set({ disabledAt: new Date() })
			.where(eq(users.id, admin.userId));
		expect(await openFirstRun(current.db, TEST_BASE_URL)).toBeDefined();
	});
});
