import { describe, expect, it } from 'vitest';
import { ConfigError, databaseTarget, loadConfig, publicUrl } from './config.ts';

describe('configuration from the environment', () => {
	it('has working defaults: port 3000 and the embedded database in ./data', () => {
		const config = loadConfig({});
		expect(config.PORT).toBe(3000);
		expect(databaseTarget(config)).toEqual({ kind: 'pglite', dataDir: './data' });
		expect(publicUrl(config)).toBe('http://localhost:3000');
	});

	it('switches to PostgreSQL when DATABASE_URL is set', () => {
		const config = loadConfig({
			DATABASE_URL: 'postgres://udb:hemmelig@db.aalborg.local:5432/udb'
		});
		expect(databaseTarget(config)).toEqual({
			kind: 'postgres',
			url: 'postgres://udb:hemmelig@db.aalborg.local:5432/udb',
			poolSize: 10
		});
		// About two connections per core of a small database server.
		expect(
			databaseTarget(loadConfig({ DATABASE_URL: 'postgres://db/udb', DATABASE_POOL_SIZE: '4' }))
		).toMatchObject({ poolSize: 4 });
		expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(
			'DATABASE_POOL_SIZE="1": must be at least 2'
		);
	});

	it('prefers ORIGIN as the public address', () => {
		expect(publicUrl(loadConfig({ ORIGIN: 'https://uddannelsesby.aalborg.dk' }))).toBe(
			'https://uddannelsesby.aalborg.dk'
		);
	});

	it('takes an address lookup only as an http(s) URL with {q}; none by default', () => {
		expect(loadConfig({}).GEOCODER_URL).toBe('');
		const dawa = 'https://api.dataforsyningen.dk/adresser?q={q}&struktur=mini&per_side=1';
		expect(loadConfig({ GEOCODER_URL: dawa }).GEOCODER_URL).toBe(dawa);
		for (const bad of ['https://api.dataforsyningen.dk/adresser', 'ftp://geo.example/{q}'])
			expect(() => loadConfig({ GEOCODER_URL: bad })).toThrow(
				`GEOCODER_URL="${bad}": must be empty or an http(s) URL with {q} for the address`
			);
	});

	it('treats an empty variable as unset', () => {
		expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
	});

	it('lists every invalid setting with its value and the reason', () => {
		let error: unknown;
		try {
			loadConfig({
				PORT: '70000',
				DATABASE_URL: 'mysql://localhost/udb',
				ORIGIN: 'uddannelsesby.dk',
				LOG_LEVEL: 'loud'
			});
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const problems = (error as ConfigError).problems;
		expect(problems).toHaveLength(4);
		expect(problems[0]).toBe('PORT="70000": must be between 1 and 65535');
		expect(problems[1]).toMatch(
			/^DATABASE_URL="mysql:\/\/localhost\/udb": must be a PostgreSQL URL/
		);
		expect(problems[2]).toMatch(/^ORIGIN="uddannelsesby.dk": must be the public URL of the site/);
		expect(problems[3]).toMatch(/^LOG_LEVEL="loud": /);
	});
});
