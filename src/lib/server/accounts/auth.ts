import { eq, sql } from 'drizzle-orm';
import { appState, type Db } from '../db/index.ts';
import { betterAuth as loadBetterAuth } from '../lazy-modules.ts';
import type { Mailer } from '../mail/index.ts';
import { logger } from '../log.ts';
import { authAccounts, sessions, twoFactors, users, verifications } from './schema.ts';
import { resetPasswordMail } from './mails.ts';

export interface OidcProviderConfig {
	id: string;
	name: string;
	issuer: string;
	clientId: string;
	clientSecret: string;
}

export interface AuthSettings {
	/** The site's public origin, such as https://uddannelsesby.aalborg.dk. */
	baseUrl: string;
	secret: string;
	mailer: Mailer;
	oidcProviders: OidcProviderConfig[];
	sessionIdleMinutes: number;
	/** Shown in authenticator apps next to the code. */
	issuerName?: string;
}

/** The cookie names: `__Host-` on HTTPS (Secure, Path=/, no Domain), plain on http://localhost. */
export function cookiePrefix(baseUrl: string): string {
	return baseUrl.startsWith('https://') ? '__Host-uddannelsesby' : 'uddannelsesby';
}

/**
 * better-auth over our tables. Only the OpenID Connect callback is reached over HTTP; every
 * other call comes from a form action through `auth.api`, so the pages work without JavaScript.
 *
 * better-auth is loaded when the server (or a test) sets it up, not with the accounts module:
 * every command-line command imports that module, and better-auth took 0.4 s of each.
 */
export async function createAuth(db: Db, settings: AuthSettings) {
	const { betterAuth, drizzleAdapter, genericOAuth, twoFactor } = await loadBetterAuth();
	const secure = settings.baseUrl.startsWith('https://');
	return betterAuth({
		appName: settings.issuerName ?? 'Uddannelsesby',
		baseURL: settings.baseUrl,
		secret: settings.secret,
		telemetry: { enabled: false },
		// Into our structured log; a wrong password is routine, not a warning.
		logger: {
			level: 'debug',
			log(level, message, ...args) {
				const detail = args.length > 0 ? { component: 'auth', args } : { component: 'auth' };
				if (level === 'error') logger.error(detail, message);
				else if (level === 'warn') logger.info(detail, message);
				else logger.debug(detail, message);
			}
		},
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: {
				user: users,
				session: sessions,
				account: authAccounts,
				verification: verifications,
				twoFactor: twoFactors
			}
		}),
		user: {
			additionalFields: {
				role: { type: 'string', input: false, defaultValue: 'partner' },
				disabledAt: { type: 'date', input: false, required: false },
				lastLoginAt: { type: 'date', input: false, required: false }
			}
		},
		emailAndPassword: {
			enabled: true,
			// Accounts come from invitations; the invitation link proves the e-mail address.
			disableSignUp: true,
			requireEmailVerification: true,
			minPasswordLength: 8,
			maxPasswordLength: 128,
			resetPasswordTokenExpiresIn: 60 * 60,
			revokeSessionsOnPasswordReset: true,
			// The link opens our own page (which works without JavaScript), not the auth API.
			async sendResetPassword({ user, token }) {
				const url = `${settings.baseUrl.replace(/\/$/, '')}/nulstil-adgangskode?token=${encodeURIComponent(token)}`;
				await settings.mailer.send(db, resetPasswordMail(user.email, url));
			}
		},
		account: {
			// Single sign-on finds an existing account by its e-mail address only when the
			// provider says the address is verified (no `trustedProviders`: those skip that check,
			// which would let an unverified address take over an account).
			accountLinking: { enabled: true, allowDifferentEmails: false }
		},
		session: {
			expiresIn: settings.sessionIdleMinutes * 60,
			// Sliding expiry: the idle timeout restarts at most every five minutes of activity.
			updateAge: Math.min(5 * 60, settings.sessionIdleMinutes * 30),
			// Every request reads the session from the database, so disabling an account and
			// signing out everywhere take effect at once, on every instance.
			cookieCache: { enabled: false }
		},
		rateLimit: { enabled: false }, // our own limiter (rate-limit.ts) guards the forms
		// A single sign-on answer better-auth cannot use (a stale or forged state) lands on our
		// sign-in page with its error message, not on better-auth's JSON error page.
		onAPIError: { errorURL: `${settings.baseUrl.replace(/\/$/, '')}/log-ind?sso-fejl=1` },
		advanced: {
			cookiePrefix: cookiePrefix(settings.baseUrl),
			useSecureCookies: false,
			// Sessions keep no IP address (data minimisation); the user agent helps a person
			// recognise their own sessions in the data export.
			ipAddress: { disableIpTracking: true },
			defaultCookieAttributes: { secure, sameSite: 'lax', httpOnly: true, path: '/' }
		},
		databaseHooks: {
			session: {
				create: {
					async before(session) {
						const [user] = await db
							.select({ disabledAt: users.disabledAt })
							.from(users)
							.where(eq(users.id, session.userId));
						if (!user || user.disabledAt) return false;
						return { data: session };
					},
					async after(session) {
						await db
							.update(users)
							.set({ lastLoginAt: sql`now()` })
							.where(eq(users.id, session.userId));
					}
				}
			}
		},
		plugins: [
			twoFactor({
				issuer: settings.issuerName ?? 'Uddannelsesby',
				totpOptions: { digits: 6, period: 30 }
			}),
			genericOAuth({
				config: settings.oidcProviders.map((p) => ({
					providerId: p.id,
					discoveryUrl: `${p.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
					clientId: p.clientId,
					clientSecret: p.clientSecret,
					scopes: ['openid', 'email', 'profile'],
					pkce: true,
					requireIdTokenVerification: true,
					// Staff and schools sign in only to accounts that exist or were invited.
					disableImplicitSignUp: true,
					disableSignUp: true
				}))
			})
		]
	});
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

/**
 * The secret that signs cookies: AUTH_SECRET, or one generated on first use and kept in the
 * database so that every instance on the same database agrees.
 */
export async function authSecret(db: Db, configured: string | undefined): Promise<string> {
	if (configured) return configured;
	const generated = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
	await db
		.insert(appState)
		.values({ key: 'auth-secret', value: generated })
		.onConflictDoNothing({ target: appState.key });
	const [row] = await db.select().from(appState).where(eq(appState.key, 'auth-secret'));
	return row!.value as string;
}
