import type { Locale } from './routes.ts';

// Building an Intl.DisplayNames is costly (it loads locale data); one per language serves all.
const displayNames = new Map<Locale, Intl.DisplayNames>();
const names = new Map<string, string>();

/** A language's name from its ISO 639-1 code, in the reader's language: "Ukrainsk", "Ukrainian". */
export function languageName(code: string, locale: Locale): string {
	const key = `${locale}:${code}`;
	const known = names.get(key);
	if (known !== undefined) return known;
	let display = displayNames.get(locale);
	if (!display) {
		display = new Intl.DisplayNames([locale === 'da' ? 'da' : 'en'], { type: 'language' });
		displayNames.set(locale, display);
	}
	let name: string | undefined;
	try {
		name = display.of(code);
	} catch {
		name = undefined;
	}
	const result =
		!name || name === code ? code : name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
	// Codes come from validated data (ISO 639-1), so the map stays small.
	if (names.size < 1000) names.set(key, result);
	return result;
}
