/**
 * SvelteKit's CSRF rule, kept here so that one route can be exempt: a form post (a body
 * browsers send cross-site without asking) whose Origin is not this site is refused.
 */
const FORM_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
]);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Routes a form may be posted to from anywhere: the one-click unsubscribe link in alert mails
 * (RFC 8058). Mail providers post `List-Unsubscribe=One-Click` there without an Origin; the
 * request can only end the alert its secret token names, so a forged post harms nobody.
 */
const OPEN_TO_ANY_ORIGIN = new Set(['/job/besked/afmeld']);

export function crossSiteForm(request: Request, url: URL, route: string): boolean {
	if (!WRITES.has(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';', 1)[0]!.trim().toLowerCase() ?? '';
	if (!FORM_TYPES.has(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !OPEN_TO_ANY_ORIGIN.has(route);
}
