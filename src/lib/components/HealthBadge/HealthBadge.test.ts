import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import HealthBadge from './HealthBadge.svelte';

describe('HealthBadge', () => {
	it('says the health in words, not by colour alone', async () => {
		for (const [health, kind, words] of [
			['green', 'badge-success', 'Grøn: efter planen'],
			['yellow', 'badge-warning', 'Gul: i risiko'],
			['red', 'badge-error', 'Rød: forsinket'],
			[null, 'badge-info', 'Ingen status']
		] as const) {
			const page = rendered(HealthBadge, { health });
			const badge = page.querySelector('.badge')!;
			expect(badge.className).toContain(kind);
			expect(badge.textContent?.trim()).toMatch(new RegExp(`${words}$`));
			expect(await axeViolations(page)).toEqual([]);
		}
	});
});
