import { termOptions } from '../directory/index.ts';
import { copenhagenDate, dayAfter } from '../local-date.ts';
import { pageLinks } from '../search/index.ts';
import type { EventHit, EventQuery, EventResults } from './search.ts';

type Terms = Parameters<typeof termOptions>[0];
type Linked = EventHit & { href: string };

/** What the event list shows, made from a search's results (no I/O): days, filters, pages. */
export function eventListPage(input: {
	results: EventResults;
	query: EventQuery;
	/** The query string as asked, for the page links and the feeds. */
	search: string;
	locale: 'da' | 'en';
	terms: Terms;
	pageSize: number;
	eventPath: (slug: string) => string;
}) {
	const { results, query, locale, terms } = input;
	const items: Linked[] = results.items.map((i) => ({ ...i, href: input.eventPath(i.slug) }));
	return {
		...pageLinks(input.search, results.total, input.pageSize),
		total: results.total,
		days: byDay(items),
		anyDemo: items.some((i) => i.isDemo),
		kinds: termOptions(terms, 'event-kind', locale, query.kind, results.kinds),
		levels: termOptions(terms, 'level', locale, query.level, results.levels),
		audiences: termOptions(terms, 'audience', locale, query.audience, results.audiences),
		organisers: results.organisers.map((o) => ({
			code: o.slug,
			label: o.name,
			count: o.count,
			checked: query.organiser.includes(o.slug)
		})),
		kindNames: Object.fromEntries(
			termOptions(terms, 'event-kind', locale).map((t) => [t.code, t.label])
		)
	};
}

/** Events under the day (in Denmark) they start, in the order given. */
export function byDay<T extends { start: string }>(items: T[]): { date: string; items: T[] }[] {
	const days: { date: string; items: T[] }[] = [];
	for (const item of items) {
		const date = copenhagenDate(new Date(item.start));
		const last = days.at(-1);
		if (last?.date === date) last.items.push(item);
		else days.push({ date, items: [item] });
	}
	return days;
}

/** The month (YYYY-MM) a date is in, and the months before and after it. */
export function monthAround(month: string) {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const at = (year: number, index: number) => {
		const d = new Date(Date.UTC(year, index, 1));
		return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
	};
	return { first: `${month}-01`, last: lastDayOf(month), previous: at(y, m - 2), next: at(y, m) };
}

function lastDayOf(month: string): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * A month as weeks from Monday to Sunday, each day with the events on it (an event over several
 * days is on each of them).
 */
export function monthGrid<T extends { start: string; end: string; allDay: boolean }>(
	month: string,
	items: T[]
): { date: string; inMonth: boolean; items: T[] }[][] {
	const first = `${month}-01`;
	const last = lastDayOf(month);
	// Monday on or before the first, Sunday on or after the last.
	const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
	let day = first;
	for (let i = weekday(first); i > 0; i--)
		day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
	const weeks: { date: string; inMonth: boolean; items: T[] }[][] = [];
	while (day <= last || weekday(day) !== 0) {
		if (weekday(day) === 0) weeks.push([]);
		const date = day;
		weeks.at(-1)!.push({
			date,
			inMonth: date.startsWith(month),
			items: items.filter((e) => {
				const from = copenhagenDate(new Date(e.start));
				const to = copenhagenDate(new Date(new Date(e.end).getTime() - (e.allDay ? 1 : 0)));
				return from <= date && date <= to;
			})
		});
		day = dayAfter(day);
	}
	return weeks;
}
