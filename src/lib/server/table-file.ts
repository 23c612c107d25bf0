import type * as ExcelJS from 'exceljs';
import { exceljs } from './lazy-modules.ts';
import { parse } from 'csv-parse/sync';
import { decodeText, xlsxCellValue } from './indicators/index.ts';
import { tr } from './problem-language.ts';

/** A spreadsheet read as text: its header, and each row with the number a person sees. */
export interface Table {
	format: 'CSV' | 'XLSX';
	header: string[];
	rows: { number: number; cells: string[] }[];
}

/** An XLSX file starts as a ZIP archive (PK\x03\x04); anything else is read as CSV text. */
function isZip(bytes: Uint8Array) {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a CSV (`;` or `,`, UTF-8 or Windows-1252 as Danish Excel saves it) or the first sheet of
 * an XLSX workbook. Throws a `TableFileError` in the reader's language when it cannot.
 */
export async function readTable(bytes: Uint8Array): Promise<Table> {
	return isZip(bytes) ? readXlsx(bytes) : readCsv(bytes);
}

export class TableFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TableFileError';
	}
}

function readCsv(bytes: Uint8Array): Table {
	const { text } = decodeText(bytes);
	const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = firstLine.split(';').length >= firstLine.split(',').length ? ';' : ',';
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			delimiter,
			bom: true,
			skip_empty_lines: true,
			relax_column_count: true,
			info: true
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (error) {
		const line = (error as { lines?: number }).lines;
		throw new TableFileError(
			tr(
				`not readable as CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}`,
				`kan ikke læses som CSV${line ? ` (linje ${line})` : ''}: ${(error as Error).message}`
			)
		);
	}
	if (records.length === 0) throw new TableFileError(tr('the file is empty', 'filen er tom'));
	const [head, ...body] = records;
	return {
		format: 'CSV',
		header: head!.record.map((h) => h.trim()),
		rows: body
			.filter((r) => r.record.some((c) => c.trim() !== ''))
			.map((r) => ({ number: r.info.lines, cells: r.record }))
	};
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
	const workbook = new (await exceljs()).Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch (error) {
		throw new TableFileError(
			tr(
				`not a readable XLSX workbook: ${(error as Error).message}`,
				`ikke en læsbar XLSX-projektmappe: ${(error as Error).message}`
			)
		);
	}
	const sheet = workbook.worksheets[0];
	if (!sheet || sheet.rowCount === 0)
		throw new TableFileError(tr('the first sheet is empty', 'det første ark er tomt'));
	const width = sheet.getRow(1).cellCount;
	const read = (row: ExcelJS.Row) => {
		const cells: string[] = [];
		for (let c = 1; c <= width; c++) cells.push(String(xlsxCellValue(row.getCell(c).value) ?? ''));
		return cells;
	};
	const rows: Table['rows'] = [];
	for (let n = 2; n <= sheet.rowCount; n++) {
		const row = sheet.getRow(n);
		if (row.hasValues) rows.push({ number: n, cells: read(row) });
	}
	return { format: 'XLSX', header: read(sheet.getRow(1)).map((h) => h.trim()), rows };
}

/** A problem in a file: the row as the spreadsheet numbers it (the header is row 1), the column. */
export interface ImportProblem {
	row?: number;
	column?: string;
	message: string;
}

/** Problems in the reader's language, one per line: "række 3, kolonne "status": …". */
export function formatImportProblems(problems: readonly ImportProblem[], language: 'da' | 'en') {
	return problems
		.map((p) => {
			const where = [
				p.row === undefined ? null : language === 'da' ? `række ${p.row}` : `row ${p.row}`,
				p.column === undefined
					? null
					: language === 'da'
						? `kolonne "${p.column}"`
						: `column "${p.column}"`
			].filter(Boolean);
			return `${where.length ? `${where.join(', ')}: ` : ''}${p.message}`;
		})
		.join('\n');
}

/** A template's columns: the Danish name, and the English one an import also accepts. */
export type Columns = readonly (readonly [da: string, en: string])[];

/**
 * Reads a CSV or XLSX file and its header: the place of each of the template's columns, or
 * every problem with the file and the header (unknown, repeated and missing columns, no rows).
 */
export async function readTableColumns<C extends Columns>(
	bytes: Uint8Array,
	columns: C,
	required: readonly C[number][0][]
): Promise<
	| { ok: true; table: Table; index: Map<C[number][0], number> }
	| { ok: false; problems: ImportProblem[] }
> {
	let table: Table;
	try {
		table = await readTable(bytes);
	} catch (error) {
		if (error instanceof TableFileError)
			return { ok: false, problems: [{ message: error.message }] };
		throw error;
	}
	const problems: ImportProblem[] = [];
	const index = new Map<C[number][0], number>();
	const names = columns.map((c) => c[0]).join(';');
	table.header.forEach((name, i) => {
		const key = name.toLowerCase().replace(/\s+/g, '_');
		const column = columns.find(([da, en]) => key === da || key === en)?.[0];
		if (!column) {
			if (key)
				problems.push({
					column: name,
					message: tr(
						`unknown column; the columns are ${names}`,
						`ukendt kolonne; kolonnerne er ${names}`
					)
				});
		} else if (index.has(column))
			problems.push({
				column: name,
				message: tr('the column appears twice', 'kolonnen står der to gange')
			});
		else index.set(column, i);
	});
	for (const column of required)
		if (!index.has(column))
			problems.push({ column, message: tr('the column is missing', 'kolonnen mangler') });
	if (problems.length === 0 && table.rows.length === 0)
		problems.push({
			message: tr('the file has a header but no rows', 'filen har en overskrift, men ingen rækker')
		});
	return problems.length ? { ok: false, problems } : { ok: true, table, index };
}

/** Writes rows as an XLSX workbook with one sheet and a bold header row. */
export async function writeXlsx(sheetName: string, header: string[], rows: string[][]) {
	const workbook = new (await exceljs()).Workbook();
	const sheet = workbook.addWorksheet(sheetName);
	sheet.addRow(header).font = { bold: true };
	for (const row of rows) sheet.addRow(row);
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
