// adapter-node serves the files under build/client (the `/_app` scripts, styles, fonts and
// images) before SvelteKit's hooks run, so they got none of the security headers. This puts the
// defaults on every response of the HTTP server first; SvelteKit's own headers, set later,
// replace a default of the same name.
import { NOTHING_RUNS, securityHeaders } from '../src/lib/security-headers.js';

/** @param {{ server?: import('node:http').Server }} polka the `server` adapter-node exports */
export function addSecurityHeaders(polka) {
	const httpServer = polka.server;
	if (!httpServer) throw new Error('adapter-node did not expose its HTTP server');
	const defaults = Object.entries({
		...securityHeaders(process.env.ORIGIN),
		'content-security-policy': NOTHING_RUNS
	});
	httpServer.prependListener('request', (_request, response) => {
		for (const [name, value] of defaults) response.setHeader(name, value);
	});
}
