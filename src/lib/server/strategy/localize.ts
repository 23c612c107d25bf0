import type { LocalizedText } from './definition.ts';

export const locales = ['da', 'en'] as const;
export type Locale = (typeof locales)[number];

/** A definition type with every `{ da, en? }` text replaced by a plain string. */
export type Localized<T> = T extends LocalizedText
	? string
	: T extends readonly (infer U)[]
		? Localized<U>[]
		: T extends object
			? { [K in keyof T]: Localized<T[K]> }
			: T;

function isLocalizedText(value: unknown): value is LocalizedText {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const keys = Object.keys(value);
	return (
		typeof (value as { da?: unknown }).da === 'string' &&
		keys.every((k) => k === 'da' || k === 'en')
	);
}

/**
 * Picks one language throughout a value. English falls back to Danish; `fellBack` tells the
 * page to say so, since Danish is the only required language.
 */
export function localize<T>(value: T, locale: Locale): { value: Localized<T>; fellBack: boolean } {
	let fellBack = false;
	const walk = (v: unknown): unknown => {
		if (isLocalizedText(v)) {
			if (locale === 'en') {
				if (v.en !== undefined) return v.en;
				fellBack = true;
			}
			return v.da;
		}
		if (Array.isArray(v)) return v.map(walk);
		if (v && typeof v === 'object') {
			return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
		}
		return v;
	};
	const localized = walk(value) as Localized<T>;
	return { value: localized, fellBack };
}
