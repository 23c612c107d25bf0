import type { Cookies } from '@sveltejs/kit';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import {
	cookiePrefix,
	endSession,
	hasPassword,
	loadActor,
	secondFactorPending,
	sessionAge,
	type Actor,
	type Auth
} from '../accounts/index.ts';
import type { Db } from '../db/index.ts';

export interface SignedIn {
	user: {
		id: string;
		name: string;
		email: string;
		role: Actor['role'];
		twoFactorEnabled: boolean;
		/** Whether the account can sign in with a password (else only by single sign-on). */
		hasPassword: boolean;
	};
	actor: Actor;
	sessionId: string;
}

/** Whether the request carries any of our auth cookies (anonymous requests skip the database). */
export function hasAuthCookie(request: Request, baseUrl: string): boolean {
	const cookie = request.headers.get('cookie');
	return cookie !== null && cookie.includes(`${cookiePrefix(baseUrl)}.`);
}

/**
 * The signed-in user, if the session cookie names a live session of an enabled account that
 * is younger than the absolute limit. `setCookie` receives refreshed or cleared cookies.
 */
export async function resolveSession(
	auth: Auth,
	db: Db,
	request: Request,
	maxAgeMs: number,
	setCookie: (header: string) => void
): Promise<SignedIn | undefined> {
	const { headers, response } = await auth.api.getSession({
		headers: request.headers,
		returnHeaders: true
	});
	for (const cookie of headers.getSetCookie()) setCookie(cookie);
	if (!response) return undefined;
	if (sessionAge(new Date(response.session.createdAt)) > maxAgeMs) {
		await endSession(db, response.session.id);
		return undefined;
	}
	const loaded = await loadActor(db, response.user.id);
	if (!loaded) return undefined;
	const user = response.user as typeof response.user & { role: Actor['role'] };
	const twoFactorEnabled = Boolean(user.twoFactorEnabled);
	const withPassword = await hasPassword(db, user.id);
	// Defence in depth behind the /admin gate: until the required second factor is set up, the
	// actor itself may do nothing but manage its own account, whatever path reached the action.
	const actor: Actor = secondFactorPending(loaded.role, withPassword, twoFactorEnabled)
		? { ...loaded, secondFactorPending: true }
		: loaded;
	return {
		user: {
			id: user.id,
			name: user.name,
			email: user.email,
			role: actor.role,
			twoFactorEnabled,
			hasPassword: withPassword
		},
		actor,
		sessionId: response.session.id
	};
}

/** Copies better-auth's Set-Cookie headers onto SvelteKit's cookie jar (for form actions). */
export function applySetCookies(header: string | null, cookies: Cookies): void {
	if (!header) return;
	for (const [name, attributes] of parseSetCookieHeader(header)) {
		cookies.set(name, attributes.value, {
			...toCookieOptions(attributes),
			path: attributes.path || '/'
		});
	}
}
