import { describe, expect, it } from 'vitest';
import {
	parseRequirements,
	qualifies,
	requirementsText,
	type Requirements,
	type Student
} from './prerequisites.ts';

const req = (text: string): Requirements => {
	const parsed = parseRequirements(text);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	return parsed.value;
};

describe('qualifies', () => {
	const cases: [string, Student, string, string][] = [
		// [what, student, requirements, expected status]
		[
			'STX with Matematik A qualifies where Matematik B is required',
			{ level: 'stx', subjects: { matematik: 'A' } },
			'gymnasial: Matematik B',
			'yes'
		],
		[
			'STX with Matematik B qualifies where Matematik B is required',
			{ level: 'stx', subjects: { matematik: 'B' } },
			'gymnasial: Matematik B',
			'yes'
		],
		[
			'HF without Matematik B does not',
			{ level: 'hf', subjects: { matematik: 'C' } },
			'gymnasial: Matematik B',
			'missing'
		],
		[
			'HF with no subjects given lacks them',
			{ level: 'hf' },
			'gymnasial: Matematik B; Engelsk B',
			'missing'
		],
		[
			'EUD leads to an erhvervsakademi programme through its admission rules',
			{ level: 'eud', subjects: { engelsk: 'C', matematik: 'C' } },
			'gymnasial: Engelsk C | eud: Engelsk C; Matematik C/Erhvervsøkonomi C',
			'yes'
		],
		[
			'EUD meets an alternative (Erhvervsøkonomi C instead of Matematik C)',
			{ level: 'eud', subjects: { engelsk: 'C', erhvervsoekonomi: 'C' } },
			'eud: Engelsk C; Matematik C/Erhvervsøkonomi C',
			'yes'
		],
		[
			'EUD without the EUD route is not let in',
			{ level: 'eud', subjects: { engelsk: 'A' } },
			'stx,hhx,htx,eux,ib: Engelsk B',
			'no'
		],
		[
			'a level named by code, not by group',
			{ level: 'hf' },
			'stx,hhx,htx,eux,ib: Matematik A',
			'no'
		],
		['grundskole group lets 10. klasse in', { level: '10-klasse' }, 'grundskole', 'yes'],
		['9. klasse is in the grundskole group', { level: 'grundskole' }, 'grundskole', 'yes'],
		[
			'a grade under the required average shuts that route',
			{ level: 'stx', grade: 6.2 },
			'gymnasial: snit 7,0',
			'no'
		],
		['a grade at the average is enough', { level: 'stx', grade: 7 }, 'gymnasial: snit 7,0', 'yes'],
		[
			'C does not meet B',
			{ level: 'htx', subjects: { fysik: 'C' } },
			'gymnasial: Fysik B',
			'missing'
		],
		['requirements not recorded', { level: 'stx' }, '', 'unknown']
	];
	it.each(cases)('%s', (_what, student, text, expected) => {
		expect(qualifies(student, req(text)).status).toBe(expected);
	});

	it('names what is missing, fewest first across routes', () => {
		const verdict = qualifies(
			{ level: 'hf', subjects: { engelsk: 'B' } },
			req('gymnasial: Matematik A; Fysik B; Engelsk B | hf: Matematik B')
		);
		expect(verdict).toEqual({
			status: 'missing',
			route: 1,
			missing: [[{ subject: 'matematik', level: 'B' }]]
		});
	});

	it('gives the grade asked for as a condition when the student gives none', () => {
		expect(qualifies({ level: 'stx' }, req('gymnasial: snit 7,0'))).toEqual({
			status: 'yes',
			route: 0,
			gradeNeeded: 7
		});
	});
});

describe('parseRequirements', () => {
	it('reads routes, alternatives and a grade, and writes them back', () => {
		const text =
			'stx,hhx: Matematik A; Engelsk B | eud: Engelsk C; Matematik C/Erhvervsøkonomi C; snit 7,0';
		expect(req(text).routes[1]).toEqual({
			from: ['eud'],
			subjects: [
				[{ subject: 'engelsk', level: 'C' }],
				[
					{ subject: 'matematik', level: 'C' },
					{ subject: 'erhvervsoekonomi', level: 'C' }
				]
			],
			minGrade: 7
		});
		expect(requirementsText(req(text))).toBe(text);
	});

	it('reads subject names in English and codes alike', () => {
		expect(req('gymnasial: Mathematics b').routes[0]!.subjects).toEqual([
			[{ subject: 'matematik', level: 'B' }]
		]);
	});

	it('names every problem in Danish and English', () => {
		const parsed = parseRequirements('gymnasiet: Matematik D; Kemi B | : Fysik B');
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.problems.map((p) => p.da)).toEqual([
			'"gymnasiet" er ikke et niveau eller en gruppe af niveauer (taxonomy/programmes.yaml)',
			'"Matematik D" er ikke et fag med et niveau, fx "Matematik B"',
			'en adgangsvej nævner intet niveau før ":"'
		]);
	});
});
