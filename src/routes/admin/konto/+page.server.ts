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
import { field, formFailure, readForm } from '$lib/server/http/forms.ts';
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
		try {
			const { headers, response } = await appAuth().auth.api.enableTwoFactor({
				body: { password },
				headers: event.request.headers,
				returnHeaders: true
			});
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
		} catch (e) {
			if (!(e instanceof APIError)) throw e;
			return formFailure(400, { errors: { password: msg('wrong_password') } });
		}
	},
	/** Step 2: a code from the app proves the secret was stored; two-factor is then on. */
	verifyTwoFactor: async (event) => {
		const actor = actorOf(event.locals);
		const form = await readForm(event);
		const code = (field(form, 'code') ?? '').replace(/\s+/g, '');
		if (!/^\d{6}$/.test(code)) return formFailure(400, { errors: { code: msg('code_failed') } });
		try {
			const { headers } = await appAuth().auth.api.verifyTOTP({
				body: { code },
				headers: event.request.headers,
				returnHeaders: true
			});
			applySetCookies(headers.get('set-cookie'), event.cookies);
		} catch (e) {
			if (!(e instanceof APIError)) throw e;
			return formFailure(400, { errors: { code: msg('code_failed') } });
		}
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
		try {
			await deleteUser(event.locals.db, actor, actor.id);
		} catch (e) {
			if (e instanceof AccountError && e.code === 'last_administrator')
				return formFailure(409, { message: msg('last_admin') });
			throw e;
		}
		redirect(303, localizedPath('/', event.locals.locale));
	}
};
