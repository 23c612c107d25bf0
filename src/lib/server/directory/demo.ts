import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { createOffer, offerInput } from './offers.ts';
import { createOrganization } from './organizations.ts';
import { ORGANIZATION_KINDS } from './schema.ts';

const demoFile = z.object({
	organizations: z.array(
		z.object({ key: z.string(), name: z.string(), kind: z.enum(ORGANIZATION_KINDS) })
	),
	offers: z.array(z.object({ organization: z.string() }).passthrough())
});

/** Loads the shipped demo directory (organisations and offers, all marked demo). */
export async function loadDemoDirectory(db: Db, path: string): Promise<number> {
	const data = demoFile.parse(JSON.parse(await readFile(path, 'utf8')));
	const ids = new Map<string, string>();
	for (const org of data.organizations) {
		const created = await createOrganization(
			db,
			'system:demo',
			{ name: org.name, kind: org.kind },
			{ isDemo: true }
		);
		ids.set(org.key, created.id);
	}
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
