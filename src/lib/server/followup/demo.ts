import { readFile } from 'node:fs/promises';
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db } from '../db/index.ts';
import { organizationIdIn, organizations } from '../directory/index.ts';
import { saveInitiative } from './initiatives.ts';
import { closeRound, openRound, reviewUpdate, submitUpdate } from './rounds.ts';
import { buildReport } from './reports.ts';
import { councilReports } from './schema.ts';
import { HEALTHS, initiatives, LIFECYCLES } from './schema.ts';

const text = z.object({ da: z.string(), en: z.string().optional() });
const demoUpdate = z
	.object({
		health: z.enum(HEALTHS),
		progress: z.number().int(),
		done: z.string(),
		next: z.string(),
		remedy: z.string().optional(),
		/** The editor's comment when the first version was returned for a correction. */
		returned: z.string().optional()
	})
	.nullable();
const demoFile = z.object({
	initiatives: z.array(
		z.object({
			key: z.string(),
			title: text,
			description: text,
			actions: z.array(z.string()),
			indicators: z.array(z.string()).default([]),
			owner: z.string(),
			responsible: z.string().optional(),
			partners: z.array(z.string()).default([]),
			startDays: z.number().int(),
			endDays: z.number().int().optional(),
			lifecycle: z.enum(LIFECYCLES),
			budgetKroner: z.number().int().optional(),
			milestones: z
				.array(
					z.object({ title: z.string(), dueDays: z.number(), doneDays: z.number().optional() })
				)
				.default([]),
			partnerships: z.array(z.string()).default([]),
			/** One per round, in order; null where the owner did not report. */
			updates: z.array(demoUpdate)
		})
	),
	rounds: z.array(
		z.object({
			name: z.string(),
			openedDays: z.number().int(),
			deadlineDays: z.number().int(),
			closedDays: z.number().int()
		})
	)
});

const DEMO = 'system:demo';

/**
 * Loads the shipped demo initiatives (owned by the demo organisations) and plays their past
 * reporting rounds through the same services a secretariat uses, so the follow-up pages and the
 * report show history at once. Everything is marked demo.
 */
export async function loadDemoFollowUp(db: Db, path: string, today = new Date()): Promise<number> {
	const data = demoFile.parse(JSON.parse(await readFile(path, 'utf8')));
	const at = (days: number) => new Date(today.getTime() + days * 86_400_000);
	const day = (days: number) => at(days).toISOString().slice(0, 10);
	const names = [...new Set(data.initiatives.flatMap((i) => [i.owner, ...i.partners]))];
	const org = organizationIdIn(
		new Map(
			(
				await db
					.select({ id: organizations.id, name: organizations.name })
					.from(organizations)
					.where(inArray(organizations.name, names))
			).map((o) => [o.name, o.id])
		),
		'demo initiative'
	);
	const partnershipIds = async (titles: string[]) => {
		if (titles.length === 0) return [];
		const rows = rowsOf<{ id: string; title: string }>(
			await db.execute(
				sql`select id, title->>'da' as title from partnerships where title->>'da' = any(${sql.param(titles)}::text[])`
			)
		);
		return titles.map((title) => {
			const found = rows.find((r) => r.title === title);
			if (!found) throw new Error(`demo initiative names an unknown partnership "${title}"`);
			return found.id;
		});
	};
	const ids = new Map<string, string>();
	// As each round opened: planned until the start, then under way; the final state comes last.
	const stateAt = (i: (typeof data.initiatives)[number], days: number) =>
		i.startDays > days ? ('planlagt' as const) : ('i-gang' as const);
	const input = async (
		i: (typeof data.initiatives)[number],
		lifecycle: (typeof LIFECYCLES)[number],
		asOfDays: number
	) => ({
		title: i.title,
		description: i.description,
		actionCodes: i.actions,
		indicatorCodes: i.indicators,
		ownerId: org(i.owner),
		...(i.responsible ? { responsible: i.responsible } : {}),
		partnerIds: i.partners.map(org),
		startDate: day(i.startDays),
		...(i.endDays === undefined ? {} : { endDate: day(i.endDays) }),
		lifecycle,
		...(i.budgetKroner === undefined ? {} : { budgetOre: i.budgetKroner * 100 }),
		milestones: i.milestones.map((m) => ({
			title: m.title,
			dueDate: day(m.dueDays),
			...(m.doneDays !== undefined && m.doneDays <= asOfDays ? { doneDate: day(m.doneDays) } : {})
		})),
		partnershipIds: await partnershipIds(i.partnerships),
		externalId: `demo-${i.key}`,
		isDemo: true
	});
	const first = data.rounds[0]?.openedDays ?? 0;
	let lastRoundId: string | undefined;
	for (const i of data.initiatives) {
		const saved = await saveInitiative(db, DEMO, await input(i, stateAt(i, first), 0));
		ids.set(i.key, saved.id);
	}
	for (const [r, round] of data.rounds.entries()) {
		for (const i of data.initiatives)
			await db
				.update(initiatives)
				.set({ lifecycle: stateAt(i, round.openedDays) })
				.where(eq(initiatives.id, ids.get(i.key)!));
		const opened = await openRound(
			db,
			DEMO,
			{ name: round.name, deadline: day(round.deadlineDays) },
			{ isDemo: true, openedAt: at(round.openedDays) }
		);
		for (const i of data.initiatives) {
			const update = i.updates[r];
			if (!update) continue;
			const { returned, ...fields } = update;
			const write = (days: number) =>
				submitUpdate(db, DEMO, opened.id, ids.get(i.key)!, fields, { at: at(days) });
			let version = await write(round.deadlineDays - 6);
			if (returned) {
				await reviewUpdate(
					db,
					DEMO,
					version.id,
					{ decision: 'return', comment: returned },
					{
						at: at(round.deadlineDays - 4)
					}
				);
				version = await write(round.deadlineDays - 2);
			}
			await reviewUpdate(
				db,
				DEMO,
				version.id,
				{ decision: 'approve' },
				{ at: at(round.deadlineDays + 2) }
			);
		}
		await closeRound(db, DEMO, opened.id, at(round.closedDays));
		lastRoundId = opened.id;
	}
	for (const i of data.initiatives)
		await db
			.update(initiatives)
			.set({ lifecycle: i.lifecycle })
			.where(eq(initiatives.id, ids.get(i.key)!));
	// The last round's report, built and published as the council would after its meeting.
	const last = data.rounds.at(-1);
	if (lastRoundId && last) {
		const report = await buildReport(db, DEMO, lastRoundId, at(last.closedDays + 1));
		await db
			.update(councilReports)
			.set({ publishedAt: at(last.closedDays + 14) })
			.where(eq(councilReports.id, report.id));
	}
	return data.initiatives.length;
}
