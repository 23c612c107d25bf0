import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { readDataPackage, writeDataPackage } from './hsds-package.ts';
import { HsdsRejectedError, hsdsService, hsdsServices, importHsds } from './hsds.ts';
import { createOffer } from './offers.ts';
import { createOrganization, updateOrganizationProfile } from './organizations.ts';
import { getOffer } from './read.ts';
import { searchOffers } from './search.ts';
import { loadTaxonomy } from './taxonomy.ts';
import { KATEDRALSKOLEN } from './testing.ts';

/** Every key whose value is null, anywhere: HSDS types optional fields as strings, not null. */
function nullPaths(value: unknown, at = ''): string[] {
	if (value === null) return [at];
	if (Array.isArray(value)) return value.flatMap((v, i) => nullPaths(v, `${at}[${i}]`));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => nullPaths(v, `${at}.${k}`));
	return [];
}

describe.each(testEngines())('HSDS 3.0 out and in on $name', (engine) => {
	let source: Database;
	let target: Database;
	let dir: string;
	beforeEach(async () => {
		[source, target] = await Promise.all([engine.open(), engine.open()]);
		dir = await mkdtemp(join(tmpdir(), 'hsds-'));
		for (const db of [source.db, target.db])
			await loadTaxonomy(db, 'taxonomy/directory.yaml', 'test');
		const school = await createOrganization(source.db, 'test', {
			name: 'Aalborg Katedralskole',
			kind: 'school',
			website: 'https://www.aalkat-gym.dk'
		});
		await updateOrganizationProfile(source.db, 'test', {
			organizationId: school.id,
			description: {
				da: 'Aalborgs ældste gymnasium.',
				en: 'The oldest upper secondary school in Aalborg.'
			},
			website: 'https://www.aalkat-gym.dk'
		});
		await createOffer(source.db, 'test', {
			organizationId: school.id,
			name: { da: 'Lektiecafé på gymnasiet', en: 'Homework café' },
			description: { da: 'Hjælp til lektier, "opgaver" og eksamen,\nhver tirsdag.' },
			categories: ['lektiehjaelp'],
			audiences: ['ungdomsuddannelse'],
			languages: ['da', 'en'],
			minimumAge: 15,
			isFree: false,
			priceOre: 2550,
			phone: '+45 99 31 31 31',
			locations: [{ ...KATEDRALSKOLEN, accessibility: { da: 'Elevator til 1. sal.' } }],
			schedules: [{ byday: 'TU,TH', opensAt: '15:00', closesAt: '17:30' }]
		});
	});
	afterEach(async () => {
		await Promise.all([source.close(), target.close(), rm(dir, { recursive: true, force: true })]);
	});

	it('exports services that meet the HSDS 3.0 shape: required fields, UUIDs, no nulls', async () => {
		const [service] = await hsdsServices(source.db);
		expect(hsdsService.safeParse(service).error?.issues ?? []).toEqual([]);
		expect(nullPaths(service)).toEqual([]);
		expect(service).toMatchObject({
			name: 'Lektiecafé på gymnasiet',
			status: 'active',
			minimum_age: 15,
			organization: { name: 'Aalborg Katedralskole', description: 'Aalborgs ældste gymnasium.' },
			cost_options: [{ amount: 25.5, currency: 'DKK' }],
			schedules: [{ freq: 'WEEKLY', byday: 'TU,TH', opens_at: '15:00', closes_at: '17:30' }],
			service_at_locations: [
				{ location: { addresses: [{ postal_code: '9000', country: 'DK' }], latitude: 57.04808 } }
			],
			x_name_en: 'Homework café'
		});
		expect(service!.attributes!.map((a) => a.taxonomy_term?.code)).toEqual([
			'lektiehjaelp',
			'ungdomsuddannelse'
		]);
	});

	it('round-trips through JSON and through the CSV data package, and re-import updates by id', async () => {
		const exported = await hsdsServices(source.db);
		expect(await importHsds(target.db, JSON.parse(JSON.stringify(exported)), 'test')).toEqual({
			organizations: 1,
			created: 1,
			updated: 0,
			notes: []
		});
		// Published and searchable at once.
		const [hit] = (await searchOffers(target.db, { q: 'lektiecafé' }, 'da')).items;
		expect(hit?.title).toBe('Lektiecafé på gymnasiet');
		const page = await getOffer(target.db, hit!.slug);
		expect(page).toMatchObject({
			priceOre: 2550,
			phone: '+45 99 31 31 31',
			languages: ['da', 'en'],
			locations: [
				{ address: 'Sankt Jørgens Gade 5', accessibility: { da: 'Elevator til 1. sal.' } }
			],
			schedules: [{ byday: 'TU,TH', opensAt: '15:00', closesAt: '17:30' }]
		});

		await writeDataPackage(exported, dir);
		const descriptor = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8'));
		expect(descriptor.profile).toBe('tabular-data-package');
		const fromCsv = await readDataPackage(dir);
		expect(fromCsv[0]?.description).toBe('Hjælp til lektier, "opgaver" og eksamen,\nhver tirsdag.');
		const changed = structuredClone(fromCsv);
		changed[0]!.name = 'Lektiecafé og skrivehjælp';
		expect(await importHsds(target.db, changed, 'test')).toEqual({
			organizations: 1,
			created: 0,
			updated: 1,
			notes: []
		});
		expect((await searchOffers(target.db, {}, 'da')).items.map((i) => i.title)).toEqual([
			'Lektiecafé og skrivehjælp'
		]);
	});

	it('rejects a bad file whole, listing every problem by path, and writes nothing', async () => {
		const [good] = await hsdsServices(source.db);
		const bad = [
			good,
			{ ...good, id: 'ikke-et-uuid', status: 'åben' },
			{
				...good,
				id: '5e0b1f7d-0a6c-4b44-8f2d-1e3c4d5f6a7b',
				name: ''
			},
			{
				...good,
				id: '6f1c2a8e-1b7d-4c55-9a3e-2f4d5e6a7b8c',
				attributes: [
					{
						id: '0b6a9c1e-2d3f-4a5b-8c7d-9e0f1a2b3c4d',
						taxonomy_term: {
							id: '1c7b0d2f-3e4a-4b6c-9d8e-0f1a2b3c4d5e',
							code: 'astrologi',
							name: 'Astrologi',
							description: 'x',
							taxonomy: 'uddannelsesby-category'
						}
					}
				]
			}
		];
		const error = await importHsds(target.db, bad, 'test').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(HsdsRejectedError);
		const paths = (error as HsdsRejectedError).problems.map((p) => p.path);
		expect(paths).toEqual(
			expect.arrayContaining([
				'services[1].id',
				'services[1].status',
				'services[2].name',
				'services[3].attributes[0].taxonomy_term.code'
			])
		);
		expect((await searchOffers(target.db, {}, 'da')).total).toBe(0);
		await expect(importHsds(target.db, { hello: 'world' }, 'test')).rejects.toThrow(
			'must be a list of HSDS services'
		);
		await writeFile(join(dir, 'services.csv'), 'id,minimum_age\nabc,tolv\n');
		await expect(readDataPackage(dir)).rejects.toThrow('services.csv row 2, minimum_age');
	});

	it('keeps the dates a schedule is valid between: Danish dates, both days included, and open now only then', async () => {
		const [good] = await hsdsServices(source.db);
		const summer = structuredClone(good!);
		// Mondays in June, July and August 2026 (31 August is a Monday).
		summer.schedules = [
			{
				...summer.schedules![0]!,
				byday: 'MO',
				opens_at: '15:00',
				closes_at: '17:30',
				valid_from: '2026-06-01',
				valid_to: '2026-08-31'
			}
		];
		await importHsds(target.db, [summer], 'test');
		const openAt = async (iso: string) =>
			(await searchOffers(target.db, { open: true }, 'da', { now: new Date(iso) })).total;
		expect(await openAt('2026-05-25T14:00:00+02:00')).toBe(0);
		expect(await openAt('2026-06-01T15:00:00+02:00')).toBe(1);
		expect(await openAt('2026-08-31T17:29:00+02:00')).toBe(1);
		expect(await openAt('2026-09-07T16:00:00+02:00')).toBe(0);
		// Out again as the same dates, and on the offer page.
		const [back] = await hsdsServices(target.db);
		expect(back!.schedules).toMatchObject([{ valid_from: '2026-06-01', valid_to: '2026-08-31' }]);
		const [hit] = (await searchOffers(target.db, {}, 'da')).items;
		expect((await getOffer(target.db, hit!.slug))!.schedules).toEqual([
			{
				byday: 'MO',
				opensAt: '15:00',
				closesAt: '17:30',
				validFrom: '2026-06-01',
				validTo: '2026-08-31'
			}
		]);
		// A date that is not one, or an end before the start, is named by its path.
		const wrong = structuredClone(summer);
		wrong.schedules = [
			{ ...summer.schedules[0]!, valid_from: '2026-02-30' },
			{
				...summer.schedules[0]!,
				id: '7a2d3b9f-2c8e-4d66-8b4f-3a5e6f7a8b9c',
				valid_to: '2026-05-01'
			}
		];
		const error = await importHsds(target.db, [wrong], 'test').catch((e: unknown) => e);
		expect((error as HsdsRejectedError).problems).toEqual(
			expect.arrayContaining([
				{
					path: 'services[0].schedules[0].valid_from',
					message: 'must be a date such as 2026-08-31'
				},
				{ path: 'services[0].schedules[1].valid_to', message: 'must not end before it begins' }
			])
		);
	});
});
