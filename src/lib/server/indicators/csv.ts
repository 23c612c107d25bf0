import { Readable } from 'node:stream';
import { tr } from '../problem-language.ts';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { scanText, textOf, type FileBytes } from './file-bytes.ts';
import type { DecimalMark } from './numbers.ts';
import {
	RowCollector,
	validatedBatches,
	type ImportProblem,
	type ObservationInput,
	type RawItem,
	type RawSource
} from './rows.ts';

export type ParsedFile =
	| { ok: true; rows: ObservationInput[]; details: Record<string, string> }
	| { ok: false; problems: ImportProblem[] };

/** Which file column holds what; `--map` can override the automatic choice. */
export interface ColumnMapping {
	period?: string;
	geo?: string;
	value?: string;
	flags?: string;
	/** Columns to leave out entirely (not breakdowns). */
	ignore?: string[];
}

const ALIASES: Record<'period' | 'geo' | 'value' | 'flags', string[]> = {
	period: ['period', 'periode', 'tid', 'år', 'aar', 'year', 'time', 'skoleår'],
	geo: [
		'geography',
		'geo',
		'geografi',
		'område',
		'omraade',
		'kommune',
		'kommunekode',
		'region',
		'area'
	],
	value: ['value', 'værdi', 'vaerdi', 'indhold', 'andel', 'antal'],
	flags: ['flag', 'flags', 'status', 'markering']
};

/** UTF-8 with or without BOM; otherwise Windows-1252, as Danish Excel saves "CSV". */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
	} catch {
		return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
	}
}

function detectSeparator(headerLine: string): ';' | ',' | '\t' {
	const count = (c: string) => headerLine.split(c).length - 1;
	const candidates: [';' | ',' | '\t', number][] = [
		[';', count(';')],
		[',', count(',')],
		['\t', count('\t')]
	];
	candidates.sort((a, b) => b[1] - a[1]);
	return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/**
 * The lines of a text that arrives in pieces (`\r\n` or `\n`), a piece's whole lines at a time:
 * `first` is the 1-based number of the first of `lines`.
 */
async function* linesOf(
	pieces: AsyncIterable<string>
): AsyncGenerator<{ first: number; lines: string[] }> {
	const withoutReturn = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
	let carry = '';
	let next = 1;
	for await (const piece of pieces) {
		const text = carry + piece;
		const lines: string[] = [];
		let start = 0;
		for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
			lines.push(withoutReturn(text.slice(start, end)));
			start = end + 1;
		}
		carry = text.slice(start);
		if (lines.length > 0) yield { first: next, lines };
		next += lines.length;
	}
	if (carry !== '') yield { first: next, lines: [withoutReturn(carry)] };
}

/**
 * A tidy CSV: one row per observation with columns for period, geography and value, an optional
 * flag column, and any other column as a breakdown. `;` files use decimal comma, `,` files
 * decimal point. The file is read as a stream: neither its text nor its rows are held whole.
 */
export async function csvSource(
	file: FileBytes,
	mapping: ColumnMapping = {}
): Promise<RawSource & { sha256: string }> {
	const scan = await scanText(file);
	// The header is the first line with anything on it.
	let header: string | undefined;
	let headerLine = 0;
	for await (const { first, lines } of linesOf(textOf(file, scan.encoding))) {
		const at = lines.findIndex((line) => line.trim() !== '');
		if (at < 0) continue;
		header = lines[at];
		headerLine = first + at;
		break;
	}
	const separator = detectSeparator(header ?? '');
	const decimal: DecimalMark = separator === ';' ? ',' : '.';
	const details = {
		encoding: scan.encoding,
		separator: separator === '\t' ? 'tab' : separator,
		decimal: decimal === ',' ? 'decimal comma' : 'decimal point'
	};
	if (header === undefined)
		return {
			...failed(tr('the file is empty', 'filen er tom'), tr('file', 'fil'), decimal, details),
			sha256: scan.sha256
		};
	let names: string[] | undefined;
	try {
		names = (parseSync(header, { delimiter: separator }) as string[][])[0];
	} catch (error) {
		return {
			...failed(
				tr(
					`not valid CSV: ${(error as Error).message}`,
					`ikke gyldig CSV: ${(error as Error).message}`
				),
				tr(`line ${headerLine}`, `linje ${headerLine}`),
				decimal,
				details
			),
			sha256: scan.sha256
		};
	}
	const table = new TableReader(names ?? [], mapping);
	// Statistical files rarely quote anything; then a line is a row and splitting is enough,
	// several times faster than a general CSV parser. Any quote sends the file to csv-parse.
	// Rows are numbered as a spreadsheet shows them: the header is row 1.
	const row = tr('row', 'række');
	async function* plainRows() {
		for await (const { first, lines } of linesOf(textOf(file, scan.encoding))) {
			const items: RawItem[] = [];
			for (let k = 0; k < lines.length; k++) {
				const line = lines[k]!;
				if (first + k <= headerLine || line.trim() === '') continue;
				items.push(table.row(`${row} ${first + k}`, line.split(separator)));
			}
			if (items.length > 0) yield items;
		}
	}
	async function* quotedRows() {
		const parser = Readable.from(textOf(file, scan.encoding)).pipe(
			parse({
				delimiter: separator,
				skip_empty_lines: true,
				relax_column_count: true,
				info: true,
				from_line: headerLine + 1
			})
		);
		let items: RawItem[] = [];
		try {
			for await (const { record, info } of parser as AsyncIterable<{
				record: string[];
				info: { lines: number };
			}>) {
				items.push(table.row(`${row} ${info.lines}`, record));
				if (items.length >= 1000) {
					yield items;
					items = [];
				}
			}
		} catch (error) {
			const e = error as Error & { lines?: number };
			items.push({
				problem: {
					where: e.lines ? tr(`line ${e.lines}`, `linje ${e.lines}`) : tr('file', 'fil'),
					message: tr(`not valid CSV: ${e.message}`, `ikke gyldig CSV: ${e.message}`)
				}
			});
		}
		if (items.length > 0) yield items;
	}
	return {
		decimal,
		columnName: table.columnName,
		details,
		problems: table.problems,
		rows: scan.hasQuote ? quotedRows() : plainRows(),
		emptyMessage: tr(
			'the file has a header but no rows',
			'filen har en overskrift, men ingen rækker'
		),
		sha256: scan.sha256
	};
}

function failed(
	message: string,
	where: string,
	decimal: DecimalMark,
	details: Record<string, string>
): RawSource {
	return {
		decimal,
		columnName: (field) => field,
		details,
		problems: [{ where, message }],
		rows: [],
		emptyMessage: message
	};
}

/** Reads a source to the end and keeps every row: for tests, exports and small files. */
export async function collectSource(source: RawSource): Promise<ParsedFile> {
	const collector = new RowCollector(source.decimal, source.columnName);
	const rows: ObservationInput[] = [];
	for await (const batch of validatedBatches(source, collector)) rows.push(...batch);
	if (collector.problems.length > 0) return { ok: false, problems: collector.problems };
	if (rows.length === 0)
		return { ok: false, problems: [{ where: tr('file', 'fil'), message: source.emptyMessage }] };
	return { ok: true, rows, details: source.details };
}

export async function parseCsv(
	bytes: Uint8Array,
	mapping: ColumnMapping = {}
): Promise<ParsedFile> {
	return collectSource(await csvSource(bytes, mapping));
}

/**
 * The column in which this site's own CSV downloads explain each row's flag: words for a
 * reader, not data, so an import reads past it.
 */
export const FLAG_EXPLANATION_COLUMN = 'flagforklaring';

/** The fields' Danish names, for problems on Danish pages. */
const FIELD_DA = { period: 'periode', geo: 'område', value: 'værdi', flags: 'markering' } as const;

/** A table with a header row, from CSV or a spreadsheet: finds the columns, then reads rows. */
export class TableReader {
	readonly problems: ImportProblem[] = [];
	private readonly names: string[];
	private readonly columns: Record<'period' | 'geo' | 'value' | 'flags', number>;
	private readonly breakdownColumns: { n: string; i: number }[];

	constructor(header: string[], mapping: ColumnMapping) {
		const names = header.map((h) => h.trim());
		this.names = names;
		const find = (field: 'period' | 'geo' | 'value' | 'flags', required: boolean): number => {
			const wanted = mapping[field];
			if (wanted !== undefined) {
				const i = names.findIndex((n) => n === wanted);
				if (i < 0)
					this.problems.push({
						where: tr('header', 'overskrift'),
						message: tr(
							`the mapping names column "${wanted}" for ${field}, but the file has no such column`,
							`kortlægningen peger på kolonnen "${wanted}" for ${FIELD_DA[field]}, men filen har ingen sådan kolonne`
						)
					});
				return i;
			}
			const i = names.findIndex((n) => ALIASES[field].includes(n.toLowerCase()));
			if (i < 0 && required) {
				this.problems.push({
					where: tr('header', 'overskrift'),
					message: tr(
						`missing a ${field} column (named ${ALIASES[field].map((a) => `"${a}"`).join(', ')}, or set it with --map)`,
						`mangler en kolonne for ${FIELD_DA[field]} (med navnet ${ALIASES[field].map((a) => `"${a}"`).join(', ')}, eller angiv den med --map)`
					)
				});
			}
			return i;
		};
		this.columns = {
			period: find('period', true),
			geo: find('geo', true),
			value: find('value', true),
			flags: find('flags', false)
		};
		const ignored = new Set([...(mapping.ignore ?? []), FLAG_EXPLANATION_COLUMN]);
		const used = new Set(Object.values(this.columns).filter((i) => i >= 0));
		this.breakdownColumns = names
			.map((n, i) => ({ n, i }))
			.filter(({ n, i }) => !used.has(i) && !ignored.has(n) && n !== '');
	}

	readonly columnName = (field: 'period' | 'geo' | 'value' | 'flags') =>
		tr(
			`column "${this.names[this.columns[field]] ?? field}"`,
			`kolonne "${this.names[this.columns[field]] ?? FIELD_DA[field]}"`
		);

	row(where: string, cells: (string | number | null)[]): RawItem {
		if (cells.length !== this.names.length)
			return {
				problem: {
					where,
					message: tr(
						`has ${cells.length} cells, but the header has ${this.names.length}`,
						`har ${cells.length} celler, men overskriften har ${this.names.length}`
					)
				}
			};
		const { columns } = this;
		const value = cells[columns.value];
		const breakdowns: Record<string, string> = {};
		for (const { n, i } of this.breakdownColumns) breakdowns[n] = text(cells[i]);
		return {
			where,
			period: text(cells[columns.period]),
			geo: text(cells[columns.geo]),
			value: typeof value === 'number' ? value : text(value),
			flags: columns.flags >= 0 ? text(cells[columns.flags]) : undefined,
			breakdowns
		};
	}
}

/** A cell as text; an empty cell is ''. */
function text(v: string | number | null | undefined): string {
	return v === null || v === undefined ? '' : String(v);
}
