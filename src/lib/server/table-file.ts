import ExcelJS from 'exceljs';
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
	const workbook = new ExcelJS.Workbook();
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

/** Writes rows as an XLSX workbook with one sheet and a bold header row. */
export async function writeXlsx(sheetName: string, header: string[], rows: string[][]) {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(sheetName);
	sheet.addRow(header).font = { bold: true };
	for (const row of rows) sheet.addRow(row);
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
