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
