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
	ORIGIN: z
		.url({
			protocol: /^https?$/,
			error: 'must be the public URL of the site, such as https://uddannelsesby.aalborg.dk'
		})
		.optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	/** Load the strategy and demo data into an empty database on first start. */
	SEED_ON_FIRST_START: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true')
});

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
				const name = formatPath(issue.path);
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
		? ({ kind: 'postgres', url: config.DATABASE_URL } as const)
		: ({ kind: 'pglite', dataDir: config.DATA_DIR } as const);
}
