/**
 * The cross-site request rule. SvelteKit's own check looks only at form content types, so a
 * cross-site POST with no body, or with a JSON body, slipped past it. Every request that may
 * change something (any method but GET and HEAD) must come from this site.
 */
const READS = new Set(['GET', 'HEAD']);

/**
 * Routes that may be posted to from anywhere: the one-click unsubscribe link in alert mails
 * (RFC 8058). Mail providers post `List-Unsubscribe=One-Click` there without an Origin; the
 * request can only end the alert its secret token names, so a forged post harms nobody.
 */
const OPEN_TO_ANY_ORIGIN = new Set(['/job/besked/afmeld']);

/**
 * Whether a request is a cross-site write to refuse. Browsers send `Origin` with every
 * non-GET request, and `Sec-Fetch-Site` says where a request came from. A request with neither
 * is not from a browser; it is refused only when it carries cookies, the ambient credential
 * that a forged request would abuse.
 */
export function crossSiteRequest(request: Request, url: URL, route: string): boolean {
	if (READS.has(request.method)) return false;
	if (OPEN_TO_ANY_ORIGIN.has(route)) return false;
	const origin = request.headers.get('origin');
	if (origin !== null) return origin !== url.origin;
	const site = request.headers.get('sec-fetch-site');
	if (site !== null) return site !== 'same-origin' && site !== 'none';
	return request.headers.has('cookie');
}
