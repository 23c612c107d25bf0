import { tr } from '../problem-language.ts';

/**
 * Geographies by Danmarks Statistik's codes: 000 is the whole country, 081-085 the five
 * regions and 101-860 the municipalities. Names are known for the ones the platform shows by
 * default; any other three-digit municipality code is accepted and shown by its code.
 */
export const NATIONAL = '000';

const regions: Record<string, { da: string; en: string }> = {
	'081': { da: 'Region Nordjylland', en: 'North Denmark Region' },
	'082': { da: 'Region Midtjylland', en: 'Central Denmark Region' },
	'083': { da: 'Region Syddanmark', en: 'Region of Southern Denmark' },
	'084': { da: 'Region Hovedstaden', en: 'Capital Region of Denmark' },
	'085': { da: 'Region Sjælland', en: 'Region Zealand' }
};

const municipalities: Record<string, string> = {
	'101': 'København',
	'147': 'Frederiksberg',
	'461': 'Odense',
	'561': 'Esbjerg',
	'621': 'Kolding',
	'630': 'Vejle',
	'657': 'Herning',
	'730': 'Randers',
	'751': 'Aarhus',
	'773': 'Morsø',
	'787': 'Thisted',
	'810': 'Brønderslev',
	'813': 'Frederikshavn',
	'820': 'Vesthimmerlands',
	'825': 'Læsø',
	'840': 'Rebild',
	'846': 'Mariagerfjord',
	'849': 'Jammerbugt',
	'851': 'Aalborg',
	'860': 'Hjørring'
};

export type GeoResult = { ok: true; code: string } | { ok: false; message: string };

/** Accepts `851`, `0851` and DST's codes; returns the three-digit code. */
export function parseGeography(raw: string): GeoResult {
	const text = raw.trim();
	if (!/^\d{1,4}$/.test(text)) {
		return {
			ok: false,
			message: tr(
				`"${text}" is not a geography code: use Danmarks Statistik's codes (851 Aalborg, 000 all of Denmark, 081 Region Nordjylland)`,
				`"${text}" er ikke en områdekode: brug Danmarks Statistiks koder (851 Aalborg, 000 hele landet, 081 Region Nordjylland)`
			)
		};
	}
	const code = String(Number(text)).padStart(3, '0');
	const n = Number(code);
	if (code === NATIONAL || regions[code] || (n >= 101 && n <= 860)) return { ok: true, code };
	return {
		ok: false,
		message: tr(
			`"${text}" is not a Danish municipality (101-860), region (081-085) or the whole country (000)`,
			`"${text}" er ikke en dansk kommune (101-860), en region (081-085) eller hele landet (000)`
		)
	};
}

export function geographyName(code: string, locale: 'da' | 'en'): string {
	if (code === NATIONAL) return locale === 'da' ? 'Hele landet' : 'All of Denmark';
	const region = regions[code];
	if (region) return region[locale];
	const municipality = municipalities[code];
	if (municipality)
		return locale === 'da' ? `${municipality} Kommune` : `${municipality} Municipality`;
	return locale === 'da' ? `Kommune ${code}` : `Municipality ${code}`;
}

export function isGeographyCode(value: string): boolean {
	return parseGeography(value).ok && /^\d{3}$/.test(value);
}
