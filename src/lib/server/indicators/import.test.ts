import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTrail } from '../audit/index.ts';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { parseStrategy, saveStrategy } from '../strategy/index.ts';
import { parseCsv } from './csv.ts';
import { importFile, importObservations, previewImport, UnknownIndicatorError } from './import.ts';
import { observationsOf } from './queries.ts';

const strategy = parseStrategy(readFileSync('strategies/aalborg-2023-2026.yaml', 'utf8'));

async function rows(csv: string) {
	const r = await parseCsv(new TextEncoder().encode(csv));
	if (!r.ok) throw new Error(JSON.stringify(r.problems));
	return r.rows;
}
const source = (name: string) => ({ actor: 'test', fileName: name, sha256: 'x', format: 'csv' });

describe.each(testEngines())('indicator import on $name', (engine) => {
	let database: Database;
	beforeEach(async () => {
		database = await engine.open();
		if (!strategy.ok) throw new Error('strategy');
		await saveStrategy(database.db, strategy.strategy, { actor: 'test' });
	});
	afterEach(async () => database.close());

	it('adds, then replaces a period idempotently, counting what changed', async () => {
		const first = await rows('periode;område;værdi\n2022;851;12,5\n2022;000;14\n2023;851;12\n');
		expect(await importObservations(database.db, 'frafald', first, source('a.csv'))).toMatchObject({
			added: 3,
			changed: 0,
			removed: 0
		});
		expect(await importObservations(database.db, 'frafald', first, source('a.csv'))).toMatchObject({
			added: 0,
			changed: 0,
			removed: 0,
			unchanged: 3
		});
		const second = await rows('periode;område;værdi\n2023;851;11,5\n2023;101;9\n');
		expect(await previewImport(database.db, 'frafald', second)).toMatchObject({
			periods: ['2023'],
			added: 1,
			changed: 1,
			removed: 0
		});
		await importObservations(database.db, 'frafald', second, source('b.csv'));
		// A file with Aalborg only replaces Aalborg: the other area in 2023 stays.
		const third = await rows('periode;område;værdi\n2023;851;11,5\n');
		expect(await importObservations(database.db, 'frafald', third, source('c.csv'))).toMatchObject({
			added: 0,
			changed: 0,
			removed: 0,
			replaces: { scope: 'slice', areas: ['851'], breakdowns: [''] }
		});
		// Asked to, it replaces the whole period.
		const whole = await importFile(
			database.db,
			'frafald',
			{
				data: new TextEncoder().encode('periode;område;værdi\n2023;851;11,5\n'),
				fileName: 'd.csv'
			},
			{ actor: 'test' },
			{ replacePeriods: true }
		);
		expect(whole.ok && whole.preview).toMatchObject({ removed: 1, replaces: { scope: 'periods' } });
		const stored = await observationsOf(database.db, 'frafald', {});
		expect(stored.map((o) => [o.period, o.geo, o.value])).toEqual([
			['2022', '000', 14],
			['2022', '851', 12.5],
			['2023', '851', 11.5]
		]);
		const trail = await auditTrail(database.db, 'indicator', 'frafald');
		expect(trail.map((t) => t.action)).toEqual([
			'indicator.imported',
			'indicator.imported',
			'indicator.imported',
			'indicator.imported',
			'indicator.imported'
		]);
	});

	it('replaces only the slice a file covers: its areas, and its breakdown dimensions', async () => {
		// A StatBank file: Aalborg, the whole country and three other municipalities, 2016–2024.
		const areas = ['851', '000', '101', '751', '461'];
		const years = Array.from({ length: 9 }, (_, i) => 2016 + i);
		const statbank = await rows(
			'periode;område;værdi\n' +
				years.flatMap((y) => areas.map((a) => `${y};${a};${10 + (y % 5)},5`)).join('\n') +
				'\n'
		);
		await importObservations(database.db, 'frafald', statbank, source('statbank.json'));
		// Then Aalborg by gender for 2021–2023, from a spreadsheet: nothing of the above goes.
		const byGender = await rows(
			'periode;område;køn;værdi\n' +
				[2021, 2022, 2023].flatMap((y) => [`${y};851;Kvinder;9`, `${y};851;Mænd;11`]).join('\n') +
				'\n'
		);
		expect(
			await importObservations(database.db, 'frafald', byGender, source('køn.csv'))
		).toMatchObject({
			added: 6,
			removed: 0,
			replaces: { scope: 'slice', areas: ['851'], breakdowns: ['køn'] }
		});
		const all = await observationsOf(database.db, 'frafald', {});
		expect(all.filter((o) => Object.keys(o.breakdowns).length === 0)).toHaveLength(45);
		// And a file of totals does not remove the gender rows.
		const totals = await rows('periode;område;værdi\n2022;851;10\n');
		expect(await importObservations(database.db, 'frafald', totals, source('t.csv'))).toMatchObject(
			{
				changed: 1,
				removed: 0
			}
		);
		expect(await observationsOf(database.db, 'frafald', {})).toHaveLength(51);
		// A gender file for one year replaces that year's gender rows for its area only.
		const women = await rows('periode;område;køn;værdi\n2022;851;Kvinder;8\n');
		expect(await importObservations(database.db, 'frafald', women, source('k.csv'))).toMatchObject({
			changed: 1,
			removed: 1
		});
		expect(await observationsOf(database.db, 'frafald', {})).toHaveLength(50);
	});

	it('replaces demo data with the first real import, so the demo label goes away', async () => {
		await importObservations(
			database.db,
			'mistrivsel',
			await rows('år;område;værdi\n2021;851;20\n2022;851;21\n'),
			{ ...source('demo.csv'), isDemo: true }
		);
		const real = await rows('år;område;værdi\n2022;851;19\n');
		expect(await previewImport(database.db, 'mistrivsel', real)).toMatchObject({
			added: 1,
			removed: 2,
			demoRemoved: 2
		});
		await importObservations(database.db, 'mistrivsel', real, source('real.csv'));
		const stored = await observationsOf(database.db, 'mistrivsel', {});
		expect(stored.map((o) => [o.period, o.value, o.isDemo])).toEqual([['2022', 19, false]]);
	});

	it('refuses an unknown indicator and writes nothing', async () => {
		await expect(
			importObservations(
				database.db,
				'lykke',
				await rows('år;område;værdi\n2022;851;1\n'),
				source('x.csv')
			)
		).rejects.toThrow(UnknownIndicatorError);
		expect(await observationsOf(database.db, 'lykke', {})).toEqual([]);
	});

	it('stores a suppressed value as not published, never 0', async () => {
		await importObservations(
			database.db,
			'frafald',
			await rows('år,område,værdi,flag\n2022,851,..,C\n'),
			source('s.csv')
		);
		const [o] = await observationsOf(database.db, 'frafald', {});
		expect(o).toMatchObject({ value: null, flags: ['suppressed'] });
	});

	it('writes every problem in the reader’s language: Danish for a Danish page, English otherwise', async () => {
		const file = {
			data: new TextEncoder().encode(
				'år;område;køn;værdi;flag\n2022;851;Kvinder;9.6;\n2022;999;Mænd;2;X\n20222;851;Alle;;\n2022;851;Kvinder;3;\n2022;851;Kvinder;3;\n'
			),
			fileName: 'fejl.csv'
		};
		const danish = await importFile(
			database.db,
			'frafald',
			file,
			{ actor: 'test' },
			{ language: 'da' }
		);
		expect(danish.ok).toBe(false);
		expect(!danish.ok && danish.problems).toEqual([
			{
				where: 'række 2, kolonne "værdi"',
				message: '"9.6" har punktum, men filen bruger decimalkomma: skriv 9,6'
			},
			{
				where: 'række 3, kolonne "område"',
				message:
					'"999" er ikke en dansk kommune (101-860), en region (081-085) eller hele landet (000)'
			},
			{
				where: 'række 3, kolonne "flag"',
				message: 'ukendt markering "X": brug foreløbig (P) eller diskretioneret (C)'
			},
			{
				where: 'række 4, kolonne "år"',
				message:
					'"20222" er ikke en periode: brug et år (2023), et skoleår (2023/24) eller et kvartal (2023K1 eller 2023Q1)'
			},
			{
				where: 'række 4, kolonne "værdi"',
				message: 'værdien er tom: skriv tallet, eller .. for et tal, der ikke offentliggøres'
			}
		]);
		const english = await importFile(database.db, 'frafald', file, { actor: 'test' });
		expect(!english.ok && english.problems[0]).toEqual({
			where: 'row 2, column "værdi"',
			message: '"9.6" has a decimal point, but this file uses decimal comma: write 9,6'
		});
		const missing = await importFile(
			database.db,
			'frafald',
			{ data: new TextEncoder().encode('år;værdi\n2022;1\n'), fileName: 'mangler.csv' },
			{ actor: 'test' },
			{ language: 'da' }
		);
		expect(!missing.ok && missing.problems[0]?.where).toBe('overskrift');
		expect(!missing.ok && missing.problems[0]?.message).toMatch(/^mangler en kolonne for område/);
		expect(await observationsOf(database.db, 'frafald', {})).toEqual([]);
	});

	it('a first import goes straight into the table, and stores and reports what the staged import does', async () => {
		const csv = [
			'periode;område;køn;værdi;markering',
			'2023;851;Kvinder;12,5;',
			'2023;851;Mænd;13;P',
			'2023;851;I alt;12,7;',
			'2022;000;Kvinder;..;',
			'2022;101;Mænd;9;',
			'2024K1;851;I alt;11;foreløbig'
		].join('\n');
		const file = { data: new TextEncoder().encode(csv), fileName: 'første.csv' };
		// The dry run and the later import into a filled indicator take the staged path.
		const dry = await importFile(database.db, 'frafald', file, { actor: 'test' }, { dryRun: true });
		const first = await importFile(database.db, 'frafald', file, { actor: 'test' });
		if (!dry.ok || !first.ok) throw new Error('both are valid');
		const { samples, ...staged } = dry.preview;
		expect(samples?.added).toHaveLength(3);
		expect(first.preview).toEqual(staged);
		expect(first.preview).toMatchObject({
			added: 6,
			periods: ['2022', '2023', '2024Q1'],
			replaces: { areas: ['000', '101', '851'], breakdowns: ['', 'køn'] }
		});
		expect(first.rows).toBe(6);
		// The same rows through the staging table into an indicator that already holds something.
		await importFile(
			database.db,
			'i-uddannelse',
			{ data: new TextEncoder().encode('periode;område;værdi\n1999;851;1\n'), fileName: 'x.csv' },
			{ actor: 'test' }
		);
		const again = await importFile(database.db, 'i-uddannelse', file, { actor: 'test' });
		expect(again.ok && again.preview).toMatchObject({ added: 6, removed: 0 });
		const direct = await observationsOf(database.db, 'frafald', {});
		const viaStage = (await observationsOf(database.db, 'i-uddannelse', {})).filter(
			(o) => o.period !== '1999'
		);
		expect(direct).toHaveLength(6);
		expect(direct).toEqual(viaStage);
		const trail = await auditTrail(database.db, 'indicator', 'frafald');
		expect(trail.map((t) => [t.action, (t.details as { added: number }).added])).toEqual([
			['indicator.imported', 6]
		]);
		// A row problem in a first import rejects the file and leaves nothing behind.
		const bad = await importFile(
			database.db,
			'erhvervsuddannelse',
			{
				data: new TextEncoder().encode('periode;område;værdi\n2023;851;1\n2023;851x;2\n'),
				fileName: 'y.csv'
			},
			{ actor: 'test' }
		);
		expect(bad.ok).toBe(false);
		expect(await observationsOf(database.db, 'erhvervsuddannelse', {})).toEqual([]);
		expect(await auditTrail(database.db, 'indicator', 'erhvervsuddannelse')).toEqual([]);
	});

	it('streams a file into the database: repeated rows rejected by row, a dry run writes nothing', async () => {
		const bytes = (text: string) => new TextEncoder().encode(text);
		const repeated = await importFile(
			database.db,
			'frafald',
			{
				data: bytes(
					'år;område;køn;værdi\n2022;851;Kvinder;1\n2022;851;Mænd;2\n2022;851;Kvinder;3\n'
				),
				fileName: 'gentaget.csv'
			},
			{ actor: 'test' }
		);
		expect(repeated).toEqual({
			ok: false,
			problems: [{ where: 'row 4', message: 'same period, geography and breakdown as row 2' }]
		});
		const lines = ['år;område;alder;værdi'];
		for (let year = 2000; year < 2025; year++)
			for (let age = 0; age < 1000; age++)
				lines.push(`${year};851;${age} år;${(age % 97) / 10}`.replace('.', ','));
		const big = bytes(lines.join('\n'));
		const dry = await importFile(
			database.db,
			'frafald',
			{ data: big, fileName: 'stor.csv' },
			{ actor: 'test' },
			{ dryRun: true }
		);
		expect(dry).toMatchObject({
			ok: true,
			rows: 25_000,
			preview: { added: 25_000, changed: 0, removed: 0 }
		});
		expect(dry.ok && dry.batchId).toBeUndefined();
		// A dry run shows the first rows of each kind of change.
		expect(dry.ok && dry.preview.samples).toEqual({
			added: [
				{ period: '2000', geo: '851', breakdowns: { alder: '0 år' }, value: 0 },
				{ period: '2000', geo: '851', breakdowns: { alder: '1 år' }, value: 0.1 },
				{ period: '2000', geo: '851', breakdowns: { alder: '2 år' }, value: 0.2 }
			],
			changed: [],
			removed: []
		});
		expect(await observationsOf(database.db, 'frafald', {})).toEqual([]);
		let progress = 0;
		const done = await importFile(
			database.db,
			'frafald',
			{ data: big, fileName: 'stor.csv' },
			{ actor: 'test' },
			{ onProgress: (n) => (progress = n) }
		);
		expect(done).toMatchObject({ ok: true, preview: { added: 25_000 } });
		expect(progress).toBe(25_000);
		expect(await observationsOf(database.db, 'frafald', { geo: ['851'] })).toHaveLength(25_000);
		const bad = bytes(lines.join('\n') + '\n2025;851;1 år;mange\n');
		expect(
			await importFile(
				database.db,
				'frafald',
				{ data: bad, fileName: 'stor.csv' },
				{ actor: 'test' }
			)
		).toMatchObject({
			ok: false,
			problems: [{ where: 'row 25002, column "værdi"' }]
		});
		expect(await observationsOf(database.db, 'frafald', { geo: ['851'] })).toHaveLength(25_000);
	});
});
