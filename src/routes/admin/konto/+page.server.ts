import { error, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import QRCode from 'qrcode';
import { localizedPath } from '$lib/i18n/routes.ts';
import { msg } from '$lib/i18n/message.ts';
import {
	AccountError,
	deleteUser,
	noteTwoFactorEnabled,
	signOutEverywhere,
	type Actor
} from '$lib/server/accounts/index.ts';
import { appAuth } from '$lib/server/app.ts';
import { attempt, field, formFailure, on, readForm } from '$lib/server/http/forms.ts';
import { applySetCookies } from '$lib/server/http/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = locals.user!;
	return {
		twoFactorEnabled: user.twoFactorEnabled,
		hasPassword: user.hasPassword,
		email: user.email,
		saved: url.searchParams.has('gemt')
	};
};

function actorOf(locals: App.Locals): Actor {
	if (!locals.actor) error(403, 'Forbidden');
	return locals.actor;
}

export const actions: Actions = {
	/** Step 1: confirm the password; the secret and backup codes are shown once. */
	enableTwoFactor: async (event) => {
		actorOf(event.locals);
		const form = await readForm(event);
		const password = field(form, 'password') ?? '';
		if (!password || password.length > 1000)
			return formFailure(400, { errors: { password: msg('field_required') } });
		const enabled = await attempt(
			() =>
				appAuth().auth.api.enableTwoFactor({
					body: { password },
					headers: event.request.headers,
					returnHeaders: true
				}),
			on(APIError, () => formFailure(400, { errors: { password: msg('wrong_password') } }))
		);
		if (!enabled.ok) return enabled.failure;
		const { headers, response } = enabled.value;
		applySetCookies(headers.get('set-cookie'), event.cookies);
		if (response.method !== 'totp') error(500, 'Two-factor sign-in is not set up for TOTP');
		const secret = new URL(response.totpURI).searchParams.get('secret') ?? '';
		const svg = await QRCode.toString(response.totpURI, { type: 'svg', margin: 1 });
		return {
			setup: {
				secret,
				qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
				backupCodes: response.backupCodes
			}
		};
	},
	/** Step 2: a code from the app proves the secret was stored; two-factor is then on. */
	verifyTwoFactor: async (event) => {
		const actor = actorOf(event.locals);
		const form = await readForm(event);
		const code = (field(form, 'code') ?? '').replace(/\s+/g, '');
		if (!/^\d{6}$/.test(code)) return formFailure(400, { errors: { code: msg('code_failed') } });
		const verified = await attempt(
			() =>
				appAuth().auth.api.verifyTOTP({
					body: { code },
					headers: event.request.headers,
					returnHeaders: true
				}),
			on(APIError, () => formFailure(400, { errors: { code: msg('code_failed') } }))
		);
		if (!verified.ok) return verified.failure;
		applySetCookies(verified.value.headers.get('set-cookie'), event.cookies);
		await noteTwoFactorEnabled(event.locals.db, actor);
		redirect(303, `${localizedPath('/admin/konto', event.locals.locale)}?gemt=1`);
	},
	signOutEverywhere: async (event) => {
		await signOutEverywhere(event.locals.db, actorOf(event.locals));
		redirect(303, `${localizedPath('/log-ind', event.locals.locale)}?besked=out`);
	},
	deleteAccount: async (event) => {
		const actor = actorOf(event.locals);
		const form = await readForm(event);
		const confirmation = (field(form, 'confirm') ?? '').trim().toLowerCase();
		if (confirmation !== actor.email.toLowerCase())
			return formFailure(400, { errors: { confirm: msg('delete_account_mismatch') } });
		const done = await attempt(
			() => deleteUser(event.locals.db, actor, actor.id),
			on(
				AccountError,
				() => formFailure(409, { message: msg('last_admin') }),
				(e) => e.code === 'last_administrator'
			)
		);
		if (!done.ok) return done.failure;
		redirect(303, localizedPath('/', event.locals.locale));
	}
};
