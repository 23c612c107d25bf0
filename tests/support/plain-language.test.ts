import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lix, words } from './lix.ts';

const danish = Object.entries(
	JSON.parse(readFileSync('messages/da.json', 'utf8')) as Record<string, unknown>
).filter(
	(entry): entry is [string, string] => typeof entry[1] === 'string' && !entry[0].startsWith('$')
);

/** Help texts and messages: text of a sentence or more. Labels and button texts are shorter. */
const prose = danish.filter(([, text]) => words(text).length >= 8);

describe('plain Danish in the interface (LIX)', () => {
	it('computes LIX as Björnsson defined it', () => {
		// 9 words in 2 sentences; lektier, Forældrene, hjælper and matematik are long: 4.5 + 44.4.
		expect(lix('Eleven læser lektier hjemme. Forældrene hjælper hende med matematik.')).toBeCloseTo(
			48.9,
			1
		);
		expect(lix('Vi ses i morgen.')).toBe(4);
		expect(lix(['Kort.', 'Også kort.'])).toBe(3 / 2);
	});

	it('keeps the help texts and messages together at LIX 40 or below', () => {
		expect(prose.length).toBeGreaterThan(50);
		expect(lix(prose.map(([, text]) => text))).toBeLessThanOrEqual(40);
	});

	it('keeps every longer help text (15 words or more) at LIX 40 or below', () => {
		const hard = prose
			.filter(([, text]) => words(text).length >= 15)
			.map(([key, text]) => ({ key, lix: Math.round(lix(text) * 10) / 10 }))
			.filter((t) => t.lix > 40);
		expect(hard).toEqual([]);
	});
});
