import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A class that looks like DKFDS's but is not in DKFDS 11 does nothing, silently: the delete
// button on the account page was unstyled text (`button-quaternary`), the admin menu a bullet list
// (`sidenav-list`). This test knows DKFDS's classes from its stylesheet and its component
// templates, and ours from our stylesheets, and names every class in a page or component that
// starts like one of DKFDS's (`button-`, `badge-`, `alert-`, …) but is in neither.

const DKFDS = 'node_modules/dkfds';

function filesUnder(dir: string, endings: string[]): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => endings.some((ending) => file.endsWith(ending)))
		.map((file) => join(dir, file));
}

/** Class names a stylesheet (or a component's style block) defines. */
function definedIn(css: string): string[] {
	return [...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]!);
}

/** A stylesheet whole; of a component, only its style blocks (not `.map` or `data.x` in script). */
function stylesOf(file: string, text: string): string {
	if (file.endsWith('.css')) return text;
	return [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
		.map((match) => match[1]!)
		.join('\n');
}

/** The static class names in markup: `class="a b"` (no `{…}` parts) and `class:name`. */
function usedIn(markup: string): string[] {
	const attributes = [...markup.matchAll(/\bclass="([^"]*)"/g)].flatMap((match) =>
		match[1]!.replace(/\{[^}]*\}/g, ' ').split(/\s+/)
	);
	const directives = [...markup.matchAll(/\bclass:([\w-]+)/g)].map((match) => match[1]!);
	return [...attributes, ...directives].filter(Boolean);
}

const ourFiles = filesUnder('src', ['.svelte', '.css']).filter(
	(file) => !file.includes('paraglide')
);
const dkfdsCss = readFileSync(`${DKFDS}/dist/css/dkfds.css`, 'utf8');
const known = new Set([
	...definedIn(dkfdsCss),
	...filesUnder(`${DKFDS}/src/components`, ['.njk']).flatMap((file) =>
		usedIn(readFileSync(file, 'utf8'))
	),
	...ourFiles.flatMap((file) => definedIn(stylesOf(file, readFileSync(file, 'utf8'))))
]);
/** What DKFDS's classes start with: `button` of `button-primary`, `alert` of `alert-info`. */
const dkfdsStems = new Set(
	definedIn(dkfdsCss)
		.filter((name) => name.includes('-'))
		.map((name) => name.split('-')[0]!)
		.filter((stem) => stem.length > 2)
);

describe('DKFDS classes', () => {
	it('knows the classes of DKFDS 11 (a check that the lists are read at all)', () => {
		for (const name of ['button-primary', 'button-warning', 'alert-body', 'sidemenu', 'badge'])
			expect(known, name).toContain(name);
		expect(known).not.toContain('button-quaternary');
		// A component's script is not a stylesheet: `data.locale` defines no class `locale`.
		expect(stylesOf('X.svelte', '<script>data.locale</script><style>.x{}</style>')).toBe('.x{}');
		expect(dkfdsStems).toContain('button');
	});

	it('every class in our markup that starts like DKFDS’s is one DKFDS or we define', () => {
		const unknown = ourFiles
			.filter((file) => file.endsWith('.svelte'))
			.flatMap((file) =>
				usedIn(readFileSync(file, 'utf8'))
					.filter((name) => dkfdsStems.has(name.split('-')[0]!) && !known.has(name))
					.map((name) => `${file}: ${name}`)
			);
		expect([...new Set(unknown)]).toEqual([]);
	});
});
