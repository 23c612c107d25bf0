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

/**
 * Demo organisations' ids by the key or name a demo file gives them: a name the file gives that
 * is not there is a fault in the file, said with what names it (`demo offer`).
 */
export function organizationIdIn(ids: ReadonlyMap<string, string>, what: string) {
	return (name: string): string => {
		const id = ids.get(name);
		if (!id) throw new Error(`${what} names an unknown organisation "${name}"`);
		return id;
	};
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
	const organizationId = organizationIdIn(
		await createDemoOrganizations(db, data.organizations),
		'demo offer'
	);
	for (const { organization, ...offer } of data.offers) {
		await createOffer(
			db,
			'system:demo',
			offerInput.parse({ ...offer, organizationId: organizationId(organization), isDemo: true })
		);
	}
	return data.offers.length;
}
