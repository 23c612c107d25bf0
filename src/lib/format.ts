import type { Locale } from './i18n/routes.ts';

const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

/** A calendar date (YYYY-MM-DD) as readers write it: "19. juni 2023", "19 June 2023". */
export function formatDate(isoDate: string, locale: Locale): string {
	return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${isoDate}T00:00:00Z`)
	);
}

/** A strategy period: "2023-2026" with an en dash, as Danish and English typography both want. */
export function formatPeriod(period: { start: number; end: number }): string {
	return period.start === period.end ? String(period.start) : `${period.start}–${period.end}`;
}

// Creating an Intl.NumberFormat is slow; a page formats hundreds of numbers.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(
	locale: Locale,
	digits: number,
	signDisplay: 'auto' | 'exceptZero'
): Intl.NumberFormat {
	const key = `${locale}:${digits}:${signDisplay}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale[locale], {
			maximumFractionDigits: digits,
			minimumFractionDigits: digits,
			signDisplay
		});
		formats.set(key, format);
	}
	return format;
}

/** A value in its unit: "10,5 %" in Danish, "10.5%" in English (see withPercent). */
export function formatValue(
	value: number,
	unit: 'percent' | 'count' | 'rate',
	locale: Locale
): string {
	const n = numberFormat(locale, unit === 'count' ? 0 : 1, 'auto').format(value);
	return unit === 'percent' ? withPercent(n, locale) : n;
}

/**
 * A number already written in the reader's way, with its percent sign: "12,4 %" in Danish (a
 * no-break space, so a narrow column never puts the sign on a line of its own), "12.4%" in English.
 */
export function withPercent(number: string, locale: Locale): string {
	return locale === 'da' ? `${number}\u00a0%` : `${number}%`;
}

/** A signed change, with a real minus sign: "−0,8". */
export function formatChange(value: number, locale: Locale): string {
	const n = numberFormat(locale, 1, 'exceptZero').format(value);
	return n.replace('-', '−');
}

/** A moment in Danish time (Europe/Copenhagen), as "25.11.2026 14.05" or "25/11/2026, 14:05". */
export function formatDateTime(moment: Date | string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
		dateStyle: 'short',
		timeStyle: 'short',
		timeZone: 'Europe/Copenhagen'
	}).format(new Date(moment));
}

/** An amount in øre as kroner without a unit: "125,50", "130" (øre shown only when there are any). */
export function formatKroner(ore: number, locale: Locale): string {
	return new Intl.NumberFormat(intlLocale[locale], {
		minimumFractionDigits: ore % 100 ? 2 : 0,
		maximumFractionDigits: 2
	}).format(ore / 100);
}

/** iCal weekday codes, Monday first (HSDS schedules use them). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekday's name in the reader's language: "tirsdag", "Tuesday" (2024-01-01 was a Monday). */
export function weekdayName(day: Weekday, locale: Locale): string {
	return new Intl.DateTimeFormat(intlLocale[locale], { weekday: 'long', timeZone: 'UTC' }).format(
		new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)))
	);
}

/** iCal BYDAY ("TU,TH") as the reader's weekday names: "tirsdag, torsdag". */
export function weekdayNames(byday: string, locale: Locale): string {
	return byday
		.split(',')
		.map((code) => weekdayName(code as Weekday, locale))
		.join(', ');
}

/** A time of day "15:00" as the reader writes it: "15.00" in Danish, "15:00" in English. */
export function formatClock(time: string, locale: Locale): string {
	return locale === 'da' ? time.replace(':', '.') : time;
}

/** A file size: "590 kB", "9,0 MB" (Danish) or "9.0 MB" (English); never less than 1 kB. */
export function formatBytes(bytes: number, locale: Locale): string {
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
	const mb = (bytes / 1024 / 1024).toLocaleString(intlLocale[locale], {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	});
	return `${mb} MB`;
}

const inCopenhagen = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
	new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone: 'Europe/Copenhagen' });

/** A day heading in Danish time: "torsdag 14. oktober 2027", "Thursday 14 October 2027". */
export function formatDayHeading(moment: Date | string, locale: Locale): string {
	return inCopenhagen(locale, { dateStyle: 'full' }).format(new Date(moment));
}

/**
 * When an event is, in Danish time: "18.00–20.00" on its day, "14. okt. 2027 18.00 – 15. okt.
 * 2027 10.00" over several, and for all-day events the day or days. `withDate` adds the date to
 * a one-day event (the list shows it in the day's heading instead).
 */
export function formatEventTime(
	event: { start: Date | string; end: Date | string; allDay: boolean },
	locale: Locale,
	withDate = false
): string {
	const start = new Date(event.start);
	const end = new Date(event.end);
	const day = inCopenhagen(locale, { dateStyle: 'long' });
	const clock = inCopenhagen(locale, { timeStyle: 'short' });
	if (event.allDay) {
		const last = new Date(end.getTime() - 1);
		return day.format(start) === day.format(last)
			? day.format(start)
			: `${day.format(start)} – ${day.format(last)}`;
	}
	if (day.format(start) === day.format(end)) {
		const hours = `${clock.format(start)}–${clock.format(end)}`;
		return withDate ? `${day.format(start)}, ${hours}` : hours;
	}
	return `${day.format(start)} ${clock.format(start)} – ${day.format(end)} ${clock.format(end)}`;
}

/** A deadline in Danish time, in full: "5. juli 2027 kl. 12.00", "5 July 2027 at 12:00". */
export function formatDeadline(moment: Date | string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Europe/Copenhagen'
	}).format(new Date(moment));
}

/** Months by number (1-12) as names: "august og februar", "August and February". */
export function monthNames(months: number[], locale: Locale): string {
	const names = months.map((n) =>
		new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
			month: 'long',
			timeZone: 'UTC'
		}).format(new Date(Date.UTC(2024, n - 1, 1)))
	);
	return new Intl.ListFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
		style: 'long',
		type: 'conjunction'
	}).format(names);
}

/** A number with one decimal, the reader's way: "7,6", "7.6". */
export function formatDecimal(value: number, locale: Locale): string {
	return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	}).format(value);
}
