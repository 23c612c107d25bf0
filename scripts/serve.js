#!/usr/bin/env node
// `npm run start:prod`: serve the site built by `npm run build`, with production dependencies
// only, writing nothing but the data directory. Validates the configuration and the port first;
// the server opens the database, migrates and seeds on first start. `npm start` runs this too,
// building first when the sources changed.
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
// tsx's CommonJS loader compiles config.ts in this thread. Its ESM `tsImport` would register
// loader hooks that every later `import()` crosses a thread for, and SvelteKit imports on
// every request (measured: about 6 % of an indicator page's time).
import { require as tsxRequire } from 'tsx/cjs/api';
import { existsSync } from 'node:fs';
import { addSecurityHeaders, answerOnAnyHost } from './serve-headers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { loadConfig, ConfigError } = tsxRequire('../src/lib/server/config.ts', import.meta.url);
/** @type {{ HOST: string, PORT: number }} */
let listen;
/** @type {((polka: { server?: import('node:http').Server }) => void) | undefined} */
let markPlainHttp;
try {
	listen = loadConfig();
	// Without ORIGIN the site answers by whatever name it is opened (localhost, 127.0.0.1, a
	// host name), each request's origin taken from its Host; links in mails and printed
	// addresses use the address it listens on (publicUrl).
	markPlainHttp = answerOnAnyHost(process.env);
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

// `npm start` builds here, after the checks above and before the build is loaded.
if (process.env.UDDANNELSESBY_BUILD_IF_NEEDED === '1') {
	const { buildIfNeeded } = await import('./build-if-needed.js');
	buildIfNeeded(root);
}

if (!existsSync(join(root, 'build', 'index.js'))) {
	console.error('No build found: run `npm run build` first (or `npm start`, which builds).');
	process.exit(1);
}

const { server } = await import(pathToFileURL(join(root, 'build', 'index.js')).href);
addSecurityHeaders(server);
markPlainHttp?.(server);
