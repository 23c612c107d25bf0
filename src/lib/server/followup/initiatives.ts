import { actorId, assertMay, type FollowUpActor } from './actor.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { line, localized, longText } from '../../schemas/text-fields.ts';
import { hasControlCharacters } from '../../text.ts';
import { recordAudit } from '../audit/index.ts';
import { rowsOf, type Db } from '../db/index.ts';
import { organizations, uniqueSlug } from '../directory/index.ts';
import { getStrategyDefinition } from '../strategy/index.ts';
import { initiatives, LIFECYCLES, milestones } from './schema.ts';

const day = z.iso.date({ error: 'must be a date such as 2026-03-12' });
const ids = z.array(z.uuid()).max(50).default([]);

export const milestoneInput = z
	.object({
		title: line(200),
		dueDate: day.optional(),
		doneDate: day.optional()
	})
	.strict();

/** An initiative as an editor or an import writes it. */
export const initiativeInput = z
	.object({
		externalId: line(100).optional(),
		title: localized(line(200)),
		description: localized(longText(5000)),
		actionCodes: z
			.array(z.string().regex(/^\d+(\.\d+)*$/, 'is not an action code such as 1.2'))
			.min(1, 'name at least one action')
			.max(20),
		indicatorCodes: z.array(line(50)).max(20).default([]),
		ownerId: z.uuid(),
		responsible: line(200).optional(),
		partnerIds: ids,
		startDate: day.optional(),
		endDate: day.optional(),
		lifecycle: z.enum(LIFECYCLES).default('planlagt'),
		progress: z.number().int().min(0).max(100).default(0),
		/** Budget in øre. */
		budgetOre: z.number().int().min(0).max(1e15).optional(),
		milestones: z.array(milestoneInput).max(50).default([]),
		offerIds: ids,
		opportunityIds: ids,
		partnershipIds: ids,
		isDemo: z.boolean().default(false)
	})
	.strict()
	.refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, {
		message: 'ends before it starts',
		path: ['endDate']
	})
	.refine((i) => !i.partnerIds.includes(i.ownerId), {
		message: 'the owner cannot also be a partner',
		path: ['partnerIds']
	});
export type InitiativeInput = z.input<typeof initiativeInput>;
export type InitiativeData = z.output<typeof initiativeInput>;

function issue(path: (string | number)[], message: string): z.core.$ZodIssue {
	return { code: 'custom', path, message, input: undefined };
}

/** The action and indicator codes of the active strategy, which initiatives must name. */
export async function strategyCodes(db: Db) {
	const strategy = await getStrategyDefinition(db);
	return {
		actions: new Set(strategy?.guideposts.flatMap((g) => g.actions.map((a) => a.code)) ?? []),
		indicators: new Set(strategy?.guideposts.flatMap((g) => g.indicators.map((i) => i.code)) ?? [])
	};
}

async function existing(db: Db, table: string, wanted: readonly string[]): Promise<Set<string>> {
	if (wanted.length === 0) return new Set();
	const rows = rowsOf<{ id: string }>(
		await db.execute(
			sql`select id from ${sql.identifier(table)} where id = any(${sql.param([...wanted])}::uuid[])`
		)
	);
	return new Set(rows.map((r) => r.id));
}

/**
 * What the schema cannot see: codes the active strategy does not have, and organisations,
 * offers, postings or partnerships that do not exist. Empty when all is well.
 */
export async function referenceIssues(db: Db, data: InitiativeData): Promise<z.core.$ZodIssue[]> {
	const codes = await strategyCodes(db);
	const issues: z.core.$ZodIssue[] = [];
	data.actionCodes.forEach((code, i) => {
		if (!codes.actions.has(code))
			issues.push(issue(['actionCodes', i], `the strategy has no action ${code}`));
	});
	data.indicatorCodes.forEach((code, i) => {
		if (!codes.indicators.has(code))
			issues.push(issue(['indicatorCodes', i], `the strategy has no indicator ${code}`));
	});
	const checks: [keyof InitiativeData & string, string, readonly string[]][] = [
		['ownerId', 'organizations', [data.ownerId]],
		['partnerIds', 'organizations', data.partnerIds],
		['offerIds', 'offers', data.offerIds],
		['opportunityIds', 'opportunities', data.opportunityIds],
		['partnershipIds', 'partnerships', data.partnershipIds]
	];
	for (const [field, table, wanted] of checks) {
		const found = await existing(db, table, wanted);
		wanted.forEach((id, i) => {
			if (!found.has(id))
				issues.push(
					issue(
						field === 'ownerId' ? [field] : [field, i],
						`names an unknown ${table.slice(0, -1)}`
					)
				);
		});
	}
	return issues;
}

async function writeMilestones(tx: Db, initiativeId: string, list: InitiativeData['milestones']) {
	await tx.delete(milestones).where(eq(milestones.initiativeId, initiativeId));
	if (list.length > 0)
		await tx.insert(milestones).values(
			list.map((m, position) => ({
				initiativeId,
				position,
				title: m.title,
				dueDate: m.dueDate ?? null,
				doneDate: m.doneDate ?? null
			}))
		);
}

function columns(data: InitiativeData) {
	const { milestones: _milestones, ...rest } = data;
	return {
		...rest,
		externalId: rest.externalId ?? null,
		responsible: rest.responsible ?? null,
		startDate: rest.startDate ?? null,
		endDate: rest.endDate ?? null,
		budgetOre: rest.budgetOre ?? null
	};
}

/**
 * Creates an initiative, or with `id` replaces one, in the caller's transaction when `db` is
 * one. Editors and administrators only.
 */
export async function saveInitiative(
	db: Db,
	actor: FollowUpActor,
	input: InitiativeInput,
	id?: string
): Promise<{ id: string; slug: string; created: boolean }> {
	assertMay(actor, 'initiatives.manage');
	const data = initiativeInput.parse(input);
	const problems = await referenceIssues(db, data);
	if (problems.length > 0) throw new z.ZodError(problems);
	const writer = actorId(actor);
	return db.transaction(async (tx) => {
		let row: { id: string; slug: string } | undefined;
		if (id) {
			[row] = await tx
				.update(initiatives)
				.set({ ...columns(data), updatedAt: new Date() })
				.where(eq(initiatives.id, id))
				.returning({ id: initiatives.id, slug: initiatives.slug });
			if (!row) throw new InitiativeNotFoundError(id);
		} else {
			const slug = await uniqueSlug(tx, 'initiatives', data.title.da, 'indsats');
			[row] = await tx
				.insert(initiatives)
				.values({ ...columns(data), slug })
				.returning({ id: initiatives.id, slug: initiatives.slug });
		}
		await writeMilestones(tx, row!.id, data.milestones);
		await recordAudit(tx, {
			actor: writer,
			action: id ? 'initiative.update' : 'initiative.create',
			entityType: 'initiative',
			entityId: row!.id,
			details: { after: data }
		});
		return { ...row!, created: !id };
	});
}

export class InitiativeNotFoundError extends Error {
	constructor(readonly key: string) {
		super(`No initiative ${key}`);
		this.name = 'InitiativeNotFoundError';
	}
}

/** An initiative as its edit form and its update form need it. */
export async function initiativeForEditing(db: Db, slug: string) {
	const [row] = await db.select().from(initiatives).where(eq(initiatives.slug, slug));
	if (!row) return undefined;
	const list = await db
		.select()
		.from(milestones)
		.where(eq(milestones.initiativeId, row.id))
		.orderBy(milestones.position);
	return { ...row, milestones: list };
}

/** Initiatives whose owner is one of these organisations (a partner's own), or all for staff. */
export async function initiativeIdsOwnedBy(db: Db, organizationIds: readonly string[]) {
	if (organizationIds.length === 0) return [];
	const rows = await db
		.select({ id: initiatives.id })
		.from(initiatives)
		.where(inArray(initiatives.ownerId, [...organizationIds]));
	return rows.map((r) => r.id);
}

/** Organisations by name or slug (case ignored), for imports that name them. */
export async function organizationsByNameOrSlug(db: Db, keys: readonly string[]) {
	// A name with control characters (a NUL byte included) names nothing, and PostgreSQL
	// refuses NUL in text, so it never reaches the query: the caller reports it as unknown.
	const lowered = [
		...new Set(keys.filter((k) => !hasControlCharacters(k)).map((k) => k.trim().toLowerCase()))
	];
	if (lowered.length === 0) return new Map<string, string>();
	const rows = await db
		.select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
		.from(organizations)
		.where(
			and(
				sql`(lower(${organizations.name}) = any(${sql.param(lowered)}::text[]) or ${organizations.slug} = any(${sql.param(lowered)}::text[]))`
			)
		);
	const found = new Map<string, string>();
	for (const r of rows) {
		found.set(r.name.toLowerCase(), r.id);
		found.set(r.slug, r.id);
	}
	return found;
}
