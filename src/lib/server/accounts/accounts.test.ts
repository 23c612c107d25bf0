import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../db/testing.ts';
import { createOrganization } from '../directory/organizations.ts';
import { listOutbox, outboxMailer } from '../mail/index.ts';
import {
	invitedUser as invitedAccount,
	eachTestWithAuth,
	tokenOf,
	TEST_BASE_URL,
	TEST_PASSWORD
} from './testing.ts';
import {
	acceptInvitation,
	AccountError,
	deleteUser,
	exportUserData,
	findInvitation,
	ForbiddenError,
	inviteUser,
	loadActor,
	PasswordRejectedError,
	resetTwoFactor,
	setDisabled,
	setRole,
	SYSTEM_ACTOR
} from './index.ts';
import { sessions, twoFactors, users } from './schema.ts';
import { auditLog } from '../audit/schema.ts';

const BASE = TEST_BASE_URL;
const PASSWORD = TEST_PASSWORD;

describe.each(testEngines())('accounts on $name', (engine) => {
	const current = eachTestWithAuth(engine);

	const invitedUser = (
		email: string,
		role: 'administrator' | 'editor' | 'partner' | 'council',
		organizationId?: string
	) => invitedAccount(current.db, current.auth, email, role, organizationId);

	async function signIn(email: string, password = PASSWORD) {
		const { headers } = await current.auth.api.signInEmail({
			body: { email, password },
			headers: new Headers({ origin: BASE }),
			returnHeaders: true
		});
		const cookie = headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		return cookie;
	}

	it('turns an invitation into a verified account once, and mails the link', async () => {
		const org = await createOrganization(current.db, 'system', {
			name: 'Aalborg Handelsskole',
			kind: 'school'
		});
		const { url } = await inviteUser(
			current.db,
			outboxMailer,
			SYSTEM_ACTOR,
			{ email: 'Partner@Handelsskolen.dk', role: 'partner', organizationId: org.id },
			BASE
		);
		const [mail] = await listOutbox(current.db);
		expect(mail?.recipient).toBe('partner@handelsskolen.dk');
		// The mail went out with the link; the copy kept in the outbox has its token masked.
		expect(mail?.body).toContain(
			`${BASE}/invitation/${tokenOf(url).slice(0, 4)}…[fjernet / removed]`
		);
		expect(mail?.body).not.toContain(tokenOf(url));
		const found = await findInvitation(current.db, tokenOf(url));
		expect(found).toMatchObject({
			ok: true,
			invitation: { role: 'partner', organizationName: 'Aalborg Handelsskole' }
		});

		const context = await current.auth.$context;
		const hash = (p: string) => context.password.hash(p);
		await expect(
			acceptInvitation(current.db, hash, tokenOf(url), { name: 'Ida', password: 'kort' })
		).rejects.toBeInstanceOf(PasswordRejectedError);
		const { userId } = await acceptInvitation(current.db, hash, tokenOf(url), {
			name: 'Ida Holm',
			password: PASSWORD
		});
		await expect(
			acceptInvitation(current.db, hash, tokenOf(url), { name: 'Ida Holm', password: PASSWORD })
		).rejects.toBeInstanceOf(AccountError);
		expect(await findInvitation(current.db, tokenOf(url))).toEqual({ ok: false, reason: 'used' });
		const actor = await loadActor(current.db, userId);
		expect(actor).toMatchObject({ role: 'partner', organizationIds: [org.id] });

		const cookie = await signIn('partner@handelsskolen.dk');
		const session = await current.auth.api.getSession({ headers: new Headers({ cookie }) });
		expect(session?.user.email).toBe('partner@handelsskolen.dk');
	});

	it('gives a new session id at every sign-in (no session fixation)', async () => {
		await invitedUser('redaktoer@aalborg.dk', 'council');
		const first = await signIn('redaktoer@aalborg.dk');
		const second = await signIn('redaktoer@aalborg.dk');
		expect(first).not.toBe(second);
		// A made-up cookie value is not a session.
		const forged = await current.auth.api.getSession({
			headers: new Headers({ cookie: 'uddannelsesby.session_token=attacker-chosen.value' })
		});
		expect(forged).toBeNull();
	});

	it('ends every session when an account is disabled, and refuses sign-in after', async () => {
		const admin = await invitedUser('admin@aalborg.dk', 'administrator');
		const user = await invitedUser('laerer@skole.dk', 'council');
		const cookie = await signIn('laerer@skole.dk');
		const adminActor = (await loadActor(current.db, admin.userId))!;
		await setDisabled(current.db, adminActor, user.userId, true);
		expect(await current.auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
		await expect(signIn('laerer@skole.dk')).rejects.toThrow();
		await expect(setDisabled(current.db, adminActor, admin.userId, true)).rejects.toBeInstanceOf(
			AccountError
		);
	});

	it('an administrator resets a lost second factor: key gone, sessions ended, set-up required again', async () => {
		const admin = await invitedUser('admin@aalborg.dk', 'administrator');
		const editor = await invitedUser('redaktoer@aalborg.dk', 'editor');
		const cookie = await signIn('redaktoer@aalborg.dk');
		await current.db
			.insert(twoFactors)
			.values({ id: 'tf-1', secret: 'encrypted', backupCodes: 'encrypted', userId: editor.userId });
		await current.db
			.update(users)
			.set({ twoFactorEnabled: true })
			.where(eq(users.id, editor.userId));
		const adminActor = (await loadActor(current.db, admin.userId))!;
		await resetTwoFactor(current.db, adminActor, editor.userId);
		expect(
			await current.db.select().from(twoFactors).where(eq(twoFactors.userId, editor.userId))
		).toEqual([]);
		const [after] = await current.db.select().from(users).where(eq(users.id, editor.userId));
		expect(after?.twoFactorEnabled).toBe(false);
		expect(await current.auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
		const audit = await current.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'user.two-factor-reset'));
		expect(audit.map((a) => [a.actor, a.entityId])).toEqual([[admin.userId, editor.userId]]);
		// Not one's own, and not by an editor.
		await expect(resetTwoFactor(current.db, adminActor, admin.userId)).rejects.toMatchObject({
			code: 'own_two_factor'
		});
		const editorActor = (await loadActor(current.db, editor.userId))!;
		await expect(resetTwoFactor(current.db, editorActor, admin.userId)).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});

	it('ends sessions when the role changes, and keeps one administrator', async () => {
		const admin = await invitedUser('admin@aalborg.dk', 'administrator');
		const editor = await invitedUser('redaktoer@aalborg.dk', 'editor');
		await signIn('redaktoer@aalborg.dk');
		const adminActor = (await loadActor(current.db, admin.userId))!;
		await setRole(current.db, adminActor, editor.userId, 'council');
		expect(
			await current.db.select().from(sessions).where(eq(sessions.userId, editor.userId))
		).toEqual([]);
		await expect(setRole(current.db, adminActor, admin.userId, 'editor')).rejects.toMatchObject({
			code: 'last_administrator'
		});
		const editorActor = (await loadActor(current.db, editor.userId))!;
		await expect(setRole(current.db, editorActor, admin.userId, 'partner')).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});

	it('exports a person’s data and deletes the account with its sessions', async () => {
		const user = await invitedUser('elev.vejleder@skole.dk', 'council');
		await signIn('elev.vejleder@skole.dk');
		const actor = (await loadActor(current.db, user.userId))!;
		const data = await exportUserData(current.db, user.userId);
		expect(data.account.email).toBe('elev.vejleder@skole.dk');
		expect(data.sessions).toHaveLength(1);
		expect(JSON.stringify(data)).not.toContain('password');
		await deleteUser(current.db, actor, user.userId);
		expect(await loadActor(current.db, user.userId)).toBeUndefined();
		expect(
			await current.db.select().from(sessions).where(eq(sessions.userId, user.userId))
		).toEqual([]);
	});
});
