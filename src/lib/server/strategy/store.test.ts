import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { guideposts } from './schema.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTrail } from '../audit/index.ts';
import { migrationStatus, readContentVersion, type Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { seedOnFirstStart } from '../bootstrap.ts';
import {
	activateStrategy,
	getActiveStrategy,
	getStrategyDefinition,
	listStrategies,
	loadStrategyFile,
	parseStrategy,
	saveStrategy,
	StrategyNotFoundError,
	type StrategyDefinition
} from './index.ts';

const aalborgSource = readFileSync('strategies/aalborg-2023-2026.yaml', 'utf8');
function aalborg(): StrategyDefinition {
	const parsed = parseStrategy(aalborgSource);
	if (!parsed.ok) throw new Error('the shipped strategy file must be valid');
	return parsed.strategy;
}

/** The previous strategy period, as a municipality would store it next to the current one. */
function previousStrategy(): StrategyDefinition {
	const s = structuredClone(aalborg());
	s.slug = 'aalborg-2019-2022';
	s.title = { da: 'Uddannelsesstrategi 2019-2022', en: 'Education Strategy 2019-2022' };
	s.period = { start: 2019, end: 2022 };
	return s;
}

describe.each(testEngines())('strategy store on $name', (engine) => {
	let database: Database;
	beforeEach(async () => {
		database = await engine.open();
	});
	afterEach(async () => {
		await database.close();
	});

	it('applies every migration', async () => {
		const status = await migrationStatus(database);
		expect(status.current).toBe(true);
		expect(status.applied).toBe(status.expected);
		expect(status.pending).toEqual([]);
		expect(status.level).toMatch(/^\d{4}_[a-z_]+$/);
	});

	it('stores the Aalborg strategy and reads it back unchanged', async () => {
		const result = await saveStrategy(database.db, aalborg(), { actor: 'test' });
		expect(result).toEqual({ slug: 'aalborg-2023-2026', created: true, active: true });
		expect(await getStrategyDefinition(database.db)).toEqual(aalborg());
	});

	it('serves the active strategy in Danish and English', async () => {
		await saveStrategy(database.db, aalborg(), { actor: 'test' });
		const da = await getActiveStrategy(database.db, 'da');
		const en = await getActiveStrategy(database.db, 'en');
		expect(da?.guideposts.map((g) => g.title)).toEqual([
			'Uddannelse for alle',
			'Trivsel og meningsfulde fællesskaber',
			'Gode overgange mellem uddannelser og beskæftigelse'
		]);
		expect(en?.guideposts[0]?.title).toBe('Education for all');
		expect(en?.guideposts[1]?.indicators.map((i) => i.direction)).toEqual(['decrease', 'increase']);
		expect(en?.untranslated).toBe(false);
	});

	it('falls back to Danish where English text is missing, and says so', async () => {
		const s = aalborg();
		delete s.guideposts[0]!.ambitions[0]!.en;
		await saveStrategy(database.db, s, { actor: 'test' });
		const en = await getActiveStrategy(database.db, 'en');
		expect(en?.guideposts[0]?.ambitions[0]).toBe(
			'Alle skal have mulighed for at tage en uddannelse'
		);
		expect(en?.untranslated).toBe(true);
	});

	it('keeps several strategies with exactly one active', async () => {
		await saveStrategy(database.db, previousStrategy(), { actor: 'test' });
		await saveStrategy(database.db, aalborg(), { actor: 'test' });
		// The first strategy in an empty database becomes active; later ones only when asked.
		expect((await listStrategies(database.db)).map((s) => [s.slug, s.isActive])).toEqual([
			['aalborg-2023-2026', false],
			['aalborg-2019-2022', true]
		]);
		await activateStrategy(database.db, 'aalborg-2023-2026', 'test');
		expect(
			(await listStrategies(database.db)).filter((s) => s.isActive).map((s) => s.slug)
		).toEqual(['aalborg-2023-2026']);
		await expect(activateStrategy(database.db, 'aalborg-2027-2030', 'test')).rejects.toThrow(
			StrategyNotFoundError
		);
	});

	it('reads actions stored before codes as coded, by guidepost number and position', async () => {
		await saveStrategy(database.db, aalborg(), { actor: 'test' });
		await database.db
			.update(guideposts)
			.set({ actions: [{ da: 'Første handling' }, { da: 'Anden handling', en: 'Second action' }] })
			.where(eq(guideposts.number, 2));
		const stored = await getStrategyDefinition(database.db, 'aalborg-2023-2026');
		expect(stored?.guideposts[1]?.actions).toEqual([
			{ code: '2.1', text: { da: 'Første handling' } },
			{ code: '2.2', text: { da: 'Anden handling', en: 'Second action' } }
		]);
		const english = await getActiveStrategy(database.db, 'en');
		expect(english?.guideposts[1]?.actions[1]).toEqual({ code: '2.2', text: 'Second action' });
	});

	it('replaces a strategy loaded again under the same slug and records both writes', async () => {
		await saveStrategy(database.db, aalborg(), { actor: 'test' });
		const changed = aalborg();
		changed.guideposts[2]!.actions.push({
			code: '3.4',
			text: { da: 'Afholde en årlig jobmesse', en: 'Hold a yearly job fair' }
		});
		const again = await saveStrategy(database.db, changed, { actor: 'cli:test' });
		expect(again).toEqual({ slug: 'aalborg-2023-2026', created: false, active: true });
		const stored = await getStrategyDefinition(database.db, 'aalborg-2023-2026');
		expect(stored?.guideposts[2]?.actions).toHaveLength(4);
		expect(stored?.guideposts[2]?.actions.map((a) => a.code)).toEqual(['3.1', '3.2', '3.3', '3.4']);
		const trail = await auditTrail(database.db, 'strategy', 'aalborg-2023-2026');
		expect(trail.map((t) => [t.action, t.actor])).toEqual([
			['strategy.replaced', 'cli:test'],
			['strategy.created', 'test']
		]);
	});

	it('rejects an invalid file with every problem and changes nothing', async () => {
		await saveStrategy(database.db, aalborg(), { actor: 'test' });
		const before = await getStrategyDefinition(database.db);
		const { writeFileSync, mkdtempSync } = await import('node:fs');
		const { join } = await import('node:path');
		const { tmpdir } = await import('node:os');
		const file = join(mkdtempSync(join(tmpdir(), 'udb-')), 'broken.yaml');
		writeFileSync(
			file,
			aalborgSource
				.replace(
					'title:\n      da: Uddannelse for alle\n      en: Education for all',
					'title:\n      en: Education for all'
				)
				.replace('direction: decrease', 'direction: smaller')
				.replace('slug: gode-overgange', 'slug: uddannelse-for-alle')
		);
		const result = await loadStrategyFile(database.db, file, { actor: 'test' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
			'guideposts[0].title.da: required',
			'guideposts[0].indicators[0].direction: must be "decrease" or "increase"',
			'guideposts[2].slug: duplicate slug "uddannelse-for-alle" (also guideposts[0].slug)'
		]);
		expect(await getStrategyDefinition(database.db)).toEqual(before);
	});

	it('rolls back a failed save completely', async () => {
		await saveStrategy(database.db, aalborg(), { actor: 'test' });
		const before = await getStrategyDefinition(database.db);
		const broken = aalborg();
		// Bypass the parser to reach the database: a code longer than any index allows is not
		// the point; a null title violates NOT NULL halfway through the write.
		(broken.guideposts[2] as { title: unknown }).title = null;
		await expect(saveStrategy(database.db, broken, { actor: 'test' })).rejects.toThrow();
		expect(await getStrategyDefinition(database.db)).toEqual(before);
		expect(await auditTrail(database.db, 'strategy', 'aalborg-2023-2026')).toHaveLength(1);
	});

	it('bumps the content version with every write so page caches refresh', async () => {
		expect(await readContentVersion(database.db)).toBe('0');
		await saveStrategy(database.db, aalborg(), { actor: 'test' });
		expect(await readContentVersion(database.db)).toBe('1');
		await activateStrategy(database.db, 'aalborg-2023-2026', 'test');
		expect(await readContentVersion(database.db)).toBe('2');
	});

	it('seeds the default strategy on first start only', async () => {
		expect(await seedOnFirstStart(database)).toEqual({
			seeded: true,
			strategy: 'aalborg-2023-2026',
			demoIndicators: 7,
			institutions: 5,
			demoOffers: 204,
			demoPostings: 144,
			demoInitiatives: 10,
			demoEvents: 9,
			programmes: 29
		});
		await activateStrategy(database.db, 'aalborg-2023-2026', 'test');
		await saveStrategy(database.db, previousStrategy(), { actor: 'test', activate: true });
		expect(await seedOnFirstStart(database)).toEqual({ seeded: false });
		expect((await getActiveStrategy(database.db, 'da'))?.slug).toBe('aalborg-2019-2022');
		// An installation from before the navigator gets its programmes once, and only once.
		await database.db.execute(sql`delete from app_state where key = 'programmes-seed'`);
		expect(await seedOnFirstStart(database)).toEqual({ seeded: false, programmes: 29 });
		expect(await seedOnFirstStart(database)).toEqual({ seeded: false });
	});
});
