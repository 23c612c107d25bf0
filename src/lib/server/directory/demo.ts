import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { createOffer, locationInput, offerInput } from './offers.ts';
import { addOrganizationLocation, createOrganization } from './organizations.ts';
import { ORGANIZATION_KINDS, type OrganizationKind } from './schema.ts';

const demoFile = z.object({
	organizations: z.array(
		z.object({ key: z.string(), name: z.string(), kind: z.enum(ORGANIZATION_KINDS) })
	),
	offers: z.array(z.object({ organization: z.string() }).passthrough())
});

const institutionsFile = z.object({
	institutions: z.array(
		z.object({
			name: z.string(),
			kind: z.enum(ORGANIZATION_KINDS),
			website: z.url(),
			location: locationInput.optional(),
			source: z.string().min(10)
		})
	)
});

/**
 * Loads the real institutions of the municipality (checked public names, addresses and
 * websites; not demo) as organisations with their main address as a place.
 */
export async function loadInstitutions(db: Db, path: string): Promise<number> {
	const data = institutionsFile.parse(JSON.parse(await readFile(path, 'utf8')));
	for (const institution of data.institutions) {
		const created = await createOrganization(db, 'system:seed', {
			name: institution.name,
			kind: institution.kind,
			website: institution.website
		});
		if (institution.location)
			await addOrganizationLocation(db, 'system:seed', created.id, institution.location);
	}
	return data.institutions.length;
}

/** Creates demo organisations (marked demo); returns their ids by the key the demo file uses. */
export async function createDemoOrganizations(
	db: Db,
	list: { key: string; name: string; kind: OrganizationKind }[]
): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	for (const org of list) {
		const created = await createOrganization(
			db,
			'system:demo',
			{ name: org.name, kind: org.kind },
			{ isDemo: true }
		);
		ids.set(org.key, created.id);
	}
	return ids;
}

/** Loads the shipped demo directory (organisations and offers, all marked demo). */
export async function loadDemoDirectory(db: Db, path: string): Promise<number> {
	const data = demoFile.parse(JSON.parse(await readFile(path, 'utf8')));
	const ids = await createDemoOrganizations(db, data.organizations);
	for (const { organization, ...offer } of data.offers) {
		const organizationId = ids.get(organization);
		if (!organizationId)
			throw new Error(`demo offer names an unknown organisation "${organization}"`);
		await createOffer(
			db,
			'system:demo',
			offerInput.parse({ ...offer, organizationId, isDemo: true })
		);
	}
	return data.offers.length;
}
