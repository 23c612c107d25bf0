/**
 * Danish and English URLs for the same page. Routes are written with Danish paths; an English
 * URL is `/en` plus the English name of the first path segment (`/en/guideposts/<slug>` is
 * `/pejlemaerker/<slug>`). The `reroute` hook maps English URLs onto the Danish routes.
 */
export type Locale = 'da' | 'en';

const segments: ReadonlyArray<readonly [da: string, en: string]> = [
	['pejlemaerker', 'guideposts'],
	['strategi', 'strategy'],
	['om', 'about'],
	['privatlivspolitik', 'privacy'],
	['tilgaengelighedserklaering', 'accessibility-statement'],
	['indikatorer', 'indicators']
];
const toDanish = new Map(segments.map(([da, en]) => [en, da]));
const toEnglish = new Map(segments);

export function localeOf(pathname: string): Locale {
	return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'da';
}

/** The route (Danish) path that serves a URL path in either language. */
export function routePath(pathname: string): string {
	if (localeOf(pathname) === 'da') return pathname;
	const rest = pathname.slice(3);
	if (rest === '' || rest === '/') return '/';
	const [, first = '', ...others] = rest.split('/');
	return ['', toDanish.get(first) ?? first, ...others].join('/');
}

/** The URL path of a route in a language: localizedPath('/pejlemaerker/x', 'en') is '/en/guideposts/x'. */
export function localizedPath(route: string, locale: Locale): string {
	if (locale === 'da') return route;
	if (route === '/') return '/en';
	const [, first = '', ...others] = route.split('/');
	return ['', 'en', toEnglish.get(first) ?? first, ...others].join('/');
}

/** The same page in the other language. */
export function alternatePath(pathname: string, target: Locale): string {
	return localizedPath(routePath(pathname), target);
}
