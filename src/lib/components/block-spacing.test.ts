import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Svelte drops the white space at the start of a block's content. So
//   {place.city}{#if km}
//       · {km} km{/if}
// renders "Aalborg· 2,3 km", and "20.30(Aflyst)" and "Uddannelsesinstitution· https://…"
// were on our pages. The space belongs before the block: `{place.city} {#if km}· {km} km{/if}`.
// This names every block that opens right after other content and starts with a space and then
// text or an inline element.

const OPENS_WITH_LOST_SPACE =
	/(\S)(\{(?:#if|:else if|:else|#each)[^}]*\})[ \t]*\n?[ \t]+(?!\{[#:/]|<(?!strong|span|a[\s>]|em|abbr|code|b>|i>))(?=\S)/g;

function lostSpaces(markup: string): string[] {
	return [...markup.matchAll(OPENS_WITH_LOST_SPACE)].map(
		(match) => `line ${markup.slice(0, match.index).split('\n').length}: ${match[2]}`
	);
}

describe('spaces at the start of a block', () => {
	it('finds a space Svelte would drop, and leaves one it keeps alone', () => {
		expect(lostSpaces('{city}{#if km}\n\t· {km} km{/if}')).toEqual(['line 1: {#if km}']);
		expect(lostSpaces('{time}{#if cancelled}\n\t<strong>aflyst</strong>{/if}')).toHaveLength(1);
		expect(lostSpaces('{city} {#if km}· {km} km{/if}')).toEqual([]);
		expect(lostSpaces('<p>{#if km}\n\t<p>{km}</p>{/if}')).toEqual([]);
	});

	it('no page or component loses one', () => {
		const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.svelte'))
			.map((file) => join('src', file));
		expect(files.length).toBeGreaterThan(50);
		const found = files.flatMap((file) =>
			lostSpaces(readFileSync(file, 'utf8')).map((place) => `${file} ${place}`)
		);
		expect(found).toEqual([]);
	});
});
