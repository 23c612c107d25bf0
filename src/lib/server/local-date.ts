// Calendar dates in Denmark: schedules are valid from one local date to another (HSDS 3.0
// `valid_from` and `valid_to`, the last day included), stored as the instants they begin and end.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COPENHAGEN = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Copenhagen',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** An instant's local date and time in Copenhagen, as two-digit parts (the year four). */
function partsAt(
	instant: Date
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
	const p = Object.fromEntries(COPENHAGEN.formatToParts(instant).map((x) => [x.type, x.value]));
	return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** Whether `YYYY-MM-DD` names a real calendar date. */
export function isCalendarDate(text: string): boolean {
	const m = DATE.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === text;
}

/** The local date (`YYYY-MM-DD`) in Copenhagen at an instant. */
export function copenhagenDate(instant: Date): string {
	const p = partsAt(instant);
	return `${p.year}-${p.month}-${p.day}`;
}

/** The local clock time (`HH:MM`) in Copenhagen at an instant. */
export function copenhagenClock(instant: Date): string {
	const p = partsAt(instant);
	return `${p.hour}:${p.minute}`;
}

/** The instant a local date begins in Copenhagen (midnight; UTC+1 in winter, UTC+2 in summer). */
export function copenhagenMidnight(date: string): Date {
	const m = DATE.exec(date);
	if (!m || !isCalendarDate(date)) throw new Error(`not a date: ${date}`);
	const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	for (const hours of [1, 2]) {
		const candidate = new Date(utcMidnight - hours * 3600_000);
		const p = partsAt(candidate);
		if (`${p.year}-${p.month}-${p.day}` === date && p.hour === '00' && p.minute === '00')
			return candidate;
	}
	throw new Error(`no midnight in Copenhagen on ${date}`);
}

/** The date after a date. */
export function dayAfter(date: string): string {
	const m = DATE.exec(date)!;
	return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1))
		.toISOString()
		.slice(0, 10);
}

/** The local date of the last day before an instant that ends a validity (exclusive end). */
export function lastDayBefore(end: Date): string {
	return copenhagenDate(new Date(end.getTime() - 1));
}

/** An instant as ISO 8601 with its offset in Copenhagen: 2027-10-14T18:00:00+02:00. */
export function copenhagenIso(instant: Date): string {
	const p = partsAt(instant);
	const local = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
	const offset = Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
	const sign = offset < 0 ? '-' : '+';
	const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
	const mm = String(Math.abs(offset) % 60).padStart(2, '0');
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
}

/**
 * The instant a local date and time (`HH:MM`) is in Copenhagen: 14:00 on a summer day is 12:00
 * UTC, on a winter day 13:00 UTC. A time that does not exist (the hour skipped in March) is read
 * an hour later, as clocks show it.
 */
export function copenhagenInstant(date: string, time: string): Date {
	const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
	if (!t) throw new Error(`not a time: ${time}`);
	const midnight = copenhagenMidnight(date).getTime();
	const minutes = Number(t[1]) * 60 + Number(t[2]);
	// The offset at midnight, then at the moment itself (it differs on the day clocks change).
	let instant = midnight + minutes * 60_000;
	const offsetAt = (at: number) => {
		const p = partsAt(new Date(at));
		const local = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
		return local - Math.floor(at / 60_000) * 60_000;
	};
	const target =
		Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + minutes * 60_000;
	instant = target - offsetAt(instant);
	return new Date(instant);
}
