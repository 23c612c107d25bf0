import ExcelJS from 'exceljs';
import { geographyName } from './geography.ts';
import type { Observation } from './queries.ts';

export interface ExportMeta {
	code: string;
	title: string;
	unit: string;
	source?: string;
	isDemo: boolean;
	locale: 'da' | 'en';
}

const TOTAL = { da: 'I alt', en: 'Total' };

/** A cell that a spreadsheet would run as a formula is written as text. */
function safeText(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function dimensionsOf(rows: Observation[]): string[] {
	return [...new Set(rows.flatMap((r) => Object.keys(r.breakdowns)))].sort();
}

function flagText(o: Observation): string {
	if (o.flags.includes('suppressed')) return 'C';
	if (o.flags.includes('provisional')) return 'P';
	return '';
}

/** Tidy CSV as Danish Excel reads it: semicolons, decimal comma, UTF-8 with BOM. */
export function toCsv(rows: Observation[], _meta: ExportMeta): string {
	const dims = dimensionsOf(rows);
	const quote = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
	const lines = [['periode', 'område', ...dims, 'værdi', 'flag'].map(quote).join(';')];
	for (const o of rows) {
		const value = o.value === null ? '..' : String(o.value).replace('.', ',');
		lines.push(
			[
				o.period,
				o.geo,
				...dims.map((d) => safeText(o.breakdowns[d] ?? TOTAL.da)),
				value,
				flagText(o)
			]
				.map(quote)
				.join(';')
		);
	}
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** JSON-stat 2.0 dataset: OMRÅDE, one dimension per breakdown, TID and ContentsCode. */
export function toJsonStat(rows: Observation[], meta: ExportMeta) {
	const dims = dimensionsOf(rows);
	const periods = [...new Map(rows.map((r) => [r.period, r.periodSort])).entries()]
		.sort((a, b) => a[1] - b[1])
		.map(([p]) => p);
	const geos = [...new Set(rows.map((r) => r.geo))].sort();
	const categories = dims.map((d) => [
		TOTAL.da,
		...[
			...new Set(rows.map((r) => r.breakdowns[d]).filter((v): v is string => v !== undefined))
		].sort()
	]);
	const ids = ['OMRÅDE', ...dims.map((_, i) => `BREAKDOWN${i + 1}`), 'TID', 'ContentsCode'];
	const size = [geos.length, ...categories.map((c) => c.length), periods.length, 1];
	const total = size.reduce((a, b) => a * b, 1);
	const value: (number | null)[] = new Array(total).fill(null);
	const status: Record<string, string> = {};
	const index = (list: string[]) => Object.fromEntries(list.map((x, i) => [x, i]));
	const geoIndex = index(geos);
	const periodIndex = index(periods);
	const catIndex = categories.map(index);
	for (const o of rows) {
		const coords = [
			geoIndex[o.geo]!,
			...dims.map((d, i) => catIndex[i]![o.breakdowns[d] ?? TOTAL.da]!),
			periodIndex[o.period]!,
			0
		];
		let pos = 0;
		for (let i = 0; i < size.length; i++) pos = pos * size[i]! + coords[i]!;
		value[pos] = o.value;
		if (o.flags.includes('suppressed')) status[pos] = '..';
		else if (o.flags.includes('provisional')) status[pos] = 'P';
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
	return {
		version: '2.0',
		class: 'dataset',
		label: meta.isDemo ? `${meta.title} (DEMO DATA)` : meta.title,
		...(meta.source ? { source: meta.source } : {}),
		updated: new Date().toISOString(),
		id: ids,
		size,
		role: { time: ['TID'], geo: ['OMRÅDE'], metric: ['ContentsCode'] },
		dimension,
		value,
		...(Object.keys(status).length ? { status } : {}),
		...(meta.isDemo ? { note: ['Demo data: invented figures, not official statistics.'] } : {})
	};
}

export async function toXlsx(rows: Observation[], meta: ExportMeta): Promise<Uint8Array> {
	const dims = dimensionsOf(rows);
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Data');
	sheet.addRow(['periode', 'område', ...dims, 'værdi', 'flag']);
	for (const o of rows) {
		sheet.addRow([
			o.period,
			o.geo,
			...dims.map((d) => safeText(o.breakdowns[d] ?? TOTAL.da)),
			o.value === null ? '..' : o.value,
			flagText(o)
		]);
	}
	sheet.getRow(1).font = { bold: true };
	const about = workbook.addWorksheet(meta.locale === 'da' ? 'Om' : 'About');
	about.addRow([meta.title]);
	if (meta.source) about.addRow([meta.source]);
	if (meta.isDemo)
		about.addRow([
			meta.locale === 'da'
				? 'DEMODATA: opdigtede tal, ikke officiel statistik.'
				: 'DEMO DATA: invented figures, not official statistics.'
		]);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
