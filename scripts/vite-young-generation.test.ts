import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { PATCHES, patched, youngGeneration } from './vite-young-generation.js';

const installed = (file: string) => join(process.cwd(), 'node_modules', file);

describe('the young-generation patches', () => {
	it.each(PATCHES.map((p) => [p.file, p] as const))(
		'apply to the installed %s and leave valid JavaScript',
		(file, patch) => {
			const id = installed(file);
			const code = readFileSync(id, 'utf8');
			const out = patched(code, id);
			expect(out).toBeDefined();
			expect(out).not.toBe(code);
			for (const [, replace] of patch.edits) expect(out).toContain(replace);
			expect(() => parseAst(out!)).not.toThrow();
		}
	);

	/** The patched module, written beside the original (its imports resolve) and imported. */
	async function importPatched(file: string) {
		const id = installed(file);
		const copy = join(dirname(id), `.young-generation-test-${process.pid}.js`);
		writeFileSync(copy, patched(readFileSync(id, 'utf8'), id)!);
		try {
			return await import(pathToFileURL(copy).href);
		} finally {
			rmSync(copy, { force: true });
		}
	}

	it('keep the tracked URL as it was: each read is reported, the hash refused', async () => {
		const { make_trackable } = await importPatched('@sveltejs/kit/src/utils/url.js');
		const original = new URL('https://udb.example/tilbud?q=lektier#kort');
		const reads: string[] = [];
		const tracked = make_trackable(
			original,
			() => reads.push('url'),
			(name: string) => reads.push(`param ${name}`)
		);
		expect(tracked.pathname).toBe('/tilbud');
		expect(tracked.href).toBe(original.href);
		expect(`${tracked}`).toBe(original.href);
		expect(JSON.stringify({ u: tracked })).toBe(JSON.stringify({ u: original.href }));
		expect(tracked.searchParams.get('q')).toBe('lektier');
		expect(tracked.origin).toBe('https://udb.example');
		expect(reads).toEqual(['url', 'url', 'url', 'url', 'param q']);
		expect(() => tracked.hash).toThrow(/Cannot access event.url.hash/);
		const other = make_trackable(
			new URL('https://udb.example/job'),
			() => reads.push('other'),
			() => {}
		);
		expect(other.pathname).toBe('/job');
		expect(reads.at(-1)).toBe('other');
		const withHash = make_trackable(
			original,
			() => reads.push('hash'),
			() => {},
			true
		);
		expect(withHash.hash).toBe('#kort');
		expect(reads.at(-1)).toBe('hash');
	});

	it('keep the legacy render result as it was: head, html, css and a thenable', async () => {
		const { asClassComponent } = await importPatched('svelte/src/legacy/legacy-server.js');
		const component = ($$renderer: { push(html: string): void }, props: { name: string }) =>
			$$renderer.push(`<p>Hej ${props.name}</p>`);
		const result = asClassComponent(component).render({ name: 'Aalborg' });
		expect(result.html).toContain('<p>Hej Aalborg</p>');
		expect(result.head).toBe('');
		expect(result.css).toEqual({ code: '', map: null });
		expect('then' in result).toBe(true);
		const awaited = await result;
		expect(awaited.html).toBe(result.html);
		expect(awaited.css).toEqual({ code: '', map: null });
	});

	it('stop the build, naming the file, when the code they replace has changed', () => {
		const id = installed('@sveltejs/kit/src/runtime/server/page/render.js');
		const changed = readFileSync(id, 'utf8').replace('data = { ...data', 'data = {...data');
		expect(() => patched(changed, id)).toThrow(
			/@sveltejs\/kit\/src\/runtime\/server\/page\/render\.js has changed/
		);
	});

	it('touch only their own files, and only in the server build', () => {
		const id = installed('svelte/src/legacy/legacy-server.js');
		const code = readFileSync(id, 'utf8');
		expect(patched('const a = { ...b, c };', '/work/src/lib/thing.ts')).toBeUndefined();
		const plugin = youngGeneration();
		expect(plugin.transform(code, id, { ssr: false })).toBeUndefined();
		expect(plugin.transform(code, `${id}?v=1`, { ssr: true })?.code).toContain(
			'new LegacyRenderResultOf(result)'
		);
	});
});
