import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaOrgProblems } from '../../../../tests/support/schema-org.ts';
import { seedOnFirstStart } from '../bootstrap.ts';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { getOpportunity, jobPostingLd } from '../opportunities/index.ts';
import { renderRichText } from '../rich-text/index.ts';
import { getOffer, getOrganization, listOrganizations, organizationId } from './index.ts';
import { organizationLd, serviceLd } from './json-ld.ts';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/index.ts';

const origin = 'https://uddannelsesby.example';

// The structured data does not depend on the engine: built once, from the shipped data.
describe('schema.org data of every organisation, offer and posting', () => {
	let database: Database;
	beforeAll(async () => {
		database = await testEngines()[0]!.open();
		await seedOnFirstStart(database);
	}, 60_000);
	afterAll(async () => database.close());

	const slugs = async (table: 'offers' | 'opportunities') =>
		rowsOf<{ slug: string }>(
			await database.db.execute(sql`select slug from ${sql.identifier(table)} order by slug`)
		).map((r) => r.slug);

	it('gives organisations their type, address, logo, website and offers', async () => {
		const all = await listOrganizations(database.db);
		expect(all.length).toBeGreaterThan(20);
		for (const { slug } of all) {
			const organization = (await getOrganization(database.db, slug))!;
			for (const locale of ['da', 'en'] as const) {
				const ld = organizationLd(organization, { origin, locale, description: null });
				expect(await schemaOrgProblems(ld), slug).toEqual([]);
				expect(ld['@id']).toBe(organizationId(origin, slug));
				if (organization.kind === 'school') expect(ld['@type']).toBe('EducationalOrganization');
				if (organization.website) expect(ld.sameAs).toBe(organization.website);
				if (organization.locations.length) expect(ld.address).toBeDefined();
			}
		}
		const school = all.find((o) => o.name === 'Aalborg Katedralskole')!;
		const ld = organizationLd((await getOrganization(database.db, school.slug))!, {
			origin,
			locale: 'da',
			description: null
		});
		expect(ld).toMatchObject({
			'@type': 'EducationalOrganization',
			name: 'Aalborg Katedralskole',
			address: { streetAddress: 'Sankt Jørgens Gade 5', postalCode: '9000' }
		});
	});

	it('describes offers as services: language on the channel, price in an offer', async () => {
		for (const slug of await slugs('offers')) {
			const offer = (await getOffer(database.db, slug))!;
			const ld = serviceLd(offer, { origin, locale: 'da' });
			expect(await schemaOrgProblems(ld), slug).toEqual([]);
			expect(ld).not.toHaveProperty('availableLanguage');
			expect(ld).not.toHaveProperty('isAccessibleForFree');
			expect((ld.provider as { '@id': string })['@id']).toBe(
				organizationId(origin, offer.organization.slug)
			);
			const price = (ld.offers as { price: number }).price;
			expect(price).toBe(offer.isFree || offer.priceOre === null ? 0 : offer.priceOre / 100);
			if (offer.languages.length)
				expect((ld.availableChannel as { availableLanguage: string[] }).availableLanguage).toEqual(
					offer.languages
				);
		}
	});

	it('describes postings as Google asks: id, direct apply, full text as HTML, pay when given', async () => {
		let paid = 0;
		for (const slug of await slugs('opportunities')) {
			const job = (await getOpportunity(database.db, slug))!;
			const descriptionHtml = renderRichText(job.description.da);
			const ld = jobPostingLd(job, { origin, locale: 'da', descriptionHtml });
			expect(await schemaOrgProblems(ld), slug).toEqual([]);
			expect(ld.identifier).toEqual({
				'@type': 'PropertyValue',
				name: job.organization.name,
				value: job.id
			});
			expect(ld.directApply).toBe(false);
			expect(ld.description).toMatch(/^<p>.*<\/p>/s);
			expect((ld.hiringOrganization as { '@id': string })['@id']).toBe(
				organizationId(origin, job.organization.slug)
			);
			if (job.pay === 'paid' && job.hourlyPayOre !== null) {
				paid++;
				expect(ld.baseSalary).toMatchObject({ currency: 'DKK' });
			} else expect(ld).not.toHaveProperty('baseSalary');
		}
		expect(paid).toBeGreaterThan(80);
	});
});
