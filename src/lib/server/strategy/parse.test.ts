import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStrategy } from './parse.ts';
import { formatPath } from './problems.ts';

const aalborg = readFileSync('strategies/aalborg-2023-2026.yaml', 'utf8');

function problems(source: string): string[] {
	const result = parseStrategy(source);
	if (result.ok) throw new Error('expected the file to be rejected');
	return result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('strategy file validation', () => {
	it('accepts the Aalborg strategy with its three pejlemærker and seven indicators', () => {
		const result = parseStrategy(aalborg);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.strategy.guideposts.map((g) => g.indicators.length)).toEqual([3, 2, 2]);
		expect(result.strategy.adopted).toBe('2023-06-19');
		expect(result.strategy.municipality).toMatchObject({ code: '851', cvr: '29189420' });
	});

	it('reports a missing ambition text by its path', () => {
		const source = aalborg.replace(
			'      - da: Elever/studerende har kendskab til og inddrages',
			'      - dansk: Elever/studerende har kendskab til og inddrages'
		);
		expect(problems(source)).toEqual([
			'guideposts[1].ambitions[0].da: required',
			'guideposts[1].ambitions[0].dansk: unknown field (check the spelling)'
		]);
	});

	it('reports a wrong type with what it found', () => {
		expect(problems(aalborg.replace('number: 3', 'number: tre'))).toEqual([
			'guideposts[2].number: expected a number, got text "tre"'
		]);
	});

	it('rejects an unknown indicator direction', () => {
		expect(problems(aalborg.replace('direction: decrease', 'direction: lower'))).toEqual([
			'guideposts[0].indicators[0].direction: must be "decrease" or "increase"'
		]);
	});

	it('rejects duplicate slugs, numbers and indicator codes, naming both places', () => {
		const source = aalborg
			.replace('slug: gode-overgange', 'slug: trivsel-og-faellesskaber')
			.replace('number: 3', 'number: 2')
			.replace('code: erhvervsuddannelse', 'code: frafald');
		expect(problems(source)).toEqual([
			'guideposts[2].slug: duplicate slug "trivsel-og-faellesskaber" (also guideposts[1].slug)',
			'guideposts[2].number: duplicate number 2 (also guideposts[1].number)',
			'guideposts[2].indicators[1].code: duplicate indicator code "frafald" (also guideposts[0].indicators[0].code)'
		]);
	});

	it('gives each action a code: guidepost number and position, or its own code:', () => {
		const result = parseStrategy(
			aalborg.replace(
				'      - da: Understøtte med hjælpemidler',
				'      - code: 1.1a\n        da: Understøtte med hjælpemidler'
			)
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.strategy.guideposts.map((g) => g.actions.map((a) => a.code))).toEqual([
			['1.1a', '1.2'],
			['2.1', '2.2', '2.3'],
			['3.1', '3.2', '3.3']
		]);
		expect(result.strategy.guideposts[0]!.actions[1]!.text.da).toMatch(/^Sikre kvalificeret/);
	});

	it('rejects two actions with one code, and a code that is not one', () => {
		const clash = aalborg.replace(
			'      - da: Understøtte med hjælpemidler',
			'      - code: "1.2"\n        da: Understøtte med hjælpemidler'
		);
		expect(problems(clash)).toEqual([
			'guideposts[0].actions[1]: duplicate action code "1.2" (also guideposts[0].actions[0]); give one of them a code: of its own'
		]);
		const bad = aalborg.replace(
			'      - da: Understøtte med hjælpemidler',
			'      - code: "1 2"\n        da: Understøtte med hjælpemidler'
		);
		expect(problems(bad)).toEqual([
			'guideposts[0].actions[0].code: must be a code such as 1.2 or 2.1a'
		]);
	});

	it('reports cross-field problems together with field problems', () => {
		const source = aalborg
			.replace('start: 2023\n  end: 2026', 'start: 2027\n  end: 2026')
			.replace("cvr: '29189420'", "cvr: '2918'");
		expect(problems(source)).toEqual([
			'municipality.cvr: must be an eight-digit CVR number',
			'period.end: must not be before period.start (2027)'
		]);
	});

	it('takes an optional licence for the open data, with an https address', () => {
		const withLicence = (url: string) =>
			aalborg.replace(
				'  website: https://www.aalborg.dk\n',
				`  website: https://www.aalborg.dk\n  dataLicence:\n    name: CC BY 4.0\n    url: ${url}\n`
			);
		const parsed = parseStrategy(withLicence('https://creativecommons.org/licenses/by/4.0/'));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
		expect(parsed.strategy.municipality.dataLicence).toEqual({
			name: 'CC BY 4.0',
			url: 'https://creativecommons.org/licenses/by/4.0/'
		});
		expect(problems(withLicence('ftp://example.dk/licens'))[0]).toMatch(
			/^municipality\.dataLicence\.url: /
		);
		const without = parseStrategy(aalborg);
		expect(without.ok && without.strategy.municipality.dataLicence).toBeUndefined();
	});

	it('reports bad YAML with line and column', () => {
		expect(problems('slug: aalborg\ntitle: {da: "Uddannelsesstrategi"\n')).toEqual([
			'line 3, column 1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }'
		]);
	});

	it('reports duplicate keys as invalid YAML', () => {
		expect(problems('slug: a\nslug: b\n')[0]).toMatch(
			/^line 2, column 1: invalid YAML: Map keys must be unique/
		);
	});

	it('rejects an empty file and a file that is not a mapping', () => {
		expect(problems('')).toEqual(['(file): expected a mapping, got null']);
		expect(problems('- a\n- b\n')).toEqual(['(file): expected a mapping, got a list']);
	});

	it('formats paths the way a reader follows them', () => {
		expect(formatPath(['guideposts', 1, 'ambitions', 0])).toBe('guideposts[1].ambitions[0]');
		expect(formatPath([])).toBe('(file)');
	});
});
