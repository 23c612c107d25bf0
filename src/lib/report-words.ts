import type { StatusCode } from './server/indicators/index.ts';
import type { Health, Lifecycle, ReportData } from './server/followup/index.ts';

/**
 * The words a council report uses in its Word file, its PDF and its web page: the report is
 * written in Danish for the Education Council, whatever the reader's language.
 */
export const LIFECYCLE_DA: Record<Lifecycle, string> = {
	planlagt: 'planlagt',
	'i-gang': 'i gang',
	afsluttet: 'afsluttet',
	stoppet: 'stoppet'
};

export const STATUS_DA: Record<StatusCode, string> = {
	'clear-improvement': 'Klar forbedring',
	improvement: 'Forbedring',
	'no-clear-change': 'Ingen klar ændring',
	worsening: 'Forværring',
	'not-enough-data': 'For få tal'
};

export const HEALTH_LABEL: Record<Health, string> = {
	green: 'Grøn: efter planen',
	yellow: 'Gul: i risiko',
	red: 'Rød: forsinket'
};

export const healthLabel = (h: Health | null) => (h ? HEALTH_LABEL[h] : 'Ingen godkendt status');

export function dayDa(iso: string): string {
	return new Intl.DateTimeFormat('da-DK', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Copenhagen'
	}).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}

export function numberDa(value: number, unit: 'percent' | 'count' | 'rate'): string {
	return `${value.toLocaleString('da-DK', { maximumFractionDigits: 1 })}${unit === 'percent' ? ' %' : ''}`;
}

export const REPORT_TITLE = 'Status til Uddannelsesrådet';

/** The lines under the title: strategy, round and the day it was built. */
export function frontLines(data: ReportData): string[] {
	return [
		// A strategy's title usually names its period ("Uddannelsesstrategi 2023-2026").
		data.strategy.title.includes(data.strategy.period)
			? `${data.strategy.title}, ${data.strategy.municipality}`
			: `${data.strategy.title} (${data.strategy.period}), ${data.strategy.municipality}`,
		`Statusrunde: ${data.round.name}`,
		`Runden blev lukket ${dayDa(data.round.closedAt)}. Rapporten er lavet ${dayDa(data.builtAt)}.`,
		...(data.isDemo
			? ['DEMODATA: Indsatserne og tallene i denne rapport er opdigtede eksempler.']
			: [])
	];
}

export const SUMMARY_HEADER = [
	'Pejlemærke',
	'Indsatser',
	'Grøn',
	'Gul',
	'Rød',
	'Uden status',
	'Fremdrift'
];

export function summaryRows(data: ReportData): string[][] {
	return data.summary.guideposts.map((g) => [
		`${g.number}. ${g.title}`,
		String(g.initiatives),
		String(g.health.green),
		String(g.health.yellow),
		String(g.health.red),
		String(g.health.none),
		g.progress === null
			? '–'
			: `${g.progress.toLocaleString('da-DK', { maximumFractionDigits: 0 })} %`
	]);
}

export function indicatorSummary(data: ReportData): string {
	const parts = (Object.keys(STATUS_DA) as StatusCode[])
		.filter((s) => data.summary.indicators[s])
		.map((s) => `${STATUS_DA[s].toLowerCase()}: ${data.summary.indicators[s]}`);
	const total = Object.values(data.summary.indicators).reduce((a, b) => a + (b ?? 0), 0);
	return `Strategiens ${total} indikatorer efter status: ${parts.join(', ')}.`;
}

export function indicatorLine(i: ReportData['guideposts'][number]['indicators'][number]): string {
	const latest = i.latest
		? ` Seneste tal: ${numberDa(i.latest.value, i.unit)} (${i.latest.period}).`
		: '';
	return `Status: ${STATUS_DA[i.status]}.${latest}${i.isDemo ? ' Demodata.' : ''}`;
}

export function initiativeFacts(
	i: ReportData['guideposts'][number]['initiatives'][number]
): string {
	return `Ansvarlig: ${i.owner}. Handlinger: ${i.actions.join(', ')}. Fase: ${LIFECYCLE_DA[i.lifecycle]}. Status: ${healthLabel(i.health)}. Fremdrift: ${i.progress}\u00a0%.`;
}
