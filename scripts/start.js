#!/usr/bin/env node
// `npm start`: validate the configuration, build the site if the sources changed since the last
// build, then serve it. The server opens the database, migrates and seeds on first start.
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { buildIfNeeded } from './build-if-needed.js';
import { addSecurityHeaders } from './serve-headers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { loadConfig, ConfigError, publicUrl } = await tsImport(
	'../src/lib/server/config.ts',
	import.meta.url
);
/** @type {{ HOST: string, PORT: number }} */
let listen;
try {
	listen = loadConfig();
	// adapter-node assumes https unless ORIGIN says otherwise, and SvelteKit refuses form posts
	// whose Origin differs; without ORIGIN the site is local, at the URL printed at start-up.
	process.env.ORIGIN ||= publicUrl(listen);
	// The most any body may be: an editor's indicator file (20 MB; the page checks the size).
	// Smaller limits per route and per person are enforced in the hooks (body-limit.ts).
	process.env.BODY_SIZE_LIMIT ||= '21M';
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(/** @type {Error} */ (error).message);
		process.exit(1);
	}
	throw error;
}

// The server listens only after the database is open; say now, clearly, if it could not.
const portProblem = await new Promise((resolve) => {
	const probe = createServer();
	probe.once('error', (/** @type {NodeJS.ErrnoException} */ error) => resolve(error.code));
	probe.listen(listen.PORT, listen.HOST, () => probe.close(() => resolve(undefined)));
});
if (portProblem) {
	console.error(
		portProblem === 'EADDRINUSE'
			? `Port ${listen.PORT} on ${listen.HOST} is already in use by another program. ` +
					'Stop that program or set PORT to a free port.'
			: `Cannot listen on ${listen.HOST}:${listen.PORT} (${portProblem}). Set HOST and PORT to an address this machine may use.`
	);
	process.exit(1);
}

buildIfNeeded(root);

const { server } = await import(pathToFileURL(join(root, 'build', 'index.js')).href);
addSecurityHeaders(server);
