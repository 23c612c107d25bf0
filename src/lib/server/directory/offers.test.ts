import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { createOffer, placesAndHours, updateOffer } from './offers.ts';
import { createOrganization } from './organizations.ts';
import { loadTaxonomy } from './taxonomy.ts';

describe.each(testEngines())('offer places on $name', (engine) => {
	let database: Database;
	beforeEach(async () => {
		database = await engine.open();
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
	});
	afterEach(async () => database.close());

	it('an edit without coordinates keeps them for the same address, and drops them for a new one', async () => {
		const club = await createOrganization(database.db, 'test', {
			name: 'Vejgaard Boldklub',
			kind: 'association'
		});
		const place = {
			name: 'Klubhuset',
			address: 'Hadsundvej 20',
			postalCode: '9000',
			city: 'Aalborg'
		};
		const base = {
			organizationId: club.id,
			name: { da: 'Fodbold for unge' },
			description: { da: 'Træning to gange om ugen.' }
		};
		const offer = await createOffer(database.db, 'test', {
			...base,
			locations: [{ ...place, latitude: 57.0412, longitude: 9.9551 }]
		});
		const coordinates = async () =>
			(await placesAndHours(database.db, offer.id)).locations.map((l) => [
				l.address,
				l.latitude,
				l.longitude
			]);
		// As the offer form sends it: the same address (spelt a little differently), no coordinates.
		await updateOffer(database.db, 'test', offer.id, {
			...base,
			locations: [{ ...place, address: ' hadsundvej  20 ', name: 'Klubhuset (nyt navn)' }]
		});
		expect(await coordinates()).toEqual([['hadsundvej  20', 57.0412, 9.9551]]);
		// A new address: the old point would be wrong, so there is none until it is located.
		await updateOffer(database.db, 'test', offer.id, {
			...base,
			locations: [{ ...place, address: 'Vejgaard Torv 1' }]
		});
		expect(await coordinates()).toEqual([['Vejgaard Torv 1', undefined, undefined]]);
	});
});
