import { secondFactorPending, type Role } from '../accounts/index.ts';
import { routePath } from '../../i18n/routes.ts';

/** Pages that show or change private data: never cached, never shared. */
const PRIVATE_PREFIXES = [
	'/admin',
	'/log-ind',
	'/log-ud',
	'/glemt-adgangskode',
	'/nulstil-adgangskode',
	'/invitation',
	'/opsaetning',
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
	const needsSecondFactor = secondFactorPending(user.role, user.hasPassword, user.twoFactorEnabled);
	if (needsSecondFactor && route !== ACCOUNT_ROUTE && !route.startsWith(`${ACCOUNT_ROUTE}/`))
		return 'two-factor';
	return 'ok';
}

/**
 * The route a request reaches, as SvelteKit's router sees it. The router decodes the path
 * (`/%61dmin` reaches `/admin`), so a rule keyed on the raw path can be walked around. The
 * matched route id is the truth; a path no route matches is decoded and normalised the same
 * way (percent-escapes, repeated slashes), so the answer never depends on how it was spelled.
 */
export function canonicalRoute(pathname: string, routeId: string | null): string {
	if (routeId) return routeId.replace(/\/\([^/]+\)/g, '') || '/';
	let decoded = pathname;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		// A malformed escape: keep the raw path; no route matches it either.
	}
	return routePath(decoded.replace(/\/{2,}/g, '/'));
}
