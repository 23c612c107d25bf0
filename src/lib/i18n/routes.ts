/**
 * Danish and English URLs for the same page. Routes are written with Danish paths; an English
 * URL is `/en` plus the English name of the first path segment (`/en/guideposts/<slug>` is
 * `/pejlemaerker/<slug>`). The `reroute` hook maps English URLs onto the Danish routes.
 */
export type Locale = 'da' | 'en';

/**
 * Danish route paths and their English names. A nested path lists its full Danish and English
 * prefix; a segment not listed (a slug, an indicator code) is the same in both languages.
 */
const paths: ReadonlyArray<readonly [da: string, en: string]> = [
	['/pejlemaerker', '/guideposts'],
	['/strategi', '/strategy'],
	['/om', '/about'],
	['/privatlivspolitik', '/privacy'],
	['/afvist', '/refused'],
	['/tilgaengelighedserklaering', '/accessibility-statement'],
	['/indikatorer', '/indicators'],
	['/indikatorer/omraader', '/indicators/areas'],
	['/tilbud', '/offers'],
	['/job', '/jobs'],
	['/uddannelser', '/programmes'],
	['/uddannelser/veje', '/programmes/pathways'],
	['/uddannelser/sammenlign', '/programmes/compare'],
	['/soeg', '/search'],
	['/arrangementer', '/events'],
	['/arrangementer/arkiv', '/events/archive'],
	['/arrangementer/kalender.ics', '/events/calendar.ics'],
	['/indlejr', '/embed'],
	['/indlejr/arrangementer', '/embed/events'],
	['/indlejr/job', '/embed/jobs'],
	['/indlejr/tilbud', '/embed/offers'],
	['/indlejr/uddannelser', '/embed/programmes'],
	['/job/besked', '/jobs/alert'],
	['/job/besked/bekraeft', '/jobs/alert/confirm'],
	['/job/besked/afmeld', '/jobs/alert/unsubscribe'],
	['/partnerskaber', '/partnerships'],
	['/organisationer', '/organisations'],
	['/opfoelgning', '/follow-up'],
	['/opfoelgning/rapporter', '/follow-up/reports'],
	['/indsatser', '/initiatives'],
	['/opsaetning', '/setup'],
	['/log-ind', '/login'],
	['/log-ind/kode', '/login/code'],
	['/log-ud', '/logout'],
	['/glemt-adgangskode', '/forgot-password'],
	['/nulstil-adgangskode', '/reset-password'],
	['/admin/brugere', '/admin/users'],
	['/admin/konto', '/admin/account'],
	['/admin/post', '/admin/mail'],
	['/admin/sikkerhedskopier', '/admin/backups'],
	['/admin/log', '/admin/audit'],
	['/admin/organisationer', '/admin/organisations'],
	['/admin/kalendere', '/admin/calendars'],
	['/admin/arrangementer', '/admin/events'],
	['/admin/uddannelser', '/admin/programmes'],
	['/admin/indikatorer', '/admin/indicators'],
	['/admin/tilbud', '/admin/offers'],
	['/admin/opslag', '/admin/postings'],
	['/admin/partnerskaber', '/admin/partnerships'],
	['/admin/godkendelse', '/admin/review'],
	['/admin/indsatser', '/admin/initiatives'],
	['/admin/indsatser/ny', '/admin/initiatives/new'],
	['/admin/runder', '/admin/rounds'],
	['/admin/rapporter', '/admin/reports']
];
const toDanish = new Map(paths.map(([da, en]) => [en, da]));
const toEnglish = new Map(paths);

export function localeOf(pathname: string): Locale {
	return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'da';
}

/** Translates a path segment by segment: each prefix is looked up in `names`. */
function translate(path: string, names: ReadonlyMap<string, string>): string {
	const parts = path.split('/').slice(1);
	let source = '';
	const out: string[] = [];
	for (const part of parts) {
		source += `/${part}`;
		const target = names.get(source);
		out.push(target ? target.slice(target.lastIndexOf('/') + 1) : part);
	}
	return '/' + out.join('/');
}

/** The route (Danish) path that serves a URL path in either language. */
export function routePath(pathname: string): string {
	if (localeOf(pathname) === 'da') return pathname;
	const rest = pathname.slice(3);
	if (rest === '' || rest === '/') return '/';
	return translate(rest, toDanish);
}

/** The URL path of a route in a language: localizedPath('/pejlemaerker/x', 'en') is '/en/guideposts/x'. */
export function localizedPath(route: string, locale: Locale): string {
	if (locale === 'da') return route;
	if (route === '/') return '/en';
	return '/en' + translate(route, toEnglish);
}

/** The same page in the other language. */
export function alternatePath(pathname: string, target: Locale): string {
	return localizedPath(routePath(pathname), target);
}
