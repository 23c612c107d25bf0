import ExcelJS from 'exceljs';
import { parseTable, type ColumnMapping, type ParsedFile } from './csv.ts';

/**
 * The first sheet of an XLSX workbook, laid out like the tidy CSV. Cells are read as values:
 * a formula's cached result is used and the formula itself is never evaluated.
 */
export async function parseXlsx(
	bytes: Uint8Array,
	mapping: ColumnMapping = {}
): Promise<ParsedFile> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch (error) {
		return {
			ok: false,
			problems: [
				{ where: 'file', message: `not a readable XLSX workbook: ${(error as Error).message}` }
			]
		};
	}
	const sheet = workbook.worksheets[0];
	if (!sheet || sheet.rowCount === 0)
		return { ok: false, problems: [{ where: 'file', message: 'the first sheet is empty' }] };
	const width = sheet.getRow(1).cellCount;
	const read = (row: ExcelJS.Row): (string | number | null)[] => {
		const cells: (string | number | null)[] = [];
		for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
		return cells;
	};
	const header = read(sheet.getRow(1)).map((v) => (v === null ? '' : String(v)));
	const body: { where: string; cells: (string | number | null)[] }[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, number) => {
		if (number === 1) return;
		body.push({ where: `${sheet.name}!row ${number}`, cells: read(row) });
	});
	return parseTable(header, body, ',', mapping, { format: 'XLSX', sheet: sheet.name });
}

function cellValue(value: ExcelJS.CellValue): string | number | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number' || typeof value === 'string') return value;
	if (typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
		if ('richText' in value) return value.richText.map((t) => t.text).join('');
		if ('text' in value) return String(value.text);
	}
	return String(value);
}
