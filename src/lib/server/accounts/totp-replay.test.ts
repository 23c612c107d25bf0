import { describe, expect, it } from 'vitest';
import { testEngines } from '../db/testing.ts';
import { listOutbox, outboxMailer } from '../mail/index.ts';
import { totp } from '../../../../tests/support/totp.ts';
import { eachTestWithAuth, invitedUser, TEST_PASSWORD, tokenOf } from './testing.ts';
import { claimTotpStep, inviteUser, pendingSecondFactorUser, SYSTEM_ACTOR } from './index.ts';

const PASSWORD = TEST_PASSWORD;

describe.each(testEngines())('two-factor codes on $name', (engine) => {
	const current = eachTestWithAuth(engine);

	/** An editor with TOTP set up as the account page does it; returns the id, secret and cookie jar. */
	async function editorWithTotp() {
		const email = `redaktoer-${Math.random().toString(36).slice(2)}@aalborg.dk`;
		const { userId } = await invitedUser(current.db, current.auth, email, 'editor');
		const signIn = async () => {
			const { headers } = await current.auth.api.signInEmail({
				body: { email, password: PASSWORD },
				returnHeaders: true
			});
			return headers.getSetCookie().map((c) => c.split(';')[0]!);
		};
		const cookie = (await signIn()).join('; ');
		const enabled = await current.auth.api.enableTwoFactor({
			body: { password: PASSWORD },
			headers: new Headers({ cookie })
		});
		if (enabled.method !== 'totp') throw new Error('expected TOTP');
		const secret = new URL(enabled.totpURI).searchParams.get('secret')!;
		await current.auth.api.verifyTOTP({
			body: { code: totp(secret) },
			headers: new Headers({ cookie })
		});
		return { userId, secret, signIn, email };
	}

	it('accepts each code once, and no older code after a newer one', async () => {
		const { userId, secret } = await editorWithTotp();
		const now = Date.now();
		const step = Math.floor(now / 30_000);
		const at = (s: number) => totp(secret, s * 30_000);
		expect(await claimTotpStep(current.db, current.auth, userId, at(step), now)).toBe('claimed');
		expect(await claimTotpStep(current.db, current.auth, userId, at(step), now)).toBe('replayed');
		expect(await claimTotpStep(current.db, current.auth, userId, at(step - 1), now)).toBe(
			'replayed'
		);
		expect(await claimTotpStep(current.db, current.auth, userId, at(step + 1), now)).toBe(
			'claimed'
		);
		// A code from outside the window is better-auth's to refuse.
		expect(await claimTotpStep(current.db, current.auth, userId, at(step + 5), now)).toBe(
			'no-match'
		);
	});

	it('lets only one of two simultaneous uses of a code through', async () => {
		const { userId, secret } = await editorWithTotp();
		const code = totp(secret);
		const results = await Promise.all([
			claimTotpStep(current.db, current.auth, userId, code),
			claimTotpStep(current.db, current.auth, userId, code)
		]);
		expect(results.sort()).toEqual(['claimed', 'replayed']);
	});

	it('finds whose second step a signed two-factor cookie belongs to, and ignores a forged one', async () => {
		const { userId, signIn } = await editorWithTotp();
		const cookies = await signIn();
		const pending = cookies.find((c) => c.startsWith('uddannelsesby.two_factor='))!;
		const value = pending.slice(pending.indexOf('=') + 1);
		expect(await pendingSecondFactorUser(current.auth, value)).toBe(userId);
		const [plain] = decodeURIComponent(value).split('.');
		expect(
			await pendingSecondFactorUser(current.auth, `${plain}.${'A'.repeat(43)}=`)
		).toBeUndefined();
		expect(await pendingSecondFactorUser(current.auth, undefined)).toBeUndefined();
	});

	it('keeps no usable invitation or reset link in the outbox', async () => {
		const { url } = await inviteUser(
			current.db,
			outboxMailer,
			SYSTEM_ACTOR,
			{ email: 'ny@aalborg.dk', role: 'council' },
			'http://localhost:5173'
		);
		const editor = await editorWithTotp();
		await current.auth.api.requestPasswordReset({ body: { email: editor.email } });
		const token = tokenOf(url);
		const stored = (await listOutbox(current.db)).map((m) => m.body).join('\n');
		expect(stored).toContain('/invitation/');
		expect(stored).toContain('nulstil-adgangskode?token=');
		expect(stored).toContain('fjernet / removed');
		expect(stored).not.toContain(token);
		expect(stored).not.toMatch(/\/invitation\/[A-Za-z0-9_-]{12,}/);
		expect(stored).not.toMatch(/token=[A-Za-z0-9_-]{12,}/);
	});
});
