import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSONstat from 'jsonstat-toolkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { parseStrategy, saveStrategy } from '../strategy/index.ts';
import { parseCsv } from './csv.ts';
import ExcelJS from 'exceljs';
import {
	compressorCaughtUp,
	exportShape,
	observationBatches,
	observationShape,
	rowsSource,
	sheetSink,
	writeExport,
	type DownloadFormat,
	type ExportRow,
	type RowSource,
	type Shape
} from './export.ts';
import { importObservations } from './import.ts';
import { parseJsonStat } from './jsonstat.ts';
import { observationsOf } from './queries.ts';
import { parseXlsx } from './xlsx.ts';

const meta = {
	code: 'ledige-dimittender',
	title: 'En mindre andel dimittender er ledige',
	unit: 'percent',
	isDemo: true,
	locale: 'da' as const
};
const comparable = (
	rows: {
		period: string;
		geo: string;
		breakdowns: Record<string, string>;
		value: number | null;
		flags: string[];
	}[]
) =>
	rows
		.map((r) => `${r.period}|${r.geo}|${JSON.stringify(r.breakdowns)}|${r.value}|${r.flags.join()}`)
		.sort();

const scratch = mkdtempSync(join(tmpdir(), 'udb-export-'));
let files = 0;

/** A download as the server writes it, read back as bytes. */
async function exported(
	format: DownloadFormat,
	source: RowSource,
	shape?: Shape
): Promise<Uint8Array> {
	const path = join(scratch, `${++files}.${format}`);
	await writeExport(format, path, source, shape ?? (await exportShape(source)), meta);
	return new Uint8Array(readFileSync(path));
}
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

it('a streamed XLSX sheet waits for its compressor: rows never pile up in memory', async () => {
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		filename: join(scratch, 'queue.xlsx'),
		useSharedStrings: false
	});
	const sheet = workbook.addWorksheet('Data');
	sheet.addRow(['periode', 'område', 'værdi']).commit();
	let mostQueued = 0;
	for (let row = 1; row <= 60_000; row++) {
		sheet.addRow(['2024', `0${row % 1000}`, row / 7, 'en tekst der fylder lidt i filen']).commit();
		if (row % 1000 === 0) {
			await compressorCaughtUp(sheet);
			// exceljs still hands the sheet to the zip through a stream whose queue we can read.
			const queued = sheetSink(sheet)?._writableState?.length;
			expect(queued).toBeTypeOf('number');
			mostQueued = Math.max(mostQueued, queued!);
		}
	}
	sheet.commit();
	await workbook.commit();
	// At most the megabyte it may keep waiting, and a thousand rows (about 150 kB) on top.
	expect(mostQueued).toBeLessThan(1.5 * 2 ** 20);
});

describe.each(testEngines())('indicator downloads on $name', (engine) => {
	let database: Database;
	beforeAll(async () => {
		database = await engine.open();
		const strategy = parseStrategy(readFileSync('strategies/aalborg-2023-2026.yaml', 'utf8'));
		if (!strategy.ok) throw new Error('strategy');
		await saveStrategy(database.db, strategy.strategy, { actor: 'test' });
		const demo = await parseCsv(
			new Uint8Array(readFileSync('demo/indicators/ledige-dimittender.csv'))
		);
		if (!demo.ok) throw new Error('demo');
		await importObservations(database.db, 'ledige-dimittender', demo.rows, {
			actor: 'test',
			fileName: 'demo',
			sha256: 'x',
			format: 'csv',
			isDemo: true
		});
	});
	afterAll(async () => database.close());

	it('exports JSON-stat 2.0 that jsonstat-toolkit reads and that re-imports to the same observations', async () => {
		const stored = await observationsOf(database.db, 'ledige-dimittender', {});
		expect(stored.some((o) => o.value === null && o.flags.includes('suppressed'))).toBe(true);
		// Pages of 7 rows, so the keyset paging of the shape is exercised too.
		const shape = await observationShape(database.db, 'ledige-dimittender', 7);
		// The database's count of the shape and a pass over the rows agree.
		expect(shape).toEqual(await exportShape(observationBatches(database.db, 'ledige-dimittender')));
		const doc = JSON.parse(
			text(await exported('json', observationBatches(database.db, 'ledige-dimittender', 7), shape))
		);
		const ds = JSONstat(doc);
		expect(ds.class).toBe('dataset');
		expect(ds.class === 'dataset' && ds.role?.time).toEqual(['TID']);
		const back = await parseJsonStat(new TextEncoder().encode(JSON.stringify(doc)));
		expect(back.ok).toBe(true);
		if (back.ok) expect(comparable(back.rows)).toEqual(comparable(stored));
	});

	it('exports CSV and XLSX that re-import to the same observations', async () => {
		const stored = await observationsOf(database.db, 'ledige-dimittender', {});
		// Small batches, so the keyset paging between them is exercised too.
		const source = observationBatches(database.db, 'ledige-dimittender', 7);
		const csv = await parseCsv(await exported('csv', source));
		expect(csv.ok && comparable(csv.rows)).toEqual(comparable(stored));
		const xlsx = await parseXlsx(await exported('xlsx', source));
		expect(xlsx.ok && comparable(xlsx.rows)).toEqual(comparable(stored));
	});

	it('codes a value that is not published one way in every file, and explains each flag', async () => {
		const rows: ExportRow[] = [
			{
				period: '2022',
				periodSort: 20220,
				geo: '851',
				breakdowns: {},
				value: null,
				flags: ['suppressed']
			},
			{
				period: '2023',
				periodSort: 20230,
				geo: '851',
				breakdowns: {},
				value: 12.5,
				flags: ['provisional']
			},
			{ period: '2023K1', periodSort: 20231, geo: '851', breakdowns: {}, value: 3, flags: [] }
		];
		// CSV: an empty value flagged C, with the flag's meaning in the row.
		const csv = text(await exported('csv', rowsSource(rows)))
			.replace('\ufeff', '')
			.split('\r\n');
		expect(csv[0]).toBe('periode;område;værdi;flag;flagforklaring');
		expect(csv[1]).toMatch(/^2022;851;;C;Ikke offentliggjort .*Det betyder ikke 0\.$/);
		expect(csv[2]).toMatch(/^2023;851;12,5;P;Foreløbigt tal/);
		expect(csv[3]).toBe('2023K1;851;3;;');
		// XLSX: the value column holds numbers or nothing, years are numbers, and an "Om" sheet
		// explains the flags.
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(Buffer.from(await exported('xlsx', rowsSource(rows))) as never);
		const data = book.getWorksheet('Data')!;
		expect(data.getRow(2).values).toEqual([undefined, 2022, '851', undefined, 'C']);
		expect(data.getCell('A4').value).toBe('2023K1');
		expect(typeof data.getCell('C3').value).toBe('number');
		const about = book.getWorksheet('Om')!;
		const aboutText = about.getSheetValues().flat().join(' ');
		expect(aboutText).toContain('C Ikke offentliggjort');
		expect(aboutText).toContain('P Foreløbigt tal');
		// JSON-stat: null with status C, and what C and P mean, in words and as data.
		const doc = JSON.parse(text(await exported('json', rowsSource(rows))));
		expect(Object.values(doc.status)).toEqual(expect.arrayContaining(['C', 'P']));
		expect(doc.extension.status.C).toMatch(/^Ikke offentliggjort/);
		expect(doc.note).toEqual(expect.arrayContaining([expect.stringMatching(/^Status C: /)]));
		expect(doc.value).toContain(null);
	});

	it('writes formula-looking text as text', async () => {
		const rows: ExportRow[] = [
			{
				period: '2022',
				periodSort: 20220,
				geo: '851',
				breakdowns: { uddannelse: '=HYPERLINK("x")' },
				value: 1,
				flags: []
			}
		];
		const csv = text(await exported('csv', rowsSource(rows)));
		expect(csv).toContain(`'=HYPERLINK`);
	});
});
