import { requiresTwoFactor, type Role } from '../accounts/index.ts';

/** Pages that show or change private data: never cached, never shared. */
const PRIVATE_PREFIXES = [
	'/admin',
	'/log-ind',
	'/log-ud',
	'/glemt-adgangskode',
	'/nulstil-adgangskode',
	'/invitation',
	// Pages reached by a personal link from an alert mail.
	'/job/besked'
];

export function isPrivateRoute(route: string): boolean {
	return PRIVATE_PREFIXES.some((p) => route === p || route.startsWith(`${p}/`));
}

/** The account page, where a required second factor is set up. */
export const ACCOUNT_ROUTE = '/admin/konto';

/**
 * Whether a request may reach an /admin route: 'login' without a session, 'two-factor' when
 * the role needs a second factor that is not set up yet (only the account page is open then).
 */
export function adminGate(
	route: string,
	user: { role: Role; twoFactorEnabled: boolean; hasPassword: boolean } | undefined
): 'open' | 'ok' | 'login' | 'two-factor' {
	if (route !== '/admin' && !route.startsWith('/admin/')) return 'open';
	if (!user) return 'login';
	// Staff who sign in through their organisation's single sign-on get its multi-factor check;
	// a password sign-in needs our own.
	const needsSecondFactor =
		requiresTwoFactor(user.role) && user.hasPassword && !user.twoFactorEnabled;
	if (needsSecondFactor && route !== ACCOUNT_ROUTE && !route.startsWith(`${ACCOUNT_ROUTE}/`))
		return 'two-factor';
	return 'ok';
}
