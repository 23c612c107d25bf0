import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { createOrganization } from '../directory/index.ts';
import { ORGANIZATION_KINDS } from '../directory/schema.ts';
import { createOpportunity, opportunityInput } from './postings.ts';

const demoFile = z.object({
	organizations: z.array(
		z.object({ key: z.string(), name: z.string(), kind: z.enum(ORGANIZATION_KINDS) })
	),
	postings: z.array(
		z
			.object({ organization: z.string(), deadlineInDays: z.number().int().optional() })
			.passthrough()
	)
});

/**
 * Loads the shipped demo postings, all marked demo. Deadlines are stored relative to the day
 * of loading, so a fresh start always has open postings.
 */
export async function loadDemoOpportunities(db: Db, path: string, today = new Date()) {
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
	for (const { organization, deadlineInDays, ...posting } of data.postings) {
		const organizationId = ids.get(organization);
		if (!organizationId)
			throw new Error(`demo posting names an unknown organisation "${organization}"`);
		const deadline =
			deadlineInDays === undefined
				? undefined
				: new Date(today.getTime() + deadlineInDays * 86_400_000).toISOString().slice(0, 10);
		await createOpportunity(
			db,
			'system:demo',
			opportunityInput.parse({ ...posting, organizationId, deadline, isDemo: true })
		);
	}
	return data.postings.length;
}
