import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { startStubStatbank } from '../src/lib/server/indicators/statbank-testing.ts';
import { createScratchDatabase, migratedDataDir } from '../src/lib/server/db/testing.ts';
import { EXIT, main } from './main.ts';

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

// Each test opens its embedded database several times, and the longer ones took 15–25 s alone:
// with the rest of the suite beside them, 30 s was too close.
describe('uddannelsesby command', { timeout: 120_000 }, () => {
	let dataDir: string;
	const saved = process.env.DATA_DIR;
	const savedUrl = process.env.DATABASE_URL;
	// A migrated, empty database in each test's data directory (a copy: creating one takes
	// seconds). The migration test makes an empty directory of its own.
	beforeEach(async () => {
		dataDir = await migratedDataDir('udb-cli-');
		process.env.DATA_DIR = dataDir;
		delete process.env.DATABASE_URL;
	});
	afterEach(() => {
		rmSync(dataDir, { recursive: true, force: true });
		if (saved === undefined) delete process.env.DATA_DIR;
		else process.env.DATA_DIR = saved;
		if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
	});

	it('backs up the embedded database and restores it into another, and into PostgreSQL', async () => {
		const c = capture();
		expect(
			await main(['strategy', 'load', 'strategies/aalborg-2023-2026.yaml', '--activate'], c.io)
		).toBe(EXIT.ok);
		const file = join(dataDir, 'first.backup.gz');
		expect(await main(['backup', 'create', file], c.io)).toBe(EXIT.ok);
		expect(c.out.at(-1)).toMatch(
			/^Backed up PGlite in .* to .*first\.backup\.gz: \d+ tables, \d+ rows, migration \d{4}_\w+, \d+ kB in \d+\.\d s\.$/
		);
		expect(await main(['backup', 'create', file], c.io)).toBe(EXIT.rejected);
		expect(c.err.at(-1)).toMatch(/exists already/);
		expect(await main(['backup', 'show', file], c.io)).toBe(EXIT.ok);
		expect(c.out.join('\n')).toMatch(/strategies\s+1 rows/);

		const second = mkdtempSync(join(tmpdir(), 'udb-cli-restore-'));
		try {
			process.env.DATA_DIR = second;
			expect(await main(['backup', 'restore', file], c.io)).toBe(EXIT.ok);
			expect(c.out.at(-1)).toMatch(/every table's row count and checksum match the manifest\.$/);
			expect(await main(['strategy', 'list'], c.io)).toBe(EXIT.ok);
			expect(c.out.at(-1)).toMatch(/^\* aalborg-2023-2026/);
			expect(await main(['backup', 'restore', file], c.io)).toBe(EXIT.rejected);
			expect(c.err.at(-1)).toMatch(/is not empty \(\d+ tables\)\. .* pass --force/);
			expect(await main(['backup', 'restore', file, '--force'], c.io)).toBe(EXIT.ok);
		} finally {
			rmSync(second, { recursive: true, force: true });
		}
		const url = process.env.TEST_DATABASE_URL;
		if (!url) return;
		const scratch = await createScratchDatabase(url);
		try {
			process.env.DATABASE_URL = scratch.url;
			expect(await main(['backup', 'restore', file], c.io)).toBe(EXIT.ok);
			expect(c.out.at(-1)).toMatch(/into PostgreSQL at/);
			expect(await main(['strategy', 'list'], c.io)).toBe(EXIT.ok);
			expect(c.out.at(-1)).toMatch(/^\* aalborg-2023-2026/);
		} finally {
			delete process.env.DATABASE_URL;
			await scratch.drop();
		}
	});

	it('users reset-two-factor names an unknown address and changes nothing', async () => {
		const c = capture();
		expect(await main(['users', 'reset-two-factor', 'ingen@aalborg.dk'], c.io)).toBe(EXIT.rejected);
		expect(c.err).toEqual(['No account with the e-mail address ingen@aalborg.dk.']);
		expect(await main(['users', 'reset-two-factor'], c.io)).toBe(EXIT.rejected);
	});

	it('syncs an indicator from a StatBank stand-in, and says when the table has not changed', async () => {
		const stub = await startStubStatbank();
		process.env.DST_API_URL = stub.url;
		process.env.FEED_ALLOW_PRIVATE = 'true';
		try {
			const c = capture();
			expect(await main(['strategy', 'load', 'strategies/aalborg-2023-2026.yaml'], c.io)).toBe(
				EXIT.ok
			);
			const selection = '{"OMRÅDE":["851","000"],"Tid":["2023","2024"]}';
			const args = ['indicators', 'sync', 'frafald', '--table', 'TESTFRAFALD', '--selection'];
			expect(await main([...args, selection], c.io)).toBe(EXIT.ok);
			expect(await main([...args, selection], c.io)).toBe(EXIT.ok);
			expect(c.out.slice(1)).toEqual([
				'frafald: imported TESTFRAFALD (updated 2026-02-12T07:00:00.000Z): 4 added, 0 changed, 0 removed, 0 unchanged.',
				'frafald: TESTFRAFALD has not changed since 2026-02-12T07:00:00.000Z; nothing fetched.'
			]);
			expect(await main([...args, '{"OMRÅDE":["999"]}'], c.io)).toBe(EXIT.failure);
			expect(c.err).toEqual([
				'frafald: variable OMRÅDE in table TESTFRAFALD has no value "999": renamed or removed by Statistics Denmark?'
			]);
			// The shipped strategy names no StatBank table (none could be checked offline).
			expect(await main(['indicators', 'sync'], c.io)).toBe(EXIT.rejected);
			expect(await main(['indicators', 'sync', '--table', 'X'], c.io)).toBe(EXIT.rejected);
		} finally {
			delete process.env.DST_API_URL;
			delete process.env.FEED_ALLOW_PRIVATE;
			await stub.close();
		}
	});

	it('lists pending migrations with --dry-run without applying them, then applies them', async () => {
		const c = capture();
		const empty = mkdtempSync(join(tmpdir(), 'udb-cli-empty-'));
		onTestFinished(() => rmSync(empty, { recursive: true, force: true }));
		process.env.DATA_DIR = empty;
		expect(await main(['migrate', '--dry-run'], c.io)).toBe(EXIT.ok);
		expect(c.out[0]).toMatch(/^\d+ pending migrations \(nothing applied, --dry-run\):\n {2}0000_/);
		expect(c.out[0]).toContain('\n  0023_statbank_sync');
		expect(await main(['migrate', '--dry-run'], c.io)).toBe(EXIT.ok);
		expect(c.out[1]).toBe(c.out[0]); // the dry run changed nothing
		expect(await main(['migrate'], c.io)).toBe(EXIT.ok);
		expect(c.out[2]).toMatch(/^Applied \d+ migrations:/);
		expect(await main(['migrate', '--dry-run'], c.io)).toBe(EXIT.ok);
		expect(c.out[3]).toMatch(/^The database is current \(\d{4}_[a-z_]+\); nothing to apply\.$/);
	});

	it('validates the shipped strategy', async () => {
		const c = capture();
		expect(await main(['strategy', 'validate', 'strategies/aalborg-2023-2026.yaml'], c.io)).toBe(
			EXIT.ok
		);
		expect(c.out.join('\n')).toBe(
			'strategies/aalborg-2023-2026.yaml is valid: Uddannelsesstrategi 2023-2026 (aalborg-2023-2026), 3 pejlemærker, 7 indicators.'
		);
	});

	it('refuses a strategy whose indicator names a comparison group that does not exist', async () => {
		const c = capture();
		const file = join(dataDir, 'strategi.yaml');
		const { readFileSync } = await import('node:fs');
		writeFileSync(
			file,
			readFileSync('strategies/aalborg-2023-2026.yaml', 'utf8').replace(
				'      - code: frafald\n',
				'      - code: frafald\n        comparisonGroup: nabokommuner\n'
			)
		);
		expect(await main(['strategy', 'validate', file], c.io)).toBe(EXIT.rejected);
		expect(c.err).toEqual([
			`${file} is not a valid strategy (1 problem):\n` +
				'guideposts[0].indicators[0].comparisonGroup: no comparison group "nabokommuner" in taxonomy/comparison-groups.yaml (it has region-nordjylland, seks-stoerste)'
		]);
	});

	it('loads, lists and activates strategies', async () => {
		const c = capture();
		expect(await main(['strategy', 'load', 'strategies/aalborg-2023-2026.yaml'], c.io)).toBe(
			EXIT.ok
		);
		expect(await main(['strategy', 'list'], c.io)).toBe(EXIT.ok);
		expect(c.out).toEqual([
			'Stored strategy aalborg-2023-2026; it is the active strategy.',
			'* aalborg-2023-2026  Uddannelsesstrategi 2023-2026 (2023-2026)'
		]);
		expect(await main(['strategy', 'activate', 'aalborg-2030-2033'], c.io)).toBe(EXIT.rejected);
		expect(c.err).toEqual(['No strategy with slug "aalborg-2030-2033" is stored.']);
	});

	it('imports programmes and their figures all or nothing, naming each problem', async () => {
		const c = capture();
		const programmes = join(dataDir, 'uddannelser.csv');
		writeFileSync(
			programmes,
			'id;institution;titel;niveau;ansoeg;kilde\nx-1;Ingen Skole;Smed;eud;institution;egen side\n'
		);
		expect(await main(['programmes', 'import', programmes], c.io)).toBe(EXIT.rejected);
		expect(c.err).toEqual([
			`${programmes} was rejected; nothing was imported (1 problem):`,
			'  row 2, column "institution": no organisation in the directory is named or has the slug "Ingen Skole"'
		]);
		const figures = join(dataDir, 'tal.csv');
		writeFileSync(figures, 'uddannelse;aar;adgangskvotient;kilde\nx-1;2025;7,2;ug.dk\n');
		expect(await main(['programmes', 'outcomes', 'import', figures], c.io)).toBe(EXIT.rejected);
		expect(c.err.at(-1)).toBe('  row 2, column "uddannelse": no programme has the id "x-1"');
		expect(await main(['programmes', 'export'], c.io)).toBe(EXIT.rejected);
	});

	it('imports initiatives all or nothing, and exports them in the same columns', async () => {
		const c = capture();
		expect(await main(['strategy', 'load', 'strategies/aalborg-2023-2026.yaml'], c.io)).toBe(
			EXIT.ok
		);
		const header =
			'id;titel;titel_en;handlinger;indikatorer;ansvarlig;partnere;start;slut;status;fremdrift;beskrivelse';
		const good = join(dataDir, 'indsatser.csv');
		writeFileSync(
			good,
			`${header}\nI-1;Lektiecafé;;1.1;frafald;Aalborg Bibliotekerne;;01-08-2025;;i-gang;30 %;Hjælp til lektier\n`
		);
		expect(await main(['initiatives', 'import', good], c.io)).toBe(EXIT.rejected);
		expect(c.err.join('\n')).toContain(
			'row 2, column "ansvarlig": no organisation is called "Aalborg Bibliotekerne"'
		);
		expect(await main(['initiatives', 'import', good, '--create-organisations'], c.io)).toBe(
			EXIT.ok
		);
		expect(c.out.at(-1)).toBe(
			`Imported ${good}: 1 initiative added, 0 updated; created the organisations Aalborg Bibliotekerne.`
		);
		expect(await main(['initiatives', 'export', '--format', 'csv'], c.io)).toBe(EXIT.ok);
		expect(c.out.at(-1)).toBe(
			`${header}\r\nI-1;Lektiecafé;;1.1;frafald;Aalborg Bibliotekerne;;2025-08-01;;i-gang;30;Hjælp til lektier`
		);
		expect(await main(['initiatives', 'export', '--format', 'pdf'], c.io)).toBe(EXIT.rejected);
		// No round is closed yet: there is no report to build.
		expect(await main(['report', 'build', '--round', 'latest', '--out', dataDir], c.io)).toBe(
			EXIT.rejected
		);
		expect(c.err.at(-1)).toBe('No reporting round is closed yet.');
	});

	it('rejects a missing file and unknown commands with exit code 2', async () => {
		const c = capture();
		expect(await main(['strategy', 'validate', 'strategies/findes-ikke.yaml'], c.io)).toBe(
			EXIT.rejected
		);
		expect(c.err[0]).toMatch(/^Cannot read strategies\/findes-ikke.yaml: ENOENT/);
		expect(await main(['strategi', 'list'], c.io)).toBe(EXIT.rejected);
		expect(await main(['strategy', 'delete'], c.io)).toBe(EXIT.rejected);
		expect(await main(['strategy', 'load', '--aktiver', 'x.yaml'], c.io)).toBe(EXIT.rejected);
	});

	it('imports indicator data all or nothing, with a dry run first', async () => {
		const { writeFileSync } = await import('node:fs');
		const c = capture();
		expect(await main(['strategy', 'load', 'strategies/aalborg-2023-2026.yaml'], c.io)).toBe(
			EXIT.ok
		);
		const bad = join(dataDir, 'frafald.csv');
		writeFileSync(bad, 'periode;område;værdi\n2022;851;10,5\n2023;851;9.5\n');
		expect(await main(['indicators', 'import', 'frafald', bad], c.io)).toBe(EXIT.rejected);
		expect(c.err).toEqual([
			`${bad} was rejected; nothing was imported (1 problem):`,
			'  row 3, column "værdi": "9.5" has a decimal point, but this file uses decimal comma: write 9,5'
		]);
		writeFileSync(bad, 'periode;område;værdi\n2022;851;10,5\n2023;851;9,5\n');
		expect(await main(['indicators', 'import', 'frafald', bad, '--dry-run'], c.io)).toBe(EXIT.ok);
		expect(await main(['indicators', 'import', 'frafald', bad], c.io)).toBe(EXIT.ok);
		expect(await main(['indicators', 'import', 'lykke', bad], c.io)).toBe(EXIT.rejected);
		expect(c.out.slice(1)).toEqual([
			`${bad}: 2 rows for 2022, 2023. Would add 2, change 0, remove 0; 0 unchanged. Nothing written (--dry-run).`,
			'Replaces only what the file covers: 2022, 2023, area Aalborg Municipality (851), totals. Other areas and breakdowns are kept.',
			'For example:\n  + 2022 Aalborg Municipality (851): 10.5\n  + 2023 Aalborg Municipality (851): 9.5',
			`Imported ${bad} into frafald: 2 added, 0 changed, 0 removed, 0 unchanged.`,
			'Replaces only what the file covers: 2022, 2023, area Aalborg Municipality (851), totals. Other areas and breakdowns are kept.'
		]);
		// A dry run of a changed file shows the change, with the value before it.
		writeFileSync(bad, 'periode;område;værdi\n2022;851;10,1\n');
		expect(
			await main(['indicators', 'import', 'frafald', bad, '--dry-run', '--replace-periods'], c.io)
		).toBe(EXIT.ok);
		expect(c.out.slice(-2)).toEqual([
			'Replaces everything stored for 2022 (--replace-periods).',
			'For example:\n  ~ 2022 Aalborg Municipality (851): 10.5 → 10.1'
		]);
		expect(c.err.at(-1)).toMatch(/^No indicator with code "lykke"/);
	});

	it('exports the directory as HSDS JSON and CSV and imports it back, all or nothing', async () => {
		const { writeFileSync, readFileSync, existsSync } = await import('node:fs');
		const c = capture();
		expect(await main(['directory', 'taxonomy', 'taxonomy/directory.yaml'], c.io)).toBe(EXIT.ok);
		expect(c.out.at(-1)).toMatch(
			/^Loaded \d+ categories, \d+ audiences, \d+ synonyms and 16 postcodes/
		);
		const file = join(dataDir, 'tilbud.json');
		const service = {
			id: '3d8f5a4e-6c2b-4f1a-9e7d-5b4c3a2f1e0d',
			name: 'Lektiecafé i biblioteket',
			description: 'Frivillige hjælper med lektier.',
			status: 'active',
			organization: {
				id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
				name: 'Hovedbiblioteket',
				description: 'Folkebibliotek.'
			},
			attributes: [
				{
					id: '7c6b5a4f-3e2d-4c1b-8a9f-0e1d2c3b4a59',
					taxonomy_term: {
						id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
						code: 'lektiehjaelp',
						name: 'Lektiehjælp',
						description: 'Lektiehjælp',
						taxonomy: 'uddannelsesby-category'
					}
				}
			]
		};
		writeFileSync(file, JSON.stringify([service, { ...service, id: 'x', status: 'åben' }]));
		expect(await main(['directory', 'import', file], c.io)).toBe(EXIT.rejected);
		expect(c.err.join('\n')).toContain('services[1].id: must be a UUID');
		expect(c.err.join('\n')).toContain('services[1].status');
		writeFileSync(file, JSON.stringify([service]));
		expect(await main(['directory', 'import', file], c.io)).toBe(EXIT.ok);
		expect(c.out.at(-1)).toBe('Imported 1 services (1 new, 0 updated) from 1 organisations.');
		const folder = join(dataDir, 'pakke');
		expect(await main(['directory', 'export', '--format', 'hsds-csv', folder], c.io)).toBe(EXIT.ok);
		expect(existsSync(join(folder, 'datapackage.json'))).toBe(true);
		expect(readFileSync(join(folder, 'services.csv'), 'utf8')).toContain(
			'Lektiecafé i biblioteket'
		);
		expect(await main(['directory', 'import', folder], c.io)).toBe(EXIT.ok);
		expect(c.out.at(-1)).toBe('Imported 1 services (0 new, 1 updated) from 1 organisations.');
		const json = join(dataDir, 'ud.json');
		expect(await main(['directory', 'export', '--format', 'hsds-json', json], c.io)).toBe(EXIT.ok);
		expect(JSON.parse(readFileSync(json, 'utf8'))[0].id).toBe(service.id);
		expect(await main(['directory', 'export', json], c.io)).toBe(EXIT.rejected);
	});
});
