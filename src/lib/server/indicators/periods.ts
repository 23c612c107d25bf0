import { tr } from '../problem-language.ts';

/**
 * Periods of an indicator series: a year (`2023`), a school year (`2023/24`) or a quarter
 * (`2023Q1`; Danmarks Statistik writes `2023K1`). Stored normalised, sorted by `sortKey`.
 */
export type PeriodKind = 'year' | 'schoolYear' | 'quarter';

export interface Period {
	text: string;
	kind: PeriodKind;
	/** Start year, for growth rates between periods. */
	year: number;
	/** Sorts periods of any kind in time order. */
	sortKey: number;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string };

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

export function parsePeriod(raw: string): PeriodResult {
	const text = raw.trim();
	let match = /^(\d{4})$/.exec(text);
	if (match)
		return year(Number(match[1]), (y) => ({
			text: String(y),
			kind: 'year',
			year: y,
			sortKey: y * 10
		}));
	match = /^(\d{4})\s*\/\s*(\d{2}|\d{4})$/.exec(text);
	if (match) {
		const start = Number(match[1]);
		const endText = match[2]!;
		const end =
			endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText);
		if (end !== start + 1 && !(endText.length === 2 && (start + 1) % 100 === Number(endText))) {
			return {
				ok: false,
				message: tr(
					`school year "${text}" must span two consecutive years, such as 2023/24`,
					`skoleåret "${text}" skal gå over to år i træk, fx 2023/24`
				)
			};
		}
		return year(start, (y) => ({
			text: `${y}/${String((y + 1) % 100).padStart(2, '0')}`,
			kind: 'schoolYear',
			year: y,
			sortKey: y * 10 + 5
		}));
	}
	match = /^(\d{4})\s*[QK]([1-4])$/i.exec(text);
	if (match) {
		const q = Number(match[2]);
		return year(Number(match[1]), (y) => ({
			text: `${y}Q${q}`,
			kind: 'quarter',
			year: y + (q - 1) / 4,
			sortKey: y * 10 + q
		}));
	}
	return {
		ok: false,
		message: tr(
			`"${text}" is not a period: use a year (2023), a school year (2023/24) or a quarter (2023Q1 or 2023K1)`,
			`"${text}" er ikke en periode: brug et år (2023), et skoleår (2023/24) eller et kvartal (2023K1 eller 2023Q1)`
		)
	};
}

function year(y: number, make: (y: number) => Period): PeriodResult {
	if (y < MIN_YEAR || y > MAX_YEAR)
		return {
			ok: false,
			message: tr(
				`year ${y} is outside ${MIN_YEAR}-${MAX_YEAR}`,
				`året ${y} ligger uden for ${MIN_YEAR}-${MAX_YEAR}`
			)
		};
	return { ok: true, period: make(y) };
}
