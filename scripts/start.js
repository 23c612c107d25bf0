#!/usr/bin/env node
// `npm start`: validate the configuration, build the site if the sources changed since the last
// build, then serve it. The server opens the database, migrates and seeds on first start.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { buildIfNeeded } from './build-if-needed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { loadConfig, ConfigError, publicUrl } = await tsImport(
	'../src/lib/server/config.ts',
	import.meta.url
);
try {
	// adapter-node assumes https unless ORIGIN says otherwise, and SvelteKit refuses form posts
	// whose Origin differs; without ORIGIN the site is local, at the URL printed at start-up.
	process.env.ORIGIN ||= publicUrl(loadConfig());
	// Indicator files are uploaded through a form (at most 20 MB; the page checks the size).
	process.env.BODY_SIZE_LIMIT ||= '21M';
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(/** @type {Error} */ (error).message);
		process.exit(1);
	}
	throw error;
}

buildIfNeeded(root);

await import(pathToFileURL(join(root, 'build', 'index.js')).href);
