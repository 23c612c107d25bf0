import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { createOffer, lastOfferChange } from './offers.ts';
import { createOrganization } from './organizations.ts';
import { createGeocoder } from '../geocoding/index.ts';
import { startStubGeocoder, type StubGeocoder } from '../geocoding/testing.ts';
import { foldDanish, queryWords, tsqueryText } from '../search/index.ts';
import { searchOffers } from './search.ts';
import { loadTaxonomy } from './taxonomy.ts';
import { KATEDRALSKOLEN } from './testing.ts';

describe('query text', () => {
	it('keeps letters and digits only, so no input reaches tsquery syntax', () => {
		expect(queryWords("lektiehjælp & gymnasium | !'; drop")).toEqual([
			'lektiehjælp',
			'gymnasium',
			'drop'
		]);
		expect(queryWords('<script>alert(1)</script>')).toEqual(['script', 'alert', '1', 'script']);
	});
	it('reads aa, ae and oe as å, æ and ø, and adds synonyms as alternatives', () => {
		expect(foldDanish('Aalborg Aerø Koebenhavn')).toBe('ålborg ærø københavn');
		expect(tsqueryText(['sps', 'aarhus'], new Map([['sps', ['specialpædagogisk støtte']]]))).toBe(
			'(sps:* | specialpædagogisk:* | støtte:*) & (aarhus:* | århus:*)'
		);
	});
});

describe.each(testEngines())('offer search on $name', (engine) => {
	/** A new database with the taxonomy and the organisations and offers every test searches. */
	async function seeded(): Promise<Database> {
		const database = await engine.open();
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		const school = await createOrganization(database.db, 'test', {
			name: 'Aalborg Katedralskole',
			kind: 'school'
		});
		const club = await createOrganization(database.db, 'test', {
			name: 'Vejgaard Boldklub',
			kind: 'association'
		});
		const offer = (
			organizationId: string,
			da: string,
			description: string,
			extra: Record<string, unknown> = {}
		) =>
			createOffer(database.db, 'test', {
				organizationId,
				name: { da },
				description: { da: description },
				...extra
			});
		await offer(
			school.id,
			'Hjælp til ordblinde elever',
			'Læsestøtte, it-hjælpemidler og vejledning til elever med ordblindhed.',
			{
				categories: ['stoette-og-hjaelpemidler'],
				audiences: ['ungdomsuddannelse']
			}
		);
		await offer(
			school.id,
			'Lektiecafé på gymnasiet',
			'Frivillige hjælper med lektier og opgaver hver tirsdag.',
			{
				categories: ['lektiehjaelp'],
				audiences: ['ungdomsuddannelse'],
				locations: [KATEDRALSKOLEN],
				schedules: [{ byday: 'TU', opensAt: '15:00', closesAt: '17:30' }]
			}
		);
		await offer(
			school.id,
			'Specialpædagogisk støtte (SPS)',
			'Støtte til studerende med funktionsnedsættelse.',
			{
				categories: ['stoette-og-hjaelpemidler'],
				audiences: ['videregaaende-uddannelse']
			}
		);
		await offer(club.id, 'Fodbold for unge', 'Træning to gange om ugen for 13-18-årige.', {
			categories: ['fritid-og-idraet'],
			audiences: ['udskoling', 'ungdomsuddannelse'],
			minimumAge: 13,
			maximumAge: 18,
			isFree: false,
			priceOre: 45000,
			locations: [
				{
					name: 'Vejgaard Idrætspark (testdata)',
					address: 'Testvej 1',
					postalCode: '9000',
					city: 'Aalborg',
					latitude: 57.043,
					longitude: 9.951
				},
				{
					name: 'Klubhuset i Nørresundby (testdata)',
					address: 'Testvej 2',
					postalCode: '9400',
					city: 'Nørresundby',
					latitude: 57.066,
					longitude: 9.925
				}
			],
			schedules: [
				{ byday: 'MO,WE', opensAt: '17:00', closesAt: '19:00' },
				{ byday: 'SA', opensAt: '10:00', closesAt: '12:00' }
			]
		});
		await offer(
			club.id,
			'Samtalegruppe om stress og trivsel',
			'En gruppe for unge, der har det svært.',
			{
				name: {
					da: 'Samtalegruppe om stress og trivsel',
					en: 'Talk group on stress and wellbeing'
				},
				description: {
					da: 'En gruppe for unge, der har det svært.',
					en: 'A group for young people with mental health struggles.'
				},
				categories: ['trivsel-og-mental-sundhed'],
				languages: ['da', 'en']
			}
		);
		return database;
	}

	// The searches only read: they share one database. Those that change offers (below) get
	// a database of their own.
	let database: Database;
	beforeAll(async () => {
		database = await seeded();
	});
	afterAll(async () => database.close());

	const titles = async (
		q: string,
		extra: Record<string, unknown> = {},
		locale: 'da' | 'en' = 'da'
	) => (await searchOffers(database.db, { q, ...extra }, locale)).items.map((i) => i.title);

	it('stems Danish words: "ordblind" finds "ordblinde" and "ordblindhed"', async () => {
		expect(await titles('ordblind')).toEqual(['Hjælp til ordblinde elever']);
	});
	it('tolerates typos and matches prefixes', async () => {
		expect(await titles('fodbolt')).toContain('Fodbold for unge');
		expect(await titles('lektie')).toContain('Lektiecafé på gymnasiet');
	});
	it('uses synonyms kept as data', async () => {
		expect(await titles('lektiehjælp')).toContain('Lektiecafé på gymnasiet');
		expect((await titles('sps'))[0]).toBe('Specialpædagogisk støtte (SPS)');
		expect((await titles('psykolog'))[0]).toBe('Samtalegruppe om stress og trivsel');
	});
	it('reads names without æ, ø, å or accents, and ranks a name that starts with the query first', async () => {
		expect((await titles('lektiecafe'))[0]).toBe('Lektiecafé på gymnasiet');
		expect(await titles('hjaelp til ordblinde')).toEqual(['Hjælp til ordblinde elever']);
		expect((await titles('samtalegruppe'))[0]).toBe('Samtalegruppe om stress og trivsel');
	});
	it('finds offers by the name of their category', async () => {
		// "Fritid og idræt" is the category; the offer's own text says "fodbold" and "træning".
		expect(await titles('idræt')).toEqual(['Fodbold for unge']);
	});
	it('reads "english" in a query as a wish for offers given in English', async () => {
		expect(await titles('trivsel english', {}, 'en')).toEqual([
			'Talk group on stress and wellbeing'
		]);
	});
	it('finds English offers from English words and shows the English title', async () => {
		expect(await titles('mental health', {}, 'en')).toEqual(['Talk group on stress and wellbeing']);
	});
	it('filters by category, audience, age and price, and counts facets over the results', async () => {
		const all = await searchOffers(database.db, {}, 'da');
		expect(all.total).toBe(5);
		expect(all.facets.category['stoette-og-hjaelpemidler']).toBe(2);
		expect(
			await titles('', {
				category: ['stoette-og-hjaelpemidler'],
				audience: ['videregaaende-uddannelse']
			})
		).toEqual(['Specialpædagogisk støtte (SPS)']);
		expect(await titles('', { age: 12, category: ['fritid-og-idraet'] })).toEqual([]);
		expect(await titles('', { free: true })).not.toContain('Fodbold for unge');
	});
	it('answers hostile text with an ordinary result rather than an error', async () => {
		for (const q of ["'); drop table offers; --", 'x'.repeat(200)])
			expect((await searchOffers(database.db, { q }, 'da')).total).toBe(0);
		// Nothing but operators is no search words at all: everything is listed.
		for (const q of ['&|!:*()<>', '🙂🙂🙂'])
			expect((await searchOffers(database.db, { q }, 'da')).total).toBe(5);
		await expect(searchOffers(database.db, { q: 'x'.repeat(201) }, 'da')).rejects.toThrow(
			'at most 200 characters'
		);
	});

	it('filters by postcode and counts offers per postcode', async () => {
		expect(await titles('', { area: ['9400'] })).toEqual(['Fodbold for unge']);
		const all = await searchOffers(database.db, {}, 'da');
		expect(all.facets.area).toEqual({ '9000': 2, '9400': 1 });
	});

	it('sorts by distance from a postcode, measured to each offer’s nearest place', async () => {
		const near = await searchOffers(database.db, { near: '9400', sort: 'distance' }, 'da');
		expect(near.near).toEqual({ postalCode: '9400', name: 'Nørresundby' });
		expect(near.items.slice(0, 2).map((i) => [i.title, i.place?.name])).toEqual([
			['Fodbold for unge', 'Klubhuset i Nørresundby (testdata)'],
			['Lektiecafé på gymnasiet', 'Aalborg Katedralskole']
		]);
		expect(near.items[0]!.distanceKm).toBeLessThan(0.5);
		// Katedralskolen is about 2 km from the centre of Nørresundby.
		expect(near.items[1]!.distanceKm).toBeGreaterThan(1.5);
		expect(near.items[1]!.distanceKm).toBeLessThan(3);
		// Offers without a place come last.
		expect(near.items.at(-1)!.place).toBeNull();
		// An unknown postcode measures nothing and keeps the usual order.
		const unknown = await searchOffers(database.db, { near: '1000', sort: 'distance' }, 'da');
		expect(unknown.near).toBeNull();
		expect(unknown.nearProblem).toBe('unknown-postcode');
		expect(unknown.items.every((i) => i.distanceKm === null)).toBe(true);
	});

	describe('from an address', () => {
		let stub: StubGeocoder;
		beforeAll(async () => {
			stub = await startStubGeocoder();
		});
		afterAll(async () => stub.close());

		it('sorts by distance from an address the lookup finds', async () => {
			const geocoder = createGeocoder({ url: stub.url, agent: 'test', timeoutMs: 500 });
			const locate = (address: string) => geocoder.locate(address);
			const query = { near: 'Lindholm Brygge 35, 9400 Nørresundby', sort: 'distance' as const };
			const index = await searchOffers(database.db, query, 'da', { locate });
			expect(index.near).toEqual({
				postalCode: null,
				name: 'Lindholm Brygge 35, 9400 Nørresundby'
			});
			expect(index.nearProblem).toBeNull();
			expect(index.items[0]!.title).toBe('Fodbold for unge');
			expect(index.items[0]!.distanceKm).toBeLessThan(1.5);
			// From Gammeltorv in the centre of Aalborg, Katedralskolen (a few hundred metres) is nearer.
			const centre = await searchOffers(
				database.db,
				{ near: 'Gammeltorv 2, 9000 Aalborg', sort: 'distance' },
				'da',
				{ locate }
			);
			expect(centre.items[0]!.title).toBe('Lektiecafé på gymnasiet');
		});

		it('says why no distance was measured, and keeps the usual order', async () => {
			const geocoder = createGeocoder({ url: stub.url, agent: 'test', timeoutMs: 500 });
			const locate = (address: string) => geocoder.locate(address);
			const usual = (await searchOffers(database.db, {}, 'da')).items.map((i) => i.title);
			for (const [near, problem, options] of [
				['Ukendt Vej 1, 9999 Intetsted', 'address-not-found', { locate }],
				['Rue de Rivoli 1, Paris', 'address-not-found', { locate }],
				['fejl', 'lookup-unavailable', { locate }],
				['Gammeltorv 2, 9000 Aalborg', 'postcode-only', {}]
			] as const) {
				const found = await searchOffers(database.db, { near, sort: 'distance' }, 'da', options);
				expect(found.nearProblem, near).toBe(problem);
				expect(found.near).toBeNull();
				expect(found.items.map((i) => i.title)).toEqual(usual);
				expect(found.items.every((i) => i.distanceKm === null)).toBe(true);
			}
		});
	});

	it('finds what is open now by weekly schedule in Danish time, across summer time', async () => {
		const openAt = async (iso: string) =>
			(await searchOffers(database.db, { open: true }, 'da', { now: new Date(iso) })).items.map(
				(i) => i.title
			);
		// Tuesday 25 November 2025, 16:00 in Copenhagen (UTC+1).
		expect(await openAt('2025-11-25T15:00:00Z')).toEqual(['Lektiecafé på gymnasiet']);
		// 17:30 is closing time: closed.
		expect(await openAt('2025-11-25T16:30:00Z')).toEqual([]);
		// Wednesday 10 June 2026, 18:30 in Copenhagen (UTC+2, summer time).
		expect(await openAt('2026-06-10T16:30:00Z')).toEqual(['Fodbold for unge']);
		// Saturday 11:00 local.
		expect(await openAt('2026-06-13T09:00:00Z')).toEqual(['Fodbold for unge']);
		expect(await openAt('2026-06-14T09:00:00Z')).toEqual([]);
	});

	describe('after a change to the offers', () => {
		let shared: Database;
		beforeEach(async () => {
			shared = database;
			database = await seeded();
		});
		afterEach(async () => {
			await database.close();
			database = shared;
		});

		it('lists offers without words in Danish alphabetical order: æ, ø, å after z, aa as å', async () => {
			const club = (await searchOffers(database.db, {}, 'da')).items[0]!;
			const [owner] = rowsOf<{ id: string }>(
				await database.db.execute(
					sql`select organization_id as id from offers where slug = ${club.slug}`
				)
			);
			for (const da of [
				'Åben skole',
				'Ældreklub',
				'Øvelse',
				'Zumba',
				'Aalborg Kulturskole',
				'abekat',
				'Écoute'
			])
				await createOffer(database.db, 'test', {
					organizationId: owner!.id,
					name: { da },
					description: { da: 'Til sorteringen.' }
				});
			const listed = (await searchOffers(database.db, {}, 'da')).items.map((i) => i.title);
			const order = [
				'abekat',
				'Écoute',
				'Zumba',
				'Ældreklub',
				'Øvelse',
				'Åben skole',
				'Aalborg Kulturskole'
			];
			expect(listed.filter((t) => order.includes(t))).toEqual(order);
			// The rest of the list is in the same order: "Fodbold" before "Hjælp", before "Lektiecafé".
			expect(listed.indexOf('Fodbold for unge')).toBeLessThan(
				listed.indexOf('Hjælp til ordblinde elever')
			);
			expect(listed.indexOf('Hjælp til ordblinde elever')).toBeLessThan(
				listed.indexOf('Lektiecafé på gymnasiet')
			);
			// In English, accents do not count and Danish letters are letters of their own.
			const english = (await searchOffers(database.db, {}, 'en')).items.map((i) => i.title);
			expect(english.indexOf('Écoute')).toBeLessThan(english.indexOf('Fodbold for unge'));
		});

		it('sorts by last change, newest first, and dates the directory by it (the offers feed)', async () => {
			await database.db.execute(
				sql`update offers set updated_at = now() + interval '1 hour' where name->>'da' = 'Fodbold for unge'`
			);
			const newest = await searchOffers(database.db, { sort: 'newest' }, 'da');
			expect(newest.items[0]!.title).toBe('Fodbold for unge');
			const times = newest.items.map((i) => Date.parse(i.updatedAt));
			expect(times).toEqual([...times].sort((a, b) => b - a));
			expect(newest.items.every((i) => Date.parse(i.createdAt) <= Date.parse(i.updatedAt))).toBe(
				true
			);
			expect((await lastOfferChange(database.db)).toISOString()).toBe(newest.items[0]!.updatedAt);
			// Words still choose the offers; the order among them is by change.
			expect(await titles('lektie', { sort: 'newest' })).toContain('Lektiecafé på gymnasiet');
		});
	});
});
