#!/usr/bin/env node
// `npm start`: validate the configuration, build the site if the sources changed since the last
// build, then serve it. The server opens the database, migrates and seeds on first start.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { buildIfNeeded } from './build-if-needed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { loadConfig, ConfigError } = await tsImport('../src/lib/server/config.ts', import.meta.url);
try {
	loadConfig();
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(/** @type {Error} */ (error).message);
		process.exit(1);
	}
	throw error;
}

buildIfNeeded(root);

await import(pathToFileURL(join(root, 'build', 'index.js')).href);
