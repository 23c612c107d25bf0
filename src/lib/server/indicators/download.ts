import type { Db } from '../db/index.ts';
import type { StrategyView } from '../strategy/index.ts';
import { toCsv, toJsonStat, toXlsx } from './export.ts';
import { dataSummaries, observationsOf } from './queries.ts';

export type DownloadFormat = 'csv' | 'xlsx' | 'json';

/** Every observation of an indicator as a file; undefined when the strategy has no such indicator. */
export async function indicatorDownload(
	db: Db,
	strategy: StrategyView,
	code: string,
	format: DownloadFormat
): Promise<{ body: string | Uint8Array; contentType: string; fileName: string } | undefined> {
	const indicator = strategy.guideposts.flatMap((g) => g.indicators).find((i) => i.code === code);
	if (!indicator) return undefined;
	const [rows, summaries] = await Promise.all([
		observationsOf(db, code, {}),
		dataSummaries(db, [code])
	]);
	const meta = {
		code,
		title: indicator.title,
		unit: indicator.unit,
		...(indicator.source ? { source: indicator.source.name } : {}),
		isDemo: summaries.get(code)?.isDemo ?? false,
		locale: strategy.locale
	};
	const demo = meta.isDemo ? '-demo' : '';
	if (format === 'csv')
		return {
			body: toCsv(rows, meta),
			contentType: 'text/csv; charset=utf-8',
			fileName: `${code}${demo}.csv`
		};
	if (format === 'json')
		return {
			body: JSON.stringify(toJsonStat(rows, meta)),
			contentType: 'application/json; charset=utf-8',
			fileName: `${code}${demo}.json`
		};
	return {
		body: await toXlsx(rows, meta),
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		fileName: `${code}${demo}.xlsx`
	};
}
