import type * as ExcelJS from 'exceljs';
import { exceljs } from '../lazy-modules.ts';
import { tr } from '../problem-language.ts';
import { collectSource, TableReader, type ColumnMapping, type ParsedFile } from './csv.ts';
import type { RawSource } from './rows.ts';

/**
 * The first sheet of an XLSX workbook, laid out like the tidy CSV. Cells are read as values:
 * a formula's cached result is used and the formula itself is never evaluated.
 */
export async function xlsxSource(
	bytes: Uint8Array,
	mapping: ColumnMapping = {}
): Promise<RawSource> {
	const workbook = new (await exceljs()).Workbook();
	const fail = (message: string): RawSource => ({
		decimal: ',',
		columnName: (field) => field,
		details: { format: 'XLSX' },
		problems: [{ where: tr('file', 'fil'), message }],
		rows: [],
		emptyMessage: message
	});
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch (error) {
		return fail(
			tr(
				`not a readable XLSX workbook: ${(error as Error).message}`,
				`ikke en læsbar XLSX-projektmappe: ${(error as Error).message}`
			)
		);
	}
	const sheet = workbook.worksheets[0];
	if (!sheet || sheet.rowCount === 0)
		return fail(tr('the first sheet is empty', 'det første ark er tomt'));
	const width = sheet.getRow(1).cellCount;
	const read = (row: ExcelJS.Row): (string | number | null)[] => {
		const cells: (string | number | null)[] = [];
		for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
		return cells;
	};
	const header = read(sheet.getRow(1)).map((v) => (v === null ? '' : String(v)));
	const table = new TableReader(header, mapping);
	function* rows() {
		for (let n = 2; n <= sheet!.rowCount; n++) {
			const row = sheet!.getRow(n);
			if (!row.hasValues) continue;
			yield table.row(tr(`${sheet!.name}!row ${n}`, `${sheet!.name}!række ${n}`), read(row));
		}
	}
	return {
		decimal: ',',
		columnName: table.columnName,
		details: { format: 'XLSX', sheet: sheet.name },
		problems: table.problems,
		rows: rows(),
		emptyMessage: tr(
			'the file has a header but no rows',
			'filen har en overskrift, men ingen rækker'
		)
	};
}

export async function parseXlsx(
	bytes: Uint8Array,
	mapping: ColumnMapping = {}
): Promise<ParsedFile> {
	return collectSource(await xlsxSource(bytes, mapping));
}

/**
 * A cell as the value a person sees: a number or text, a date as an ISO day, a formula by its
 * cached result, rich text as its plain text; null when empty. Also used by other imports.
 */
export function cellValue(value: ExcelJS.CellValue): string | number | null {
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
