import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
