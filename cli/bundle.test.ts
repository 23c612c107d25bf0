import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleCli, freshBundle } from './bundle.js';

/** A command's sources in a folder of their own: cli/main.ts and a module it imports. */
function sources(greeting: string): string {
	const root = mkdtempSync(join(tmpdir(), 'udb-bundle-'));
	mkdirSync(join(root, 'cli'));
	mkdirSync(join(root, 'src'));
	writeFileSync(
		join(root, 'cli', 'main.ts'),
		`import { greeting, where } from '../src/greeting.ts';\n` +
			`export async function main(args: string[]): Promise<string> {\n` +
			`\treturn [greeting, ...args, where].join(' ');\n}\n`
	);
	writeGreeting(root, greeting);
	return root;
}

function writeGreeting(root: string, greeting: string) {
	writeFileSync(
		join(root, 'src', 'greeting.ts'),
		`export const greeting: string = ${JSON.stringify(greeting)};\n` +
			`export const where = new URL('./worker.js', import.meta.url).href;\n`
	);
}

async function run(url: string, ...args: string[]): Promise<string> {
	// A new query each time: Node keeps a module it imported once.
	const { main } = (await import(`${url}?${Math.random()}`)) as {
		main: (args: string[]) => Promise<string>;
	};
	return main(args);
}

describe('the command line bundle', () => {
	const roots: string[] = [];
	afterEach(() => {
		for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
	});

	it('is used only while every source matches what went into it', async () => {
		const root = sources('hej');
		roots.push(root);
		expect(freshBundle(root)).toBeUndefined();
		await bundleCli(root);
		const url = freshBundle(root)!;
		expect(url).toBe(pathToFileURL(join(root, 'build', 'cli', 'main.js')).href);
		// A module's own address is its source file's, so files beside it are found.
		expect(await run(url, 'med', 'dig')).toBe(
			`hej med dig ${pathToFileURL(join(root, 'src', 'worker.js')).href}`
		);

		// An edit makes it stale at once: the command runs from the sources until it is made again.
		writeGreeting(root, 'goddag');
		expect(freshBundle(root)).toBeUndefined();
		await bundleCli(root);
		expect(await run(freshBundle(root)!)).toMatch(/^goddag /);

		// A bundle removed under its record (the site's build empties build/) is not used.
		rmSync(join(root, 'build', 'cli', 'main.js'));
		expect(freshBundle(root)).toBeUndefined();
		await bundleCli(root);
		expect(freshBundle(root)).toBeDefined();

		// So does a source that is gone.
		rmSync(join(root, 'src', 'greeting.ts'));
		expect(freshBundle(root)).toBeUndefined();
	});

	it('leaves no bundle behind when the sources do not build', async () => {
		const root = sources('hej');
		roots.push(root);
		writeFileSync(join(root, 'cli', 'main.ts'), `export const main = (;\n`);
		await expect(bundleCli(root)).rejects.toThrow();
		expect(freshBundle(root)).toBeUndefined();
	});
});
