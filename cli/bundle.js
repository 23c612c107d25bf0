// The command line as one file. Run from its TypeScript sources through tsx, every start spent
// about two seconds of CPU loading 160 modules through tsx's loader (`uddannelsesby --help`:
// 2.1 s); bundled with esbuild it loads in about a third of that. The bundle is made with the
// build (`npm run build`, and whenever `npm start` or the tests build the site) and used only
// while it matches its sources: `cli/bin.js` checks each source file's hash and falls back to
// tsx after any change, so an edit is never run stale. Dependencies stay in node_modules.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bundle of the command in `root` is, and the hash of every source file in it. */
const bundleDir = (/** @type {string} */ root) => join(root, 'build', 'cli');
const bundleFile = (/** @type {string} */ root) => join(bundleDir(root), 'main.js');
const stampFile = (/** @type {string} */ root) => join(bundleDir(root), 'sources.json');

const hashOf = (/** @type {string} */ file) =>
	createHash('sha256').update(readFileSync(file)).digest('base64url');

/**
 * The bundle's URL when it holds the sources as they are now; otherwise (not made, or a source
 * changed since) undefined. Reads every source file the bundle holds: about 10 ms.
 * @returns {string | undefined}
 */
export function freshBundle(root = ROOT) {
	try {
		/** @type {Record<string, string>} */
		const sources = JSON.parse(readFileSync(stampFile(root), 'utf8'));
		for (const [file, hash] of Object.entries(sources))
			if (hashOf(join(root, file)) !== hash) return undefined;
		return existsSync(bundleFile(root)) ? pathToFileURL(bundleFile(root)).href : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Makes the bundle (about a second), unless it is fresh. Its own files' `import.meta.url` is
 * each source file's own, so the files they find beside themselves (the database worker) are
 * found as from the sources.
 */
export async function bundleCli(root = ROOT) {
	if (freshBundle(root)) return;
	const dir = bundleDir(root);
	const bundle = bundleFile(root);
	const stamp = stampFile(root);
	const { build } = await import('esbuild');
	const temporary = `${bundle}.${process.pid}.tmp`;
	mkdirSync(dir, { recursive: true });
	/** @type {Map<string, string>} */
	const read = new Map();
	let result;
	try {
		result = await build({
			entryPoints: [join(root, 'cli', 'main.ts')],
			outfile: temporary,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			packages: 'external',
			metafile: true,
			// Problems are in the error thrown (its message lists them), not written out as well.
			logLevel: 'silent',
			absWorkingDir: root,
			plugins: [
				{
					name: 'source-urls',
					setup(b) {
						b.onLoad({ filter: /\.[jt]s$/ }, (args) => {
							const bytes = readFileSync(args.path);
							// The hash of what went into the bundle, not of the file after.
							read.set(args.path, createHash('sha256').update(bytes).digest('base64url'));
							const fromBundle = relative(dir, args.path).split('\\').join('/');
							const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
							return {
								contents: bytes.toString('utf8').replaceAll('import.meta.url', url),
								loader: args.path.endsWith('.ts') ? 'ts' : 'js'
							};
						});
					}
				}
			]
		});
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	}
	/** @type {Record<string, string>} */
	const sources = {};
	for (const file of Object.keys(result.metafile.inputs).sort())
		sources[file] = read.get(join(root, file)) ?? hashOf(join(root, file));
	// Renamed into place: a command started meanwhile reads the old bundle or the new, whole.
	renameSync(temporary, bundle);
	writeFileSync(`${stamp}.${process.pid}.tmp`, JSON.stringify(sources, null, '\t') + '\n');
	renameSync(`${stamp}.${process.pid}.tmp`, stamp);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundleCli();
