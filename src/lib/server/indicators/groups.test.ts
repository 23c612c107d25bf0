import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { getActiveStrategy, loadStrategyFile } from '../strategy/index.ts';
import { loadDemoIndicators } from './demo.ts';
import {
	chosenGroup,
	COMPARISON_GROUPS_FILE,
	groupRank,
	groupSeries,
	groupValue,
	parseComparisonGroups,
	type ComparisonGroup
} from './groups.ts';
import { indicatorRanks } from './overview.ts';
import { importFile } from './import.ts';
import { AREAS_ON_PAGE, indicatorPageView } from './page-view.ts';

const nord: ComparisonGroup = {
	slug: 'nord',
	name: { da: 'Nord' },
	statistic: 'median',
	members: ['851', '810', '813', '860']
};
const row = (geo: string, period: string, value: number | null) => ({
	geo,
	period,
	periodSort: Number(period),
	value
});

describe('comparison groups', () => {
	it('reads the shipped file, and names what is wrong in a bad one', () => {
		const shipped = parseComparisonGroups(readFileSync(COMPARISON_GROUPS_FILE, 'utf8'));
		expect(shipped.default).toBe('region-nordjylland');
		expect(shipped.groups.find((g) => g.slug === 'region-nordjylland')?.members).toHaveLength(11);
		expect(() =>
			parseComparisonGroups(
				'default: x\ngroups:\n  - slug: a\n    name: { da: A }\n    members: ["851", "8510"]\n'
			)
		).toThrow(
			'comparison groups: groups.0.members.1: must be a three-digit municipality code such as "851"; default: must be the slug of one of the groups'
		);
	});

	it('takes the median or the mean, of the other members, where at least two published', () => {
		expect(groupValue([3, 1, 2], 'median')).toBe(2);
		expect(groupValue([4, 1, 2, 3], 'median')).toBe(2.5);
		expect(groupValue([1, 2, 6], 'mean')).toBe(3);
		expect(groupValue([], 'mean')).toBeUndefined();
		const rows = [
			row('851', '2023', 100), // the municipality itself is not in its own comparison line
			row('810', '2023', 10),
			row('813', '2023', 20),
			row('860', '2023', null), // not published: left out, never 0
			row('000', '2023', 50), // not a member
			row('810', '2024', 11)
		];
		expect(groupSeries(nord, '851', rows, ['2023', '2024'])).toEqual([
			{ period: '2023', value: 15, count: 2 }
		]);
	});

	it('ranks the municipality in its latest period, 1 being best in the wanted direction', () => {
		const rows = [
			row('851', '2022', 5),
			row('851', '2023', 12),
			row('810', '2023', 10),
			row('813', '2023', 20),
			row('860', '2023', 15),
			row('810', '2024', 9) // the municipality has no 2024 value: 2023 is compared
		];
		expect(groupRank(nord, '851', 'decrease', rows)).toEqual({ rank: 2, of: 4, period: '2023' });
		expect(groupRank(nord, '851', 'increase', rows)).toEqual({ rank: 3, of: 4, period: '2023' });
		expect(groupRank(nord, '101', 'increase', rows)).toBeUndefined();
	});

	it('uses the reader’s group, else the indicator’s, else the file’s default; `ingen` is none', () => {
		const groups = {
			default: 'nord',
			groups: [nord, { ...nord, slug: 'store' }]
		};
		expect(chosenGroup(groups, 'store', undefined)?.slug).toBe('store');
		expect(chosenGroup(groups, 'ukendt', 'store')?.slug).toBe('store');
		expect(chosenGroup(groups, null, undefined)?.slug).toBe('nord');
		expect(chosenGroup(groups, 'ingen', 'store')).toBeUndefined();
	});
});

describe('comparison groups on the indicator pages (demo data)', () => {
	let database: Database;
	beforeAll(async () => {
		database = await testEngines()[0]!.open();
		const loaded = await loadStrategyFile(
			database.db,
			resolve('strategies/aalborg-2023-2026.yaml'),
			{ actor: 't', activate: true }
		);
		expect(loaded.ok).toBe(true);
		await loadDemoIndicators(database.db, resolve('demo/indicators'), ['frafald']);
	});
	afterAll(() => database.close());

	it('draws the group median as a line of its own and ranks Aalborg in the group', async () => {
		const strategy = (await getActiveStrategy(database.db, 'da'))!;
		const view = (await indicatorPageView(
			database.db,
			strategy,
			'frafald',
			new URLSearchParams(),
			'da'
		))!;
		const line = view.series.find((s) => s.geo === 'gruppe:region-nordjylland');
		expect(line?.name).toBe('Median for kommunerne i Region Nordjylland (uden Aalborg Kommune)');
		expect(line?.dotted).toBe(true);
		expect(line?.points).toHaveLength(11);
		expect(view.group).toMatchObject({
			slug: 'region-nordjylland',
			rank: { of: 11, period: '2025' }
		});

		const six = (await indicatorPageView(
			database.db,
			strategy,
			'frafald',
			new URLSearchParams('gruppe=seks-stoerste&køn=Kvinder'),
			'en'
		))!;
		// Only Aalborg, Aarhus, Odense and København have figures by gender in the demo data.
		expect(six.series.at(-1)?.name).toBe(
			'Median of the six largest municipalities (excluding Aalborg Municipality)'
		);
		expect(six.selected).toEqual({ køn: 'Kvinder' });
		const none = (await indicatorPageView(
			database.db,
			strategy,
			'frafald',
			new URLSearchParams('gruppe=ingen'),
			'da'
		))!;
		expect(none.group).toBeNull();
		expect(none.series.map((s) => s.geo)).toEqual(['851', '000']);
		// 17 areas besides Aalborg: the page lists them all itself.
		expect(none.geographyOptions).toHaveLength(17);
		expect(none.manyAreas).toBe(false);

		const ranks = await indicatorRanks(database.db, strategy, 'seks-stoerste');
		expect(ranks.get('frafald')).toMatchObject({ of: 6, period: '2025' });
		expect(ranks.has('mistrivsel')).toBe(false); // no data for it was loaded
	});

	it('lists the chosen areas only, and leads to all of them, when there are many', async () => {
		const strategy = (await getActiveStrategy(database.db, 'da'))!;
		// Aalborg, the whole country and 30 municipalities.
		const codes = ['851', '000', ...Array.from({ length: 30 }, (_, i) => String(101 + i * 7))];
		const csv = ['periode;område;værdi', ...codes.map((geo, i) => `2024;${geo};${i},5`)].join('\n');
		const imported = await importFile(
			database.db,
			'i-uddannelse',
			{ data: new TextEncoder().encode(csv), fileName: 'mange.csv' },
			{ actor: 'test' }
		);
		expect(imported.ok).toBe(true);
		const view = (await indicatorPageView(
			database.db,
			strategy,
			'i-uddannelse',
			new URLSearchParams('geo=000&geo=108'),
			'da'
		))!;
		expect(view.geographyOptions.length).toBeGreaterThan(AREAS_ON_PAGE);
		expect(view.manyAreas).toBe(true);
		expect(view.geos).toEqual(['851', '000', '108']);
		// The whole country first, then the municipalities by name.
		expect(view.geographyOptions[0]).toEqual({ code: '000', name: 'Hele landet', wide: true });
		expect(view.geographyOptions.filter((g) => g.wide)).toHaveLength(1);
	});
});
