import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { createOrganization, loadTaxonomy } from '../directory/index.ts';
import { createProgramme } from '../programmes/index.ts';
import { comingEventsAbout, createEvent, getEvent } from './events.ts';
import { searchEvents } from './search.ts';

const NOW = new Date('2027-03-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe.each(testEngines())('event search on $name', (engine) => {
	let database: Database;
	let ids: { school: string; club: string };
	let add: (over: Record<string, unknown>) => ReturnType<typeof createEvent>;
	beforeEach(async () => {
		database = await engine.open();
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		const school = (
			await createOrganization(database.db, 'test', { name: 'Eksempelskolen', kind: 'school' })
		).id;
		const club = (
			await createOrganization(database.db, 'test', { name: 'Boldklubben', kind: 'association' })
		).id;
		add = (over) =>
			createEvent(database.db, 'test', {
				organizationId: school,
				kind: 'aabent-hus',
				title: { da: 'Åbent hus' },
				description: { da: 'Kom og se skolen.' },
				startsAt: at('2027-03-10T17:00:00Z'),
				endsAt: at('2027-03-10T19:00:00Z'),
				address: 'Skolevej 1, 9000 Aalborg',
				priceOre: 0,
				audiences: ['udskoling'],
				levels: ['udskoling'],
				...over
			} as Parameters<typeof createEvent>[2]);
		await add({});
		await add({
			title: { da: 'Uddannelsesmesse' },
			kind: 'uddannelsesmesse',
			startsAt: at('2027-03-20T08:00:00Z'),
			endsAt: at('2027-03-20T14:00:00Z'),
			audiences: ['foraeldre']
		});
		await add({
			organizationId: club,
			title: { da: 'Fodboldskole' },
			kind: 'kultur-og-fritid',
			startsAt: at('2027-03-05T08:00:00Z'),
			endsAt: at('2027-03-05T12:00:00Z'),
			priceOre: 15000,
			levels: []
		});
		ids = { school, club };
		// Under way now: started yesterday, ends tomorrow.
		await add({
			title: { da: 'Brobygningsuge' },
			kind: 'brobygning',
			startsAt: at('2027-02-28T07:00:00Z'),
			endsAt: at('2027-03-02T14:00:00Z')
		});
		await add({
			title: { da: 'Åbent hus i efteråret' },
			startsAt: at('2026-10-01T16:00:00Z'),
			endsAt: at('2026-10-01T18:00:00Z')
		});
	});
	afterEach(async () => database.close());

	const titles = async (q: Parameters<typeof searchEvents>[1], options = {}) =>
		(await searchEvents(database.db, q, 'da', NOW, options)).items.map((i) => i.title);

	it('lists coming events soonest first, one under way first of all, and the past in the archive', async () => {
		expect(await titles({})).toEqual([
			'Brobygningsuge',
			'Fodboldskole',
			'Åbent hus',
			'Uddannelsesmesse'
		]);
		expect(await titles({ archive: true })).toEqual(['Åbent hus i efteråret']);
		expect(await titles({ page: 1 }, { pageSize: 2 })).toEqual(['Brobygningsuge', 'Fodboldskole']);
		expect(
			(await searchEvents(database.db, { page: 2 }, 'da', NOW, { pageSize: 2 })).items.map(
				(i) => i.title
			)
		).toEqual(['Åbent hus', 'Uddannelsesmesse']);
	});

	it('filters by kind, audience, organiser, free and dates, with counts that ignore their own filter', async () => {
		const results = await searchEvents(database.db, { kind: ['aabent-hus'] }, 'da', NOW);
		expect(results.items.map((i) => i.title)).toEqual(['Åbent hus']);
		expect(results.total).toBe(1);
		expect(results.kinds).toEqual({
			'aabent-hus': 1,
			uddannelsesmesse: 1,
			'kultur-og-fritid': 1,
			brobygning: 1
		});
		expect(results.audiences).toEqual({ udskoling: 1 });
		expect(await titles({ audience: ['foraeldre'] })).toEqual(['Uddannelsesmesse']);
		expect(await titles({ organiser: ['boldklubben'] })).toEqual(['Fodboldskole']);
		expect(await titles({ free: true })).not.toContain('Fodboldskole');
		expect(await titles({ from: '2027-03-06', to: '2027-03-15' })).toEqual(['Åbent hus']);
		// A day counts in Danish time: the fair on 20 March is on the 20th, not the 19th.
		expect(await titles({ from: '2027-03-20', to: '2027-03-20' })).toEqual(['Uddannelsesmesse']);
	});

	it('finds events by words, with typos and spellings without æ/ø/å', async () => {
		expect(await titles({ q: 'messe' })).toEqual(['Uddannelsesmesse']);
		expect(await titles({ q: 'aabent hus' })).toEqual(['Åbent hus']);
		expect(await titles({ q: 'fodboldskolle' })).toEqual(['Fodboldskole']);
	});

	it('shows a month with past and coming events alike', async () => {
		expect(
			await titles({ from: '2026-10-01', to: '2026-10-31' }, { anyTime: true, pageSize: 500 })
		).toEqual(['Åbent hus i efteråret']);
	});

	it('links an event to programmes, and a programme lists events about it first', async () => {
		const programme = await createProgramme(database.db, 'test', {
			organizationId: ids.school,
			title: { da: 'Tømrer' },
			level: 'eud',
			applyVia: 'institution',
			source: 'test'
		});
		// The club's trial day in the school's programme comes before the school's own events.
		const trial = await add({
			organizationId: ids.club,
			kind: 'studiepraktik',
			title: { da: 'Prøv at være tømrer' },
			startsAt: at('2027-03-25T07:00:00Z'),
			endsAt: at('2027-03-25T13:00:00Z'),
			programmeIds: [programme.id]
		});
		expect((await getEvent(database.db, trial.slug))?.programmes).toEqual([
			{ slug: programme.slug, title: { da: 'Tømrer' } }
		]);
		const about = await comingEventsAbout(
			database.db,
			{ programmeId: programme.id, organizationSlug: 'eksempelskolen' },
			'da',
			NOW
		);
		expect(about.map((e) => e.title)).toEqual([
			'Prøv at være tømrer',
			'Brobygningsuge',
			'Åbent hus'
		]);
	});
});
