// A Vite plugin that rewrites a few lines of Svelte's and SvelteKit's server code, as built into
// this site, so that a rendered page does not outlive its request.
//
// Under Node 20 (V8 11.3), an object that gets a map of its own keeps what its properties refer
// to alive through every young-generation collection, until the next full one: an object given
// getters made per call, and an object spread with properties after it (`{ ...a, b }`). Per
// request, Svelte's legacy render result (getters over the rendered page), SvelteKit's tracked
// URL (getters over the request's `uses`) and SvelteKit's load event and render state (spreads)
// are such objects, and with them every rendered page survived its young collection: the
// 72,000-observation indicator page moved 60 kB a request to the old generation and spent 14 % of
// its time in young collections (docs/deployment.md, Rendering; `node bench/gc-survival.js`
// shows the mechanism on the Node it runs on).
//
// Each patch replaces exact text and behaves as the original: getters made once (on a class, or
// shared between calls) and `Object.assign` instead of a spread. A patch whose text is not found
// stops the build: a new Svelte or SvelteKit must be looked at again (re-measure with
// `BENCH_ONLY=72,000 node bench/run.js`, then update or drop the patch).

/**
 * @typedef {{ file: string; why: string; edits: [find: string, replace: string][]; append?: string }} Patch
 * Each `find` must be in the file (every occurrence is replaced); `append` is added at its end.
 */

// SvelteKit's `merge_tracing` (exports/internal/server.js) with Object.assign. That module is
// bundled by adapter-node's own pass, where this plugin does not run, so its callers in the
// page path call this copy instead.
const MERGE_TRACING = `
/** @template {{ tracing: any }} T @param {T} event_like @param {any} current @returns {T} */
function merge_tracing_assigned(event_like, current) {
	return Object.assign({}, event_like, {
		tracing: Object.assign({}, event_like.tracing, { current })
	});
}
`;

/** @type {Patch[]} */
export const PATCHES = [
	{
		file: 'svelte/src/legacy/legacy-server.js',
		why: 'the render result: getters made per render over the rendered page',
		edits: [
			[
				`		const munged = Object.defineProperties(
			/** @type {LegacyRenderResult & PromiseLike<LegacyRenderResult>} */ ({}),
			{
				css: {
					value: { code: '', map: null }
				},
				head: {
					get: () => result.head
				},
				html: {
					get: () => result.body
				},
				then: {
					/**
					 * this is not type-safe, but honestly it's the best I can do right now, and it's a straightforward function.
					 *
					 * @template TResult1
					 * @template [TResult2=never]
					 * @param { (value: LegacyRenderResult) => TResult1 } onfulfilled
					 * @param { (reason: unknown) => TResult2 } onrejected
					 */
					value: (onfulfilled, onrejected) => {
						if (!async_mode_flag) {
							const user_result = onfulfilled({
								css: munged.css,
								head: munged.head,
								html: munged.html
							});
							return Promise.resolve(user_result);
						}

						return result.then((result) => {
							return onfulfilled({
								css: munged.css,
								head: result.head,
								html: result.body,
								hashes: result.hashes
							});
						}, onrejected);
					}
				}
			}
		);
`,
				`		const munged = new LegacyRenderResultOf(result);
`
			],
			[
				`export function asClassComponent(component) {`,
				`class LegacyRenderResultOf {
	#result;
	/** @param {any} result */
	constructor(result) {
		this.#result = result;
	}
	get css() {
		return { code: '', map: null };
	}
	get head() {
		return this.#result.head;
	}
	get html() {
		return this.#result.body;
	}
	/** @param {(value: any) => any} onfulfilled @param {(reason: unknown) => any} [onrejected] */
	then(onfulfilled, onrejected) {
		if (!async_mode_flag) {
			return Promise.resolve(onfulfilled({ css: this.css, head: this.head, html: this.html }));
		}
		return this.#result.then(
			(/** @type {any} */ result) =>
				onfulfilled({ css: this.css, head: result.head, html: result.body, hashes: result.hashes }),
			onrejected
		);
	}
}

export function asClassComponent(component) {`
			]
		]
	},
	{
		file: '@sveltejs/kit/src/utils/url.js',
		why: "the tracked URL: getters made per request over the load's `uses`",
		edits: [
			[
				`	for (const property of tracked_url_properties) {
		Object.defineProperty(tracked, property, {
			get() {
				callback();
				return url[property];
			},

			enumerable: true,
			configurable: true
		});
	}`,
				`	Object.defineProperty(tracked, TRACKED, { value: { url, callback } });
	for (const property of tracked_url_properties) {
		Object.defineProperty(tracked, property, {
			get: TRACKED_GETTERS[property],
			enumerable: true,
			configurable: true
		});
	}`
			],
			[
				`export function make_trackable(url, callback, search_params_callback, allow_hash = false) {`,
				`const TRACKED = Symbol('tracked');
/** @type {Record<string, (this: any) => unknown>} */
const TRACKED_GETTERS = {};
for (const property of ['href', 'pathname', 'search', 'toString', 'toJSON', 'hash']) {
	TRACKED_GETTERS[property] = function () {
		this[TRACKED].callback();
		return this[TRACKED].url[property];
	};
}

export function make_trackable(url, callback, search_params_callback, allow_hash = false) {`
			],
			[
				`	Object.defineProperty(url, 'hash', {
		get() {
			throw new Error(
				'Cannot access event.url.hash. Consider using \`page.url.hash\` inside a component instead'
			);
		}
	});`,
				`	Object.defineProperty(url, 'hash', { get: hash_disallowed });`
			],
			[
				`function disable_hash(url) {`,
				`function hash_disallowed() {
	throw new Error(
		'Cannot access event.url.hash. Consider using \`page.url.hash\` inside a component instead'
	);
}

function disable_hash(url) {`
			]
		]
	},
	{
		file: '@sveltejs/kit/src/runtime/server/page/load_data.js',
		why: "a load's event: spreads with properties after them",
		append: MERGE_TRACING,
		edits: [
			[
				'const traced_event = merge_tracing(event, current);',
				'const traced_event = merge_tracing_assigned(event, current);'
			],
			[
				`				load.call(null, {
					...traced_event,
`,
				`				load.call(null, Object.assign({}, traced_event, {
`
			],
			[
				`					}
				})
			);

			return result;`,
				`					}
				}))
			);

			return result;`
			]
		]
	},
	{
		file: '@sveltejs/kit/src/runtime/server/page/render.js',
		why: "the page's data and render state: spreads",
		edits: [
			[`data = { ...data, ...branch[i].data };`, `data = Object.assign({}, data, branch[i].data);`],
			[
				`const state = { ...event_state, is_in_render: true };`,
				`const state = Object.assign({}, event_state, { is_in_render: true });`
			]
		]
	},
	{
		file: '@sveltejs/kit/src/runtime/server/respond.js',
		why: "the request's traced events: spreads with properties after them",
		append: MERGE_TRACING,
		edits: [
			[
				'resolve(merge_tracing(event, resolve_span), page_nodes, opts)',
				'resolve(merge_tracing_assigned(event, resolve_span), page_nodes, opts)'
			],
			[
				`				const traced_event = {
					...event,
					tracing: {
						enabled: __SVELTEKIT_SERVER_TRACING_ENABLED__,
						root: root_span,
						current: root_span
					}
				};`,
				`				const traced_event = Object.assign({}, event, {
					tracing: {
						enabled: __SVELTEKIT_SERVER_TRACING_ENABLED__,
						root: root_span,
						current: root_span
					}
				});`
			]
		]
	}
];

/**
 * `code` of the module at `id` with its patch applied, or undefined when no patch is for it.
 * Throws when a patch's text is not there.
 * @param {string} code @param {string} id
 */
export function patched(code, id) {
	const path = id.split('?')[0]?.replaceAll('\\', '/') ?? '';
	const patch = PATCHES.find((p) => path.endsWith(`/node_modules/${p.file}`));
	if (!patch) return undefined;
	let out = code;
	for (const [find, replace] of patch.edits) {
		if (!out.includes(find))
			throw new Error(
				`scripts/vite-young-generation.js: ${patch.file} has changed (${patch.why}); ` +
					'its patch no longer applies. Look at the new code, re-measure and update or drop the patch.'
			);
		// split/join: a replacement is text, never a pattern with `$&` and the like.
		out = out.split(find).join(replace);
	}
	return patch.append ? out + patch.append : out;
}

/** The plugin: only for the server build (the browser never runs this code on a request). */
export function youngGeneration() {
	return {
		name: 'uddannelsesby:young-generation',
		enforce: /** @type {const} */ ('pre'),
		/** @param {string} code @param {string} id @param {{ ssr?: boolean }} [options] */
		transform(code, id, options) {
			if (!options?.ssr) return undefined;
			const out = patched(code, id);
			return out === undefined ? undefined : { code: out, map: null };
		}
	};
}
