import { tr } from '../problem-language.ts';

/**
 * Numbers as spreadsheets write them. A file uses one convention: decimal point (`12.5`) or,
 * as Danish Excel writes it, decimal comma (`12,5`). In a decimal-comma file a point is
 * ambiguous (a thousands separator?) and is rejected rather than guessed.
 */
export type DecimalMark = '.' | ',';
export type NumberResult = { ok: true; value: number } | { ok: false; message: string };

export function parseNumber(raw: string, decimal: DecimalMark): NumberResult {
	const text = raw.trim().replace(/\u00a0/g, '');
	if (text === '') return { ok: false, message: tr('value is empty', 'værdien er tom') };
	const other = decimal === ',' ? '.' : ',';
	if (text.includes(other)) {
		return decimal === ','
			? {
					ok: false,
					message: tr(
						`"${text}" has a decimal point, but this file uses decimal comma: write ${text.replace('.', ',')}`,
						`"${text}" har punktum, men filen bruger decimalkomma: skriv ${text.replace('.', ',')}`
					)
				}
			: {
					ok: false,
					message: tr(
						`"${text}" has a comma, but this file uses decimal point: write ${text.replace(',', '.')}`,
						`"${text}" har komma, men filen bruger decimalpunktum: skriv ${text.replace(',', '.')}`
					)
				};
	}
	const normalised = decimal === ',' ? text.replace(',', '.') : text;
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(normalised)) {
		return { ok: false, message: tr(`"${text}" is not a number`, `"${text}" er ikke et tal`) };
	}
	const value = Number(normalised);
	if (!Number.isFinite(value))
		return {
			ok: false,
			message: tr(`"${text}" is not a finite number`, `"${text}" er ikke et endeligt tal`)
		};
	return { ok: true, value };
}
