// adapter-node serves the files under build/client (the `/_app` scripts, styles, fonts and
// images) before SvelteKit's hooks run, so they got none of the security headers. This puts the
// defaults on every response of the HTTP server first; SvelteKit's own headers, set later,
// replace a default of the same name.
import { NOTHING_RUNS, isEmbedPath, securityHeaders } from '../src/lib/security-headers.js';

/** @param {{ server?: import('node:http').Server }} polka the `server` adapter-node exports */
export function addSecurityHeaders(polka) {
	const httpServer = polka.server;
	if (!httpServer) throw new Error('adapter-node did not expose its HTTP server');
	const defaults = Object.entries({
		...securityHeaders(process.env.ORIGIN),
		'content-security-policy': NOTHING_RUNS
	});
	const framable = defaults.filter(([name]) => name !== 'x-frame-options');
	httpServer.prependListener('request', (request, response) => {
		for (const [name, value] of isEmbedPath(request.url ?? '') ? framable : defaults)
			response.setHeader(name, value);
	});
}

/**
 * The request header that tells adapter-node a request came over plain HTTP, when the site runs
 * without ORIGIN. adapter-node then takes each request's origin from its own Host header, so
 * the site works by whatever name it is opened (localhost, 127.0.0.1, an IP, a host name), and
 * a form's Origin is compared with the host it was sent to.
 */
export const PLAIN_HTTP_HEADER = 'x-uddannelsesby-scheme';

/**
 * Without ORIGIN (and without a proxy's PROTOCOL_HEADER): every request is marked as plain
 * HTTP, which this server is (adapter-node serves no TLS); a client's own value is overwritten.
 * @param {NodeJS.ProcessEnv} env
 */
export function answerOnAnyHost(env) {
	// An empty variable means "not set", as the configuration reads it.
	if (!env.ORIGIN) delete env.ORIGIN;
	if (env.ORIGIN || env.PROTOCOL_HEADER) return undefined;
	env.PROTOCOL_HEADER = PLAIN_HTTP_HEADER;
	/** @param {{ server?: import('node:http').Server }} polka */
	return (polka) => {
		polka.server?.prependListener('request', (request) => {
			request.headers[PLAIN_HTTP_HEADER] = 'http';
		});
	};
}
