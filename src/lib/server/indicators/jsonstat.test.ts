import { describe, expect, it } from 'vitest';
import { MAX_JSONSTAT_CELLS, parseJsonStat } from './jsonstat.ts';

const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

/** Shaped like a StatBank `data` call with format=JSONSTAT: OMRÅDE, KØN, TID and ContentsCode. */
const statbank = {
	version: '2.0',
	class: 'dataset',
	label: 'Frafald efter område, køn og tid',
	source: 'Danmarks Statistik',
	id: ['OMRÅDE', 'KØN', 'ContentsCode', 'TID'],
	size: [2, 2, 1, 2],
	role: { time: ['TID'], metric: ['ContentsCode'] },
	dimension: {
		OMRÅDE: {
			label: 'område',
			category: { index: { '851': 0, '000': 1 }, label: { '851': 'Aalborg', '000': 'Hele landet' } }
		},
		KØN: {
			label: 'køn',
			category: { index: { TOT: 0, K: 1 }, label: { TOT: 'I alt', K: 'Kvinder' } }
		},
		ContentsCode: {
			label: 'indhold',
			category: { index: { FRAFALD: 0 }, label: { FRAFALD: 'Frafald (pct.)' } }
		},
		TID: { label: 'tid', category: { index: { '2022': 0, '2023': 1 } } }
	},
	value: [10.1, 9.8, 9.5, null, 12.4, 12.1, 11.9, 11.6],
	status: { '3': '..', '7': 'P' }
};

describe('JSON-stat', async () => {
	it('maps time, OMRÅDE and breakdown dimensions automatically', async () => {
		const r = await parseJsonStat(bytes(statbank));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.rows.map((o) => [o.period, o.geo, o.breakdowns, o.value, o.flags])).toEqual([
			['2022', '851', {}, 10.1, []],
			['2023', '851', {}, 9.8, []],
			['2022', '851', { køn: 'Kvinder' }, 9.5, []],
			['2023', '851', { køn: 'Kvinder' }, null, ['suppressed']],
			['2022', '000', {}, 12.4, []],
			['2023', '000', {}, 12.1, []],
			['2022', '000', { køn: 'Kvinder' }, 11.9, []],
			['2023', '000', { køn: 'Kvinder' }, 11.6, ['provisional']]
		]);
	});

	it('reads dense value and status arrays (set aside from the toolkit) as it reads sparse ones', async () => {
		const sparse = await parseJsonStat(bytes(statbank));
		const status = statbank.value.map(
			(_, i) => (statbank.status as Record<string, string>)[i] ?? null
		);
		const dense = await parseJsonStat(bytes({ ...statbank, status }));
		expect(dense).toEqual(sparse);
		// In a collection and in a bundle too: the first dataset is read, whole.
		const collection = {
			version: '2.0',
			class: 'collection',
			link: { item: [{ ...statbank, status }] }
		};
		expect(await parseJsonStat(bytes(collection))).toEqual(sparse);
		const { id, size, role, ...rest } = { ...statbank, status };
		const bundle = { frafald: { ...rest, dimension: { ...statbank.dimension, id, size, role } } };
		const fromBundle = await parseJsonStat(bytes(bundle));
		expect(fromBundle.ok && fromBundle.rows.map((r) => r.value)).toEqual(
			sparse.ok && sparse.rows.map((r) => r.value)
		);
	});

	it('reads a JSON-stat 1.x bundle', async () => {
		const bundle = {
			frafald: {
				label: 'x',
				dimension: {
					id: ['TID', 'OMRÅDE'],
					size: [1, 1],
					role: { time: ['TID'] },
					TID: { category: { index: { '2021K3': 0 } } },
					OMRÅDE: { category: { index: { '851': 0 } } }
				},
				value: [4]
			}
		};
		const r = await parseJsonStat(bytes(bundle));
		expect(r.ok && r.rows).toEqual([
			expect.objectContaining({ period: '2021Q3', geo: '851', value: 4 })
		]);
	});

	it('asks for --measure when the dataset has several', async () => {
		const two = structuredClone(statbank) as typeof statbank & {
			dimension: { ContentsCode: { category: { index: Record<string, number> } } };
		};
		two.dimension.ContentsCode.category.index = { FRAFALD: 0, ANTAL: 1 };
		two.size = [2, 2, 2, 2];
		two.value = Array(16).fill(1);
		const r = await parseJsonStat(bytes(two));
		expect(!r.ok && r.problems).toEqual([
			{
				where: 'dimension ContentsCode',
				message: 'the dataset has 2 measures (FRAFALD, ANTAL): choose one with --measure'
			}
		]);
		const chosen = await parseJsonStat(bytes(two), { measure: 'ANTAL' });
		expect(chosen.ok && chosen.rows.length).toBe(8);
	});

	it('reports bad cells by JSON path', async () => {
		const bad = structuredClone(statbank);
		bad.dimension.TID.category.index = { '2022': 0, 'sidste år': 1 } as never;
		const r = await parseJsonStat(bytes(bad));
		expect(!r.ok && r.problems[0]).toEqual({
			where: 'value[1] (OMRÅDE=851, KØN=TOT, ContentsCode=FRAFALD, TID=sidste år), dimension TID',
			message: expect.stringContaining('is not a period')
		});
	});

	it('rejects what is not JSON-stat', async () => {
		expect(await parseJsonStat(new TextEncoder().encode('{"hello": '))).toMatchObject({
			ok: false,
			problems: [{ where: 'file', message: expect.stringContaining('not valid JSON') }]
		});
	});

	describe('a file that declares more than it holds is refused before anything is allocated', () => {
		const tiny = (size: number[], value: unknown) => ({
			version: '2.0',
			class: 'dataset',
			id: ['OMRÅDE', 'KØN', 'TID'],
			size,
			role: { time: ['TID'] },
			dimension: {
				OMRÅDE: { category: { index: ['851'] } },
				KØN: { category: { index: ['TOT'] } },
				TID: { category: { index: ['2023'] } }
			},
			value
		});
		it.each([
			[[1, 1, 1e8], [1], /100,000,000 cells; at most 2,000,000/],
			[[1, 1, 2e8], [1], /200,000,000 cells/],
			[[1, 1, 3], [1], /declare 3 cells, but the file has 1 values/],
			[[1, 1, 2], { '0': 1, '99': 2 }, /position "99" is outside the 2 cells/],
			[[1, -1, 1], [1], /whole number above 0/],
			[[1, 1.5, 1], [1], /whole number above 0/]
		])('size %j with values %j', async (size, value, message) => {
			const started = performance.now();
			const r = await parseJsonStat(bytes(tiny(size, value)));
			expect(performance.now() - started).toBeLessThan(1000);
			expect(r.ok).toBe(false);
			if (r.ok) return;
			expect(r.problems.map((p) => p.message).join('\n')).toMatch(message);
		});
		it('checks every dataset of a 1.x bundle', async () => {
			const bundle = {
				a: { dimension: { id: ['TID'], size: [MAX_JSONSTAT_CELLS + 1], TID: {} }, value: [1] }
			};
			const r = await parseJsonStat(bytes(bundle));
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.problems[0]!.where).toBe('dataset "a" size');
		});
	});
});

describe('a malformed StatBank answer', () => {
	it('is reported as not JSON-stat rather than thrown', async () => {
		const r = await parseJsonStat(bytes({ dataset: { dimension: {}, value: [] } }));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problems[0]?.message).toContain('not a JSON-stat dataset');
	});
});
