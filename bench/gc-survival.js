#!/usr/bin/env node
// `node bench/gc-survival.js`: how much of what a request typically makes survives V8's
// young-generation collections and is moved to the old generation, where only a full
// collection frees it (docs/deployment.md, Rendering). Each case runs alone in a child process
// with `--trace-gc-nvp`; the figure is the bytes moved per object made. A case that keeps
// nothing shows about 0. Prints figures; asserts nothing. Measured on Node 20 (2026-12-06):
// the object spread with a property after it, AbortSignal, Request, Response and
// ReadableStream survive; run it again on a newer Node to see whether they still do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Each case makes one thing of about the size of a small request's data, and drops it. */
const CASES = {
	'plain object (control)': () => ({ a: 1, b: new Array(20).fill(0) }),
	'Object.assign({}, a, { extra })': (/** @type {object} */ a) =>
		Object.assign({}, a, { extra: 1 }),
	'{ ...a }': (/** @type {object} */ a) => ({ ...a }),
	'{ ...a, extra }': (/** @type {object} */ a) => ({ ...a, extra: 1 }),
	'getter made per call (defineProperty)': () =>
		Object.defineProperty({ b: new Array(20).fill(0) }, 'x', { get: () => 1, enumerable: false }),
	'new AbortController().signal': () => new AbortController().signal,
	'new Request(url)': () => new Request('http://localhost/a'),
	"new Response('…')": () => new Response('<p>a</p>'),
	'new ReadableStream()': () => new ReadableStream()
};

const name = process.argv[2];
if (name) {
	// The child: warm up, then make objects for two seconds between two marks in the trace.
	const make = CASES[/** @type {keyof typeof CASES} */ (name)];
	/** @type {unknown[]} */
	const keep = [null];
	const source = { x: 1, y: 2, z: new Array(20).fill(0) };
	for (let i = 0; i < 10_000; i++) keep[0] = make(source);
	console.log('MARK start');
	let made = 0;
	const until = Date.now() + 2000;
	while (Date.now() < until) {
		for (let i = 0; i < 1000; i++) keep[0] = make(source);
		made += 1000;
	}
	console.log(`MARK end ${made}`);
} else {
	console.log(`Node ${process.version}: bytes moved to the old generation per object made\n`);
	const rows = [];
	for (const key of Object.keys(CASES)) {
		const run = spawnSync(
			process.execPath,
			['--trace-gc-nvp', '--max-semi-space-size=64', fileURLToPath(import.meta.url), key],
			{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
		);
		const out = run.stdout;
		const made = Number(/MARK end (\d+)/.exec(out)?.[1] ?? NaN);
		const between = out.slice(out.indexOf('MARK start'), out.indexOf('MARK end'));
		let promoted = 0;
		let pauses = 0;
		let collections = 0;
		for (const line of between.split('\n')) {
			if (!line.includes('gc=s ')) continue;
			collections++;
			promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
			pauses += Number(/pause=([\d.]+)/.exec(line)?.[1] ?? 0);
		}
		rows.push({
			case: key,
			'made/s': Math.round(made / 2),
			'young collections': collections,
			'bytes moved per object': (promoted / made).toFixed(1),
			'pause ms/s': (pauses / 2).toFixed(0)
		});
	}
	console.table(rows);
}
