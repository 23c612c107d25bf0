import { createWriteStream, type WriteStream } from 'node:fs';
import { once, type EventEmitter } from 'node:events';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, asc, eq, sql } from 'drizzle-orm';
import type * as ExcelJS from 'exceljs';
import { exceljs } from '../lazy-modules.ts';
import { rowsOf, type Db } from '../db/index.ts';
import { FLAG_EXPLANATION_COLUMN } from './csv.ts';
import { geographyName } from './geography.ts';
import { HeapCeiling } from './heap.ts';
import type { Observation } from './queries.ts';
import { observations, type ObservationFlag } from './schema.ts';

/**
 * Indicator downloads (CSV, XLSX, JSON-stat) written to a file row batch by row batch. An
 * indicator may hold a million observations: they are never all in memory, and no step holds
 * the event loop for long, so the server keeps answering while a file is written.
 */

export type DownloadFormat = 'csv' | 'xlsx' | 'json';

export interface ExportMeta {
	code: string;
	title: string;
	unit: string;
	source?: string;
	isDemo: boolean;
	locale: 'da' | 'en';
}

/** One observation as the files hold it, with the import batch behind its value. */
export type ExportRow = Omit<Observation, 'isDemo'> & { batchId?: string };

/** Where the rows come from: called once per pass, each time yielding every row in batches. */
export type RowSource = () => AsyncIterable<ExportRow[]>;

const TOTAL = { da: 'I alt' };
/**
 * Rows per query while a file is written. Small on purpose: a batch that outlives two young-
 * generation collections moves to the old generation, which V8 lets grow by hundreds of
 * megabytes before collecting it. Written from the embedded database, a million-row CSV grew
 * the process by 119 MB at 5,000 rows a batch and by 31 MB at 1,000, in 20 s and 22 s.
 */
const BATCH_ROWS = 1_000;
/** Rows per statement while the shape is counted: only what is new in a page reaches us. */
const SHAPE_PAGE_ROWS = 5_000;
/** JSON-stat keeps one value per cell of the cube in memory (8 bytes each) while writing. */
export const MAX_EXPORT_CELLS = 20_000_000;

/** An indicator's observations in batches, in key order, one short query per batch. */
export function observationBatches(db: Db, code: string, batchRows = BATCH_ROWS): RowSource {
	return async function* () {
		let after: { geo: string; breakdownKey: string; period: string } | undefined;
		for (;;) {
			const rows = await db
				.select({
					period: observations.period,
					periodSort: observations.periodSort,
					geo: observations.geo,
					breakdownKey: observations.breakdownKey,
					breakdowns: observations.breakdowns,
					value: observations.value,
					flags: observations.flags,
					batchId: observations.batchId
				})
				.from(observations)
				.where(
					and(
						eq(observations.indicatorCode, code),
						after &&
							sql`(${observations.geo}, ${observations.breakdownKey}, ${observations.period}) > (${after.geo}, ${after.breakdownKey}, ${after.period})`
					)
				)
				.orderBy(
					asc(observations.indicatorCode),
					asc(observations.geo),
					asc(observations.breakdownKey),
					asc(observations.period)
				)
				.limit(batchRows);
			if (rows.length > 0) yield rows;
			if (rows.length < batchRows) return;
			after = rows[rows.length - 1]!;
			await yieldToEventLoop();
		}
	};
}

/** An in-memory list of rows as a source (tests, small files). */
export function rowsSource(rows: ExportRow[]): RowSource {
	return async function* () {
		for (let i = 0; i < rows.length; i += BATCH_ROWS) yield rows.slice(i, i + BATCH_ROWS);
	};
}

/** What the first pass learns: the columns and the cube's categories. */
export interface Shape {
	dims: string[];
	geos: string[];
	periods: string[];
	/** Per dimension, its values, the total first. */
	categories: string[][];
	rows: number;
	/** The import batches the rows come from. */
	batchIds: Set<string>;
}

/**
 * The shape of an indicator's data, counted by the database one keyset page at a time: each
 * statement reads one page of the primary key and returns only what is new in it (areas,
 * breakdowns, periods, batches), so no statement holds the embedded database for long (an
 * aggregate over a million rows at once held PGlite for 4 s, and every other query with it).
 */
export async function observationShape(
	db: Db,
	code: string,
	pageRows = SHAPE_PAGE_ROWS
): Promise<Shape> {
	const geos = new Set<string>();
	const periods = new Map<string, number>();
	const values = new Map<string, Set<string>>();
	const seenKeys = new Set<string>();
	const batchIds = new Set<string>();
	let rows = 0;
	let after = { geo: '', breakdownKey: '', period: '' };
	let first = true;
	for (;;) {
		const found = rowsOf<{ kind: string; a: string | null; b: string | null; n: number | null }>(
			await db.execute(sql`
				with page as (
					select geo, breakdown_key, breakdowns, period, period_sort, batch_id
					from indicator_observations
					where indicator_code = ${code}
						and (${first} or (geo, breakdown_key, period) > (${after.geo}, ${after.breakdownKey}, ${after.period}))
					order by indicator_code, geo, breakdown_key, period
					limit ${pageRows})
				select 'last' as kind, geo || chr(31) || breakdown_key || chr(31) || period as a, null as b,
					(select count(*) from page)::int as n
				from (select * from page order by geo desc, breakdown_key desc, period desc limit 1) l
				union all select 'geo', geo, null, null from page group by geo
				union all select 'breakdown', breakdown_key, min(breakdowns::text), null from page group by breakdown_key
				union all select 'period', period, null, min(period_sort) from page group by period
				union all select 'batch', batch_id::text, null, null from page group by batch_id`)
		);
		first = false;
		const last = found.find((r) => r.kind === 'last');
		if (!last) break;
		rows += Number(last.n);
		for (const r of found) {
			if (r.kind === 'geo') geos.add(r.a!);
			else if (r.kind === 'period') periods.set(r.a!, Number(r.n));
			else if (r.kind === 'batch') batchIds.add(r.a!);
			else if (r.kind === 'breakdown' && !seenKeys.has(r.a!)) {
				seenKeys.add(r.a!);
				for (const [d, v] of Object.entries(JSON.parse(r.b!) as Record<string, string>)) {
					let set = values.get(d);
					if (!set) values.set(d, (set = new Set()));
					set.add(v);
				}
			}
		}
		if (Number(last.n) < pageRows) break;
		const [geo, breakdownKey, period] = last.a!.split('\u001f') as [string, string, string];
		after = { geo, breakdownKey, period };
		await yieldToEventLoop();
	}
	const dims = [...values.keys()].sort();
	return {
		dims,
		geos: [...geos].sort(),
		periods: [...periods.entries()].sort((a, b) => a[1] - b[1]).map(([p]) => p),
		categories: dims.map((d) => [TOTAL.da, ...[...values.get(d)!].sort()]),
		rows,
		batchIds
	};
}

/** The shape of rows from any source, by reading them once (small, in-memory sources). */
export async function exportShape(source: RowSource): Promise<Shape> {
	const dims = new Set<string>();
	const geos = new Set<string>();
	const periods = new Map<string, number>();
	const values = new Map<string, Set<string>>();
	const batchIds = new Set<string>();
	let rows = 0;
	for await (const batch of source()) {
		for (const r of batch) {
			rows++;
			if (r.batchId) batchIds.add(r.batchId);
			geos.add(r.geo);
			periods.set(r.period, r.periodSort);
			for (const [d, v] of Object.entries(r.breakdowns)) {
				dims.add(d);
				let set = values.get(d);
				if (!set) values.set(d, (set = new Set()));
				set.add(v);
			}
		}
		await yieldToEventLoop();
	}
	const sortedDims = [...dims].sort();
	return {
		dims: sortedDims,
		geos: [...geos].sort(),
		periods: [...periods.entries()].sort((a, b) => a[1] - b[1]).map(([p]) => p),
		// The total is named in Danish in every file: it is a value, as the imports read it.
		categories: sortedDims.map((d) => [TOTAL.da, ...[...(values.get(d) ?? [])].sort()]),
		rows,
		batchIds
	};
}

/** A cell that a spreadsheet would run as a formula is written as text. */
function safeText(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One code per meaning in every download: C for a value that is not published (the cell is
 * left empty), P for a provisional one. Each file explains them (FLAG_MEANINGS).
 */
function flagCode(flags: ObservationFlag[]): '' | 'C' | 'P' {
	if (flags.includes('suppressed')) return 'C';
	if (flags.includes('provisional')) return 'P';
	return '';
}

/** What each flag means, as every download explains it. */
export const FLAG_MEANINGS = {
	da: {
		C: 'Ikke offentliggjort (diskretioneret): tallet holdes tilbage, og cellen er tom. Det betyder ikke 0.',
		P: 'Foreløbigt tal, der kan blive rettet.'
	},
	en: {
		C: 'Not published (confidential): the figure is withheld and the cell is empty. It does not mean 0.',
		P: 'Provisional figure that may be revised.'
	}
} as const;

const HEADER = ['periode', 'område'];
const TAIL = ['værdi', 'flag'];

/** A period that is a year is a number in a spreadsheet; others (2023K1, 2023/24) are text. */
const periodCell = (period: string) => (/^\d{4}$/.test(period) ? Number(period) : period);

/** Writes to a file stream, waiting when its buffer is full. */
async function write(out: WriteStream, text: string): Promise<void> {
	if (!out.write(text)) await once(out, 'drain');
}

async function finish(out: WriteStream): Promise<void> {
	out.end();
	await once(out, 'finish');
}

/**
 * Tidy CSV as Danish Excel reads it: semicolons, decimal comma, UTF-8 with BOM. A value that is
 * not published is an empty cell flagged C; the last column says what a row's flag means.
 */
async function writeCsv(
	path: string,
	source: RowSource,
	shape: Shape,
	meta: ExportMeta
): Promise<void> {
	const quote = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
	const meanings = FLAG_MEANINGS[meta.locale];
	const out = createWriteStream(path);
	try {
		await write(
			out,
			'\ufeff' +
				[...HEADER, ...shape.dims, ...TAIL, FLAG_EXPLANATION_COLUMN].map(quote).join(';') +
				'\r\n'
		);
		for await (const batch of source()) {
			let chunk = '';
			for (const o of batch) {
				const value = o.value === null ? '' : String(o.value).replace('.', ',');
				const flag = flagCode(o.flags);
				chunk +=
					[
						o.period,
						o.geo,
						...shape.dims.map((d) => safeText(o.breakdowns[d] ?? TOTAL.da)),
						value,
						flag,
						flag ? meanings[flag] : ''
					]
						.map(quote)
						.join(';') + '\r\n';
			}
			await write(out, chunk);
		}
	} finally {
		await finish(out);
	}
}

const QUEUED_XML_BYTES = 2 ** 20;

/** A stream's writable side, as Node's and readable-stream's streams both keep it. */
interface Sink extends EventEmitter {
	_writableState?: { needDrain?: boolean; length?: number };
}

/**
 * Waits until the zip has taken what was written to a streamed worksheet. exceljs (4.4) writes
 * a sheet's XML into the zip's input stream without waiting for it, so rows written faster than
 * deflate compresses them pile up in memory (230 MB for a million rows measured on their own).
 * The zip's input is the sheet stream's first pipe: an internal of exceljs, checked by
 * `export.test.ts`.
 */
export async function compressorCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
	const target = sheetSink(sheet);
	const state = target?._writableState;
	// A megabyte waiting keeps deflate busy while the next rows are made, and memory small.
	if (state?.needDrain && (state.length ?? 0) > QUEUED_XML_BYTES) await once(target!, 'drain');
	else await yieldToEventLoop();
}

/** The stream a streamed worksheet's XML goes into, once the zip has started on the sheet. */
export function sheetSink(sheet: ExcelJS.Worksheet): Sink | undefined {
	const stream = (sheet as unknown as { _stream?: { pipes?: Sink[] } })._stream;
	return stream?.pipes?.[0];
}

/** XLSX through exceljs's streaming writer: rows go to the file as they are added. */
async function writeXlsx(
	path: string,
	source: RowSource,
	shape: Shape,
	meta: ExportMeta
): Promise<void> {
	const workbook = new (await exceljs()).stream.xlsx.WorkbookWriter({
		filename: path,
		useStyles: true,
		useSharedStrings: false
	});
	const sheet = workbook.addWorksheet('Data');
	const header = sheet.addRow([...HEADER, ...shape.dims, ...TAIL]);
	header.font = { bold: true };
	header.commit();
	for await (const batch of source()) {
		for (const o of batch) {
			sheet
				.addRow([
					periodCell(o.period),
					o.geo,
					...shape.dims.map((d) => safeText(o.breakdowns[d] ?? TOTAL.da)),
					// Not published: an empty cell, so the column stays numeric; the flag says why.
					o.value,
					flagCode(o.flags)
				])
				.commit();
		}
		// Let the compressor catch up, and other requests have a turn.
		await compressorCaughtUp(sheet);
	}
	sheet.commit();
	const about = workbook.addWorksheet(meta.locale === 'da' ? 'Om' : 'About');
	const da = meta.locale === 'da';
	about.addRow([meta.title]).commit();
	if (meta.source) about.addRow([meta.source]).commit();
	about.addRow([]).commit();
	about.addRow([da ? 'Kolonnen flag' : 'The flag column']).commit();
	for (const [code, meaning] of Object.entries(FLAG_MEANINGS[meta.locale]))
		about.addRow([code, meaning]).commit();
	if (meta.isDemo)
		about
			.addRow([
				meta.locale === 'da'
					? 'DEMODATA: opdigtede tal, ikke officiel statistik.'
					: 'DEMO DATA: invented figures, not official statistics.'
			])
			.commit();
	about.commit();
	await workbook.commit();
}

/**
 * JSON-stat 2.0 dataset: OMRÅDE, one dimension per breakdown, TID and ContentsCode. The cube's
 * values are gathered into one typed array (NaN where a cell is empty), then written in chunks.
 */
async function writeJsonStat(
	path: string,
	source: RowSource,
	shape: Shape,
	meta: ExportMeta
): Promise<void> {
	const { dims, geos, periods, categories } = shape;
	const size = [geos.length, ...categories.map((c) => c.length), periods.length, 1];
	const total = size.reduce((a, b) => a * b, 1);
	if (total > MAX_EXPORT_CELLS)
		throw new Error(
			`The indicator's cube has ${total} cells, more than the ${MAX_EXPORT_CELLS} a JSON-stat download may hold; download the CSV instead.`
		);
	const index = (list: string[]) => new Map(list.map((x, i) => [x, i]));
	const geoIndex = index(geos);
	const periodIndex = index(periods);
	const categoryIndex = categories.map(index);
	const values = new Float64Array(total).fill(Number.NaN);
	const status: Record<string, string> = {};
	for await (const batch of source()) {
		for (const o of batch) {
			const coords = [
				geoIndex.get(o.geo)!,
				...dims.map((d, i) => categoryIndex[i]!.get(o.breakdowns[d] ?? TOTAL.da)!),
				periodIndex.get(o.period)!,
				0
			];
			let at = 0;
			for (let i = 0; i < size.length; i++) at = at * size[i]! + coords[i]!;
			// A suppressed cell has no value but a status: it is not the same as an empty cell.
			values[at] = o.value ?? Number.POSITIVE_INFINITY;
			const flag = flagCode(o.flags);
			if (flag) status[at] = flag;
		}
		await yieldToEventLoop();
	}
	const dimension: Record<string, unknown> = {
		OMRÅDE: {
			label: 'område',
			category: {
				index: geos,
				label: Object.fromEntries(geos.map((g) => [g, geographyName(g, meta.locale)]))
			}
		},
		TID: { label: 'tid', category: { index: periods } },
		ContentsCode: {
			label: 'indhold',
			category: {
				index: [meta.code],
				label: { [meta.code]: meta.title },
				unit: { [meta.code]: { label: meta.unit, decimals: 1 } }
			}
		}
	};
	dims.forEach((d, i) => {
		dimension[`BREAKDOWN${i + 1}`] = {
			label: d,
			category: {
				index: categories[i]!.map((_, j) => String(j)),
				label: Object.fromEntries(categories[i]!.map((c, j) => [String(j), c]))
			}
		};
	});
	const frame = {
		version: '2.0',
		class: 'dataset',
		label: meta.isDemo ? `${meta.title} (DEMO DATA)` : meta.title,
		...(meta.source ? { source: meta.source } : {}),
		updated: new Date().toISOString(),
		id: ['OMRÅDE', ...dims.map((_, i) => `BREAKDOWN${i + 1}`), 'TID', 'ContentsCode'],
		size,
		role: { time: ['TID'], geo: ['OMRÅDE'], metric: ['ContentsCode'] },
		dimension,
		...(Object.keys(status).length ? { status } : {}),
		// What each status code means, in words (note) and as data (extension).
		note: [
			...(meta.isDemo ? ['Demo data: invented figures, not official statistics.'] : []),
			...Object.entries(FLAG_MEANINGS[meta.locale]).map(
				([code, meaning]) => `Status ${code}: ${meaning}`
			)
		],
		extension: { status: FLAG_MEANINGS[meta.locale] }
	};
	const out = createWriteStream(path);
	try {
		const head = JSON.stringify(frame);
		await write(out, `${head.slice(0, -1)},"value":[`);
		const CHUNK = 50_000;
		for (let start = 0; start < total; start += CHUNK) {
			const end = Math.min(total, start + CHUNK);
			const parts = new Array<string>(end - start);
			for (let i = start; i < end; i++) {
				const v = values[i]!;
				parts[i - start] = Number.isFinite(v) ? String(v) : 'null';
			}
			await write(out, (start > 0 ? ',' : '') + parts.join(','));
			await yieldToEventLoop();
		}
		await write(out, ']}');
	} finally {
		await finish(out);
	}
}

/** The same rows, with the heap kept from growing between batches (see HeapCeiling). */
function withinHeapCeiling(source: RowSource): RowSource {
	return async function* () {
		const heap = new HeapCeiling();
		for await (const batch of source()) {
			yield batch;
			heap.step();
		}
	};
}

/**
 * Writes every row of `source` to `path` in a format: the second pass over the rows, after
 * `exportShape` (the first), so memory stays flat whatever the number of rows.
 */
export async function writeExport(
	format: DownloadFormat,
	path: string,
	source: RowSource,
	shape: Shape,
	meta: ExportMeta
): Promise<void> {
	const rows = withinHeapCeiling(source);
	if (format === 'csv') await writeCsv(path, rows, shape, meta);
	else if (format === 'xlsx') await writeXlsx(path, rows, shape, meta);
	else await writeJsonStat(path, rows, shape, meta);
}
