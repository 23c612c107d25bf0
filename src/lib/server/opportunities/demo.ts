import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { createDemoOrganizations, organizationIdIn } from '../directory/index.ts';
import { ORGANIZATION_KINDS, organizations } from '../directory/index.ts';
import { eq } from 'drizzle-orm';
import { createOpportunity, opportunityInput } from './postings.ts';
import { createPartnership, partnershipInput } from './partnerships.ts';
import { opportunities } from './schema.ts';

const demoFile = z.object({
	organizations: z.array(
		z.object({ key: z.string(), name: z.string(), kind: z.enum(ORGANIZATION_KINDS) })
	),
	postings: z.array(
		z
			.object({
				organization: z.string(),
				deadlineInDays: z.number().int().optional(),
				/** When it was published and last changed, as minutes before loading. */
				publishedMinutesAgo: z.number().int().min(0).default(0),
				changedMinutesAgo: z.number().int().min(0).optional()
			})
			.passthrough()
	),
	/** Partners are named: they are organisations loaded before (the demo directory's schools). */
	partnerships: z
		.array(z.object({ organization: z.string(), partners: z.array(z.string()) }).passthrough())
		.default([])
});

/**
 * Loads the shipped demo postings, all marked demo. Deadlines are stored relative to the day
 * of loading, so a fresh start always has open postings; publication and change times too.
 */
export async function loadDemoOpportunities(db: Db, path: string, today = new Date()) {
	const data = demoFile.parse(JSON.parse(await readFile(path, 'utf8')));
	const ids = await createDemoOrganizations(db, data.organizations);
	const organizationId = organizationIdIn(ids, 'demo posting');
	const minutesAgo = (minutes: number) => new Date(today.getTime() - minutes * 60_000);
	for (const {
		organization,
		deadlineInDays,
		publishedMinutesAgo,
		changedMinutesAgo,
		...posting
	} of data.postings) {
		const deadline =
			deadlineInDays === undefined
				? undefined
				: new Date(today.getTime() + deadlineInDays * 86_400_000).toISOString().slice(0, 10);
		const created = await createOpportunity(
			db,
			'system:demo',
			opportunityInput.parse({
				...posting,
				organizationId: organizationId(organization),
				deadline,
				isDemo: true
			})
		);
		// As real postings would: each published at its own time, some changed since.
		await db
			.update(opportunities)
			.set({
				createdAt: minutesAgo(publishedMinutesAgo),
				updatedAt: minutesAgo(
					Math.min(changedMinutesAgo ?? publishedMinutesAgo, publishedMinutesAgo)
				)
			})
			.where(eq(opportunities.id, created.id));
	}
	for (const { organization, partners, ...partnership } of data.partnerships) {
		const partnerIds = [];
		for (const name of partners) {
			const [found] = await db
				.select({ id: organizations.id })
				.from(organizations)
				.where(eq(organizations.name, name));
			if (!found) throw new Error(`demo partnership names an unknown partner "${name}"`);
			partnerIds.push(found.id);
		}
		await createPartnership(
			db,
			'system:demo',
			partnershipInput.parse({
				...partnership,
				organizationId: organizationId(organization),
				partnerIds,
				isDemo: true
			})
		);
	}
	return data.postings.length;
}
