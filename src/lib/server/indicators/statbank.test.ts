import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { loadStrategyFile } from '../strategy/index.ts';
import { observationsOf } from './queries.ts';
import { startStubStatbank, stubDropoutTable, type StubStatbank } from './statbank-testing.ts';
import {
	sourceFromFlags,
	statbankSyncStates,
	syncAllIndicators,
	syncIndicator,
	type SyncSettings
} from './statbank.ts';

const SOURCE = {
	table: 'TESTFRAFALD',
	selection: { OMRÅDE: ['851', '000'], KØN: ['TOT', 'K'], Tid: ['*'] }
};

let stub: StubStatbank;
beforeAll(async () => {
	stub = await startStubStatbank();
});
afterAll(() => stub.close());

describe.each(testEngines())('StatBank sync on $name', (engine) => {
	let database: Database;
	let settings: SyncSettings;

	beforeEach(async () => {
		database = await engine.open();
		const loaded = await loadStrategyFile(
			database.db,
			resolve('strategies/aalborg-2023-2026.yaml'),
			{ actor: 't', activate: true }
		);
		expect(loaded.ok).toBe(true);
		stub.tables.set('TESTFRAFALD', stubDropoutTable());
		stub.mode = undefined;
		stub.requests.length = 0;
		settings = { baseUrl: stub.url, allowPrivate: true, actor: 'test', timeoutMs: 2000 };
	});
	afterEach(async () => database.close());

	const totals = async () =>
		(await observationsOf(database.db, 'frafald', { breakdowns: {} })).map(
			(o) => `${o.geo} ${o.period} ${o.value}`
		);

	it('imports the selection, records the vintage, and fetches nothing while the table is unchanged', async () => {
		const first = await syncIndicator(database.db, 'frafald', settings, { source: SOURCE });
		expect(first).toMatchObject({ status: 'imported', table: 'TESTFRAFALD' });
		if (first.status !== 'imported') return;
		// 08:00 Danish winter time is 07:00 UTC.
		expect(first.vintage.toISOString()).toBe('2026-02-12T07:00:00.000Z');
		expect(first.preview).toMatchObject({ added: 16, removed: 0 });
		expect(await totals()).toContain('851 2021 18.5');
		expect(await totals()).toContain('000 2024 8.8');
		const women = await observationsOf(database.db, 'frafald', { breakdowns: { køn: 'Kvinder' } });
		expect(women).toHaveLength(8);

		stub.requests.length = 0;
		const again = await syncIndicator(database.db, 'frafald', settings, { source: SOURCE });
		expect(again.status).toBe('unchanged');
		expect(stub.requests.map((r) => r.path)).toEqual(['/v1/tableinfo']);

		// Statistics Denmark publishes a revision: a new vintage and a changed value.
		const table = stubDropoutTable();
		table.updated = '2026-09-01T08:00:00';
		stub.tables.set('TESTFRAFALD', table);
		const value = stub.value;
		stub.value = (area, sex, year) =>
			area === '851' && year === '2024' ? 17.1 : value(area, sex, year);
		try {
			const revised = await syncIndicator(database.db, 'frafald', settings, { source: SOURCE });
			expect(revised).toMatchObject({
				status: 'imported',
				preview: { changed: 2, added: 0, removed: 0 }
			});
			if (revised.status === 'imported')
				expect(revised.vintage.toISOString()).toBe('2026-09-01T06:00:00.000Z');
		} finally {
			stub.value = value;
		}
		expect(await totals()).toContain('851 2024 17.1');
		const state = (await statbankSyncStates(database.db)).get('frafald');
		expect(state).toMatchObject({ sourceTable: 'TESTFRAFALD', error: null });
		expect(state?.vintage?.toISOString()).toBe('2026-09-01T06:00:00.000Z');
	});

	it('reports an unknown table, a 429, a timeout and a renamed value, and keeps the figures it had', async () => {
		await syncIndicator(database.db, 'frafald', settings, { source: SOURCE });
		const before = await totals();
		expect(before).toHaveLength(8);
		const fails = async (source = SOURCE, extra: Partial<SyncSettings> = {}) => {
			const outcome = await syncIndicator(
				database.db,
				'frafald',
				{ ...settings, ...extra },
				{ source, force: true }
			);
			expect(outcome.status).toBe('failed');
			expect(await totals()).toEqual(before);
			return outcome.status === 'failed' ? outcome.error : { en: '', da: '' };
		};

		const unknown = await fails({ ...SOURCE, table: 'FINDESIKKE' });
		expect(unknown.en).toContain('Statistics Denmark does not know table FINDESIKKE');
		expect(unknown.da).toContain('Danmarks Statistik kender ikke tabel FINDESIKKE');

		stub.mode = 'busy';
		expect((await fails()).da).toBe(
			'Danmarks Statistik bad os vente (429, prøv igen om 60 s); næste synkronisering prøver igen'
		);
		stub.mode = 'slow';
		expect((await fails(SOURCE, { timeoutMs: 300 })).en).toContain('did not answer in time');
		stub.mode = 'garbage';
		expect((await fails()).en).toContain('the figures from table TESTFRAFALD were rejected');
		stub.mode = undefined;

		// Statistics Denmark renames a value the selection names.
		const renamed = stubDropoutTable();
		renamed.variables[1]!.values[2] = { id: 'KV', text: 'Kvinder' };
		stub.tables.set('TESTFRAFALD', renamed);
		const rename = await fails();
		expect(rename.en).toBe(
			'variable KØN in table TESTFRAFALD has no value "K": renamed or removed by Statistics Denmark?'
		);
		expect(rename.da).toContain('omdøbt eller fjernet af Danmarks Statistik?');
		expect((await statbankSyncStates(database.db)).get('frafald')?.error).toEqual(rename);

		// Never from a private address unless allowed (FEED_ALLOW_PRIVATE, for tests only).
		const refused = await fails(SOURCE, { allowPrivate: false });
		expect(refused.en).toContain('only https addresses are fetched');
	});

	it('syncs every indicator whose strategy file names a StatBank source', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'strategi-'));
		try {
			const yaml = (await readFile('strategies/aalborg-2023-2026.yaml', 'utf8')).replace(
				'          name:\n            da: Danmarks Statistik, uddannelsesstatistikken\n',
				"          statbank:\n            table: testfrafald\n            selection: { OMRÅDE: ['851'], Tid: ['2023', '2024'] }\n            measure: FRAFALDPCT\n          name:\n            da: Danmarks Statistik, uddannelsesstatistikken\n"
			);
			expect(yaml).toContain('table: testfrafald');
			await writeFile(join(dir, 's.yaml'), yaml);
			const loaded = await loadStrategyFile(database.db, join(dir, 's.yaml'), {
				actor: 't',
				activate: true
			});
			expect(loaded.ok).toBe(true);
			const outcomes = await syncAllIndicators(database.db, settings);
			expect(outcomes).toEqual([
				expect.objectContaining({ code: 'frafald', table: 'TESTFRAFALD', status: 'imported' })
			]);
			expect(await totals()).toEqual(['851 2023 17.7', '851 2024 17.3']);
			const none = await syncIndicator(database.db, 'mistrivsel', settings);
			expect(none.status === 'failed' && none.error.en).toContain('names no StatBank source');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});

describe('a source given on the command line', () => {
	it('is checked like the strategy file’s', () => {
		expect(sourceFromFlags('folk1a', '{"OMRÅDE":["851"]}')).toEqual({
			ok: true,
			source: { table: 'FOLK1A', selection: { OMRÅDE: ['851'] } }
		});
		expect(sourceFromFlags('FOLK1A', '{"OMRÅDE":[]}')).toMatchObject({
			ok: false,
			message: 'selection.OMRÅDE: must name at least one value, or "*"'
		});
		expect(sourceFromFlags('FOLK 1A', '{}').ok).toBe(false);
		expect(sourceFromFlags('FOLK1A', 'OMRÅDE=851')).toMatchObject({ ok: false });
	});
});
