/**
 * Numbers as spreadsheets write them. A file uses one convention: decimal point (`12.5`) or,
 * as Danish Excel writes it, decimal comma (`12,5`). In a decimal-comma file a point is
 * ambiguous (a thousands separator?) and is rejected rather than guessed.
 */
export type DecimalMark = '.' | ',';
export type NumberResult = { ok: true; value: number } | { ok: false; message: string };

export function parseNumber(raw: string, decimal: DecimalMark): NumberResult {
	const text = raw.trim().replace(/\u00a0/g, '');
	if (text === '') return { ok: false, message: 'value is empty' };
	const other = decimal === ',' ? '.' : ',';
	if (text.includes(other)) {
		return decimal === ','
			? {
					ok: false,
					message: `"${text}" has a decimal point, but this file uses decimal comma: write ${text.replace('.', ',')}`
				}
			: {
					ok: false,
					message: `"${text}" has a comma, but this file uses decimal point: write ${text.replace(',', '.')}`
				};
	}
	const normalised = decimal === ',' ? text.replace(',', '.') : text;
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(normalised)) {
		return { ok: false, message: `"${text}" is not a number` };
	}
	const value = Number(normalised);
	if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is not a finite number` };
	return { ok: true, value };
}
