import { z } from 'zod';
import { formatPath } from './strategy/problems.ts';

/** Every setting the app reads from the environment, validated once at start-up. */
const configSchema = z.object({
	PORT: z.coerce
		.number({ error: 'must be a port number' })
		.int('must be a whole number')
		.min(1, 'must be between 1 and 65535')
		.max(65535, 'must be between 1 and 65535')
		.default(3000),
	HOST: z.string().trim().min(1, 'must not be empty').default('0.0.0.0'),
	DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
	DATABASE_URL: z
		.string()
		.trim()
		.regex(
			/^postgres(ql)?:\/\/.+/,
			'must be a PostgreSQL URL such as postgres://user:password@host:5432/database'
		)
		.optional(),
	/** Connections an instance keeps to PostgreSQL at most: about two per core of the server. */
	DATABASE_POOL_SIZE: z.coerce
		.number({ error: 'must be a whole number' })
		.int('must be a whole number')
		.min(2, 'must be at least 2')
		.max(100, 'must be at most 100')
		.default(10),
	ORIGIN: z
		.url({
			protocol: /^https?$/,
			error: 'must be the public URL of the site, such as https://uddannelsesby.aalborg.dk'
		})
		.optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	/**
	 * Signs session cookies. When unset, a random secret is generated once and kept in the
	 * database, so every instance on one database shares it.
	 */
	AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
	/** smtp://user:password@host:587 or smtps://…; without it mail goes to the outbox in /admin. */
	SMTP_URL: z
		.string()
		.regex(
			/^smtps?:\/\/.+/,
			'must be an SMTP URL such as smtps://user:password@smtp.example.dk:465'
		)
		.optional(),
	MAIL_FROM: z.string().trim().min(3).default('Uddannelsesby <noreply@uddannelsesby.localhost>'),
	/**
	 * OpenID Connect sign-in, as JSON: [{"id":"entra","name":"Aalborg Kommune",
	 * "issuer":"https://login.microsoftonline.com/<tenant>/v2.0","clientId":"…","clientSecret":"…"}].
	 */
	OIDC_PROVIDERS: z
		.string()
		.transform((value, ctx) => {
			try {
				return JSON.parse(value) as unknown;
			} catch (error) {
				ctx.addIssue({ code: 'custom', message: `is not JSON: ${(error as Error).message}` });
				return z.NEVER;
			}
		})
		.pipe(
			z.array(
				z.object({
					id: z
						.string()
						.regex(/^[a-z0-9-]{2,32}$/, 'id must be 2-32 lower-case letters, digits or -'),
					name: z.string().min(1),
					issuer: z.url({ protocol: /^https?$/ }),
					clientId: z.string().min(1),
					clientSecret: z.string().min(1)
				})
			)
		)
		.default([]),
	/** Minutes without activity before a session ends, and hours before it ends regardless. */
	SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(120),
	SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
	/** Days without a sign-in before an account is flagged for deletion in /admin. */
	ACCOUNT_INACTIVE_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
	/**
	 * Map tiles for the offer map ({z}/{x}/{y} in the URL); empty turns the map off. The map
	 * loads only when a reader asks for it, so no tile request is made on page load.
	 */
	MAP_TILE_URL: z
		.string()
		.refine(
			(v) =>
				v === '' ||
				(/^https:\/\/[^/]+\//.test(v) && ['{z}', '{x}', '{y}'].every((p) => v.includes(p))),
			'must be empty or an https URL with {z}, {x} and {y}, such as https://tile.openstreetmap.org/{z}/{x}/{y}.png'
		)
		.default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
	MAP_ATTRIBUTION: z.string().max(300).default('© OpenStreetMap-bidragydere'),
	/**
	 * An address lookup for "nearest first from my address": a URL with {q} for the address,
	 * answering the address register's (DAWA) `struktur=mini` list or GeoJSON points
	 * (Nominatim, Photon, Pelias). Empty (the default): distance from postcodes only, and no
	 * address ever leaves the server.
	 */
	GEOCODER_URL: z
		.string()
		.trim()
		.refine(
			(v) => v === '' || (/^https?:\/\/[^/]+\//.test(v) && v.includes('{q}')),
			'must be empty or an http(s) URL with {q} for the address, such as https://api.dataforsyningen.dk/adresser?q={q}&struktur=mini&per_side=1'
		)
		.default(''),
	/** Days after which an offer not checked by its organisation is flagged to them as stale. */
	STALE_AFTER_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
	/**
	 * Minutes between runs of the mail that is due (job alerts, postings about to close, stale
	 * offers); 0 turns the in-process run off, for installations that run
	 * `uddannelsesby mail send-due` from cron instead.
	 */
	MAIL_TASKS_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
	/** Statistics Denmark's StatBank API, for `indicators sync` and the scheduled sync. */
	DST_API_URL: z
		.string()
		.trim()
		.refine(
			(v) => /^https?:\/\/[^/]+/.test(v),
			'must be an http(s) URL such as https://api.statbank.dk'
		)
		.default('https://api.statbank.dk'),
	/**
	 * Hours between the server's syncs of the indicators whose strategy file names a StatBank
	 * source (24 for daily); 0 (the default) turns the scheduled sync off.
	 */
	INDICATOR_SYNC_HOURS: z.coerce
		.number()
		.int()
		.min(0)
		.max(24 * 31)
		.default(0),
	/**
	 * Hours between the server's reads of the registered calendar feeds (1: hourly); 0 turns
	 * the scheduled read off (`npx uddannelsesby events sync` still reads them).
	 */
	EVENT_FEED_HOURS: z.coerce
		.number()
		.int()
		.min(0)
		.max(24 * 7)
		.default(1),
	/**
	 * Fetch from private, loopback and link-local addresses and over plain http. Only for
	 * tests against a local stand-in server; never in production.
	 */
	FEED_ALLOW_PRIVATE: z
		.enum(['true', 'false'], { error: 'must be true or false' })
		.default('false'),
	/**
	 * The bearer token /metrics asks for (Prometheus's `authorization: { credentials: … }`).
	 * Unset: /metrics answers 404.
	 */
	METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
	/**
	 * A port of its own for /metrics, without a token, on HOST; for a network where only the
	 * monitoring system reaches it. Unset: no such port.
	 */
	METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
	/** Where the server writes its backups. Default: the folder `backups` in DATA_DIR. */
	BACKUP_DIR: z.string().trim().min(1, 'must not be empty').optional(),
	/**
	 * Hours between the server's own backups; 0 turns them off. Default: 24 on the embedded
	 * database (which no other process can read while the server runs), 0 on PostgreSQL, whose
	 * backups are usually the database service's (see docs/operations.md).
	 */
	BACKUP_HOURS: z.coerce
		.number()
		.int()
		.min(0)
		.max(24 * 31)
		.optional(),
	/** How many of the server's backup files to keep; older ones are deleted. */
	BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
	/** Days mail is kept in the outbox (sent, failed or undelivered without SMTP). */
	RETAIN_MAIL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
	/** Days an invitation is kept after it expired, was accepted or was revoked. */
	RETAIN_INVITATION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
	/** Years a job or placement posting is kept after it closed. */
	RETAIN_CLOSED_POSTING_YEARS: z.coerce.number().int().min(1).max(20).default(2),
	/**
	 * Years the audit log is kept. The default covers a four-year strategy period and the
	 * council's report on it (see docs/operations.md, Retention).
	 */
	RETAIN_AUDIT_YEARS: z.coerce.number().int().min(1).max(30).default(5),
	/** Load the strategy and demo data into an empty database on first start. */
	SEED_ON_FIRST_START: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true')
});

const SECRET = /SECRET|SMTP_URL|OIDC|TOKEN/;

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	// An empty variable means "not set", as in most shells' `VAR= command`.
	const present = Object.fromEntries(
		Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
	);
	const result = configSchema.safeParse(present);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map((issue) => {
				const name = String(issue.path[0]);
				// Secrets are never echoed back; a nested problem names its place in the value.
				if (SECRET.test(name) || issue.path.length > 1)
					return `${formatPath(issue.path)}: ${issue.message}`;
				const value = present[name];
				return `${name}=${value === undefined ? '' : JSON.stringify(value)}: ${issue.message}`;
			})
		);
	}
	return result.data;
}

/** Where the site can be reached, for the start-up message. */
export function publicUrl(config: Config): string {
	if (config.ORIGIN) return config.ORIGIN;
	const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
	return `http://${host}:${config.PORT}`;
}

export function databaseTarget(config: Config) {
	return config.DATABASE_URL
		? ({ kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE } as const)
		: ({ kind: 'pglite', dataDir: config.DATA_DIR } as const);
}
