#!/usr/bin/env node
// `npm start`: validate the configuration, build the site if the sources changed since the last
// build, then serve it. The server opens the database, migrates and seeds on first start.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { sourceHash, readBuildHash, writeBuildHash } from './source-hash.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { loadConfig, ConfigError } = await tsImport('../src/lib/server/config.ts', import.meta.url);
try {
	loadConfig();
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}

const hash = sourceHash(root);
if (!existsSync(join(root, 'build', 'index.js')) || readBuildHash(root) !== hash) {
	console.log('Building Uddannelsesby (first start, or the code has changed)…');
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('The build failed; see the messages above.');
		process.exit(result.status ?? 1);
	}
	writeBuildHash(root, hash);
}

await import(pathToFileURL(join(root, 'build', 'index.js')).href);
