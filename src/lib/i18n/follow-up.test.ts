import { expect, it } from 'vitest';
import { rollupSummary, roundState } from './follow-up.ts';

const rollup = {
	initiatives: 3,
	lifecycle: { planlagt: 1, 'i-gang': 2, afsluttet: 0, stoppet: 0 },
	health: { green: 1, yellow: 1, red: 0, none: 1 },
	progress: 45.4,
	weightedBy: 'count' as const
};

it('sums up a roll-up in the reader’s language, naming only the stages that have initiatives', () => {
	expect(rollupSummary(rollup, 'da')).toBe(
		'Indsatser: 3 (1 planlagt, 2 i gang). Grøn 1, gul 1, rød 0, uden status 1. Fremdrift 45\u00a0% (gennemsnit).'
	);
	expect(rollupSummary({ ...rollup, weightedBy: 'budget' }, 'en')).toBe(
		'Initiatives: 3 (1 planned, 2 under way). Green 1, yellow 1, red 0, no status 1. Progress 45% (weighted by budget).'
	);
	expect(rollupSummary({ ...rollup, initiatives: 0 }, 'da')).toBe('Ingen indsatser endnu.');
});

it('says whether a round is open, past its deadline or closed', () => {
	const open = { deadline: '2026-03-20', closedAt: null };
	expect(roundState(open, 'da', '2026-03-01')).toBe('Åben');
	expect(roundState(open, 'da', '2026-03-21')).toBe('Åben, fristen er overskredet');
	expect(roundState({ ...open, closedAt: '2026-03-25T10:00:00Z' }, 'en')).toBe(
		'Closed 25 March 2026'
	);
});
