import { parse } from 'csv-parse/sync';
import type { DecimalMark } from './numbers.ts';
import { RowCollector, type ImportProblem, type ObservationInput } from './rows.ts';

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
 * A tidy CSV: one row per observation with columns for period, geography and value, an optional
 * flag column, and any other column as a breakdown. `;` files use decimal comma, `,` files
 * decimal point.
 */
export function parseCsv(bytes: Uint8Array, mapping: ColumnMapping = {}): ParsedFile {
	const { text, encoding } = decodeText(bytes);
	const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
	const separator = detectSeparator(firstLine);
	const decimal: DecimalMark = separator === ';' ? ',' : '.';

	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			delimiter: separator,
			skip_empty_lines: true,
			relax_column_count: true,
			info: true
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (error) {
		const e = error as Error & { lines?: number };
		return {
			ok: false,
			problems: [
				{ where: e.lines ? `line ${e.lines}` : 'file', message: `not valid CSV: ${e.message}` }
			]
		};
	}
	const header = records[0]?.record;
	if (!header || header.length === 0)
		return { ok: false, problems: [{ where: 'file', message: 'the file is empty' }] };
	// Rows are numbered as a spreadsheet shows them: the header is row 1.
	const body = records
		.slice(1)
		.map(({ record, info }) => ({ where: `row ${info.lines}`, cells: record }));
	return parseTable(header, body, decimal, mapping, {
		encoding,
		separator: separator === '\t' ? 'tab' : separator,
		decimal: decimal === ',' ? 'decimal comma' : 'decimal point'
	});
}

/** A table with a header row, from CSV or a spreadsheet: finds the columns and checks every row. */
export function parseTable(
	header: string[],
	body: { where: string; cells: (string | number | null)[] }[],
	decimal: DecimalMark,
	mapping: ColumnMapping,
	details: Record<string, string>
): ParsedFile {
	const names = header.map((h) => h.trim());
	const problems: ImportProblem[] = [];
	const find = (field: 'period' | 'geo' | 'value' | 'flags', required: boolean): number => {
		const wanted = mapping[field];
		if (wanted !== undefined) {
			const i = names.findIndex((n) => n === wanted);
			if (i < 0)
				problems.push({
					where: 'header',
					message: `the mapping names column "${wanted}" for ${field}, but the file has no such column`
				});
			return i;
		}
		const i = names.findIndex((n) => ALIASES[field].includes(n.toLowerCase()));
		if (i < 0 && required) {
			problems.push({
				where: 'header',
				message: `missing a ${field} column (named ${ALIASES[field].map((a) => `"${a}"`).join(', ')}, or set it with --map)`
			});
		}
		return i;
	};
	const columns = {
		period: find('period', true),
		geo: find('geo', true),
		value: find('value', true),
		flags: find('flags', false)
	};
	if (problems.length > 0) return { ok: false, problems };

	const ignored = new Set(mapping.ignore ?? []);
	const used = new Set(Object.values(columns).filter((i) => i >= 0));
	const breakdownColumns = names
		.map((n, i) => ({ n, i }))
		.filter(({ n, i }) => !used.has(i) && !ignored.has(n) && n !== '');
	const collector = new RowCollector(
		decimal,
		(field) => `column "${names[columns[field]] ?? field}"`
	);
	const text = (v: string | number | null | undefined) =>
		v === null || v === undefined ? '' : String(v);

	for (const { where, cells } of body) {
		if (collector.full) break;
		if (cells.length !== names.length) {
			collector.problems.push({
				where,
				message: `has ${cells.length} cells, but the header has ${names.length}`
			});
			continue;
		}
		const value = cells[columns.value];
		collector.add({
			where,
			period: text(cells[columns.period]),
			geo: text(cells[columns.geo]),
			value: typeof value === 'number' ? value : text(value),
			flags: columns.flags >= 0 ? text(cells[columns.flags]) : undefined,
			breakdowns: Object.fromEntries(breakdownColumns.map(({ n, i }) => [n, text(cells[i])]))
		});
	}
	if (collector.problems.length > 0) return { ok: false, problems: collector.problems };
	if (collector.rows.length === 0)
		return {
			ok: false,
			problems: [{ where: 'file', message: 'the file has a header but no rows' }]
		};
	return { ok: true, rows: collector.rows, details };
}
