// Security headers for every response: pages (hooks.server.ts) and the static files that
// adapter-node serves before the hooks run (scripts/serve-headers.js). Plain JavaScript, so the
// start scripts load it without a build step.

/**
 * The headers every response gets. Pages also get SvelteKit's Content-Security-Policy; other
 * answers get one that lets nothing run or load. HSTS is sent when the site's ORIGIN is https,
 * so a browser never again asks for it over plain http (a year, as browsers' preload rules ask).
 * @param {string | undefined} origin the configured ORIGIN
 * @returns {Record<string, string>}
 */
export function securityHeaders(origin) {
	/** @type {Record<string, string>} */
	const headers = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'x-frame-options': 'DENY',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
		'cross-origin-opener-policy': 'same-origin'
	};
	if (origin?.startsWith('https://')) headers['strict-transport-security'] = 'max-age=31536000';
	return headers;
}

/** The policy of every answer that is not a page: nothing in it may run, load or be framed. */
export const NOTHING_RUNS = "default-src 'none'; frame-ancestors 'none'";

/**
 * Whether a request path is an embed page (/indlejr/…, /en/embed/…), which other sites may
 * frame: it gets no X-Frame-Options (its policy says `frame-ancestors *` instead).
 * @param {string} path the request's path, query included or not
 */
export function isEmbedPath(path) {
	return /^\/(indlejr|en\/embed)\//.test(path);
}
