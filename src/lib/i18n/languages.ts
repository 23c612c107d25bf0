import type { Locale } from './routes.ts';

/** A language's name from its ISO 639-1 code, in the reader's language: "Ukrainsk", "Ukrainian". */
export function languageName(code: string, locale: Locale): string {
	let name: string | undefined;
	try {
		name = new Intl.DisplayNames([locale === 'da' ? 'da' : 'en'], { type: 'language' }).of(code);
	} catch {
		name = undefined;
	}
	if (!name || name === code) return code;
	return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
