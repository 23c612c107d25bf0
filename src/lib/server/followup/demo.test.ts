import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOnFirstStart } from '../bootstrap.ts';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { closedRounds, followUpView, initiativePage } from './index.ts';

describe.each(testEngines())('demo follow-up on $name', (engine) => {
	let database: Database;
	beforeAll(async () => {
		database = await engine.open();
		expect((await seedOnFirstStart(database)).demoInitiatives).toBe(10);
	}, 120_000);
	afterAll(async () => database.close());

	it('covers every action of the strategy, with two closed demo rounds', async () => {
		const view = await followUpView(database.db, 'da');
		const actions = view!.guideposts.flatMap((g) => g.actions);
		expect(actions.length).toBeGreaterThan(0);
		for (const action of actions) expect(action.initiatives.length, action.code).toBeGreaterThan(0);
		expect(view!.anyDemo).toBe(true);
		const rounds = await closedRounds(database.db);
		expect(rounds.map((r) => r.name)).toEqual([
			'Anden statusrunde (demo)',
			'Første statusrunde (demo)'
		]);
		expect(rounds.every((r) => r.isDemo)).toBe(true);
		// The first round froze its own states: the leisure bridge was under way and red.
		const first = await followUpView(database.db, 'da', rounds[1]!.id);
		const bridge = first!.guideposts[1]!.actions[1]!.initiatives.find((i) =>
			i.slug.startsWith('brobygning-til-foreningslivet')
		);
		expect(bridge).toMatchObject({ lifecycle: 'i-gang', health: 'red', progress: 30 });
	});

	it('shows an initiative’s approved updates as a timeline, newest first', async () => {
		const page = await initiativePage(database.db, 'da', 'lektiecafe-med-frivillige-demo');
		expect(page?.timeline.map((u) => [u.roundName, u.health])).toEqual([
			['Anden statusrunde (demo)', 'green'],
			['Første statusrunde (demo)', 'yellow']
		]);
		expect(page?.milestones).toHaveLength(3);
		expect(page?.card.progress).toBe(67);
		expect(page?.partners.map((p) => p.name)).toEqual(['Eksempel Professionshøjskole (demo)']);
	});
});
