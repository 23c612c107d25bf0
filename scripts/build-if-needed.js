// A fingerprint of everything the build reads, so `npm start` rebuilds only when it changed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = [
	'src',
	'static',
	'messages',
	'project.inlang/settings.json',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];
const SKIP = new Set(['paraglide', 'node_modules']);

/** @param {string} path @returns {Generator<string>} */
function* files(path) {
	if (!existsSync(path)) return;
	if (statSync(path).isDirectory()) {
		for (const name of readdirSync(path).sort()) {
			if (!SKIP.has(name)) yield* files(join(path, name));
		}
	} else yield path;
}

/** @param {string} root */
export function sourceHash(root) {
	const hash = createHash('sha256');
	for (const input of INPUTS) {
		for (const file of files(join(root, input))) {
			hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
		}
	}
	return hash.digest('hex');
}

const stampPath = (/** @type {string} */ root) => join(root, 'build', '.source-hash');

/** @param {string} root */
export function readBuildHash(root) {
	try {
		return readFileSync(stampPath(root), 'utf8').trim();
	} catch {
		return undefined;
	}
}

/** @param {string} root @param {string} hash */
export function writeBuildHash(root, hash) {
	writeFileSync(stampPath(root), hash + '\n');
}

/** Builds the site unless build/ already matches the sources. Exits the process if the build fails. */
/** @param {string} root @param {{ quiet?: boolean }} [options] */
export function buildIfNeeded(root, { quiet = false } = {}) {
	const hash = sourceHash(root);
	if (existsSync(join(root, 'build', 'index.js')) && readBuildHash(root) === hash) {
		bundleCliIfNeeded(root);
		return;
	}
	if (!quiet) console.log('Building Uddannelsesby (first start, or the code has changed)…');
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		stdio: 'inherit'
	});
	if (result.status !== 0) {
		console.error('The build failed; see the messages above.');
		process.exit(result.status ?? 1);
	}
	writeBuildHash(root, hash);
	bundleCliIfNeeded(root);
}

/**
 * The command line's bundle (cli/bundle.js), made beside the site: the site's build empties
 * build/. In a process of its own, as the site's build is, so this stays synchronous. Without
 * it the command runs from its sources, a second slower to start: a warning, not a failure.
 * @param {string} root
 */
function bundleCliIfNeeded(root) {
	const result = spawnSync(process.execPath, [join(root, 'cli', 'bundle.js')], {
		stdio: 'inherit'
	});
	if (result.status !== 0)
		console.warn(
			"The command line's bundle could not be made (see above): the command runs from its sources, a little slower to start."
		);
}
