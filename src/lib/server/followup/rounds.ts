import { actorId, assertMay, auditFollowUp, type FollowUpActor } from './actor.ts';
import { and, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { line, longText } from '../../schemas/text-fields.ts';
import { can, type Actor } from '../accounts/index.ts';
import { rowsOf, type Db } from '../db/index.ts';
import { effectiveProgress } from './rollup.ts';
import {
	HEALTHS,
	initiativeUpdates,
	initiatives,
	milestones,
	reportingRounds,
	type RoundSnapshot
} from './schema.ts';

/** Why a round or an update cannot change as asked; the message is for the person who asked. */
export class FollowUpError extends Error {
	constructor(
		readonly code:
			| 'round-closed'
			| 'round-not-found'
			| 'not-in-round'
			| 'update-locked'
			| 'update-not-found'
			| 'not-submitted'
			| 'round-open'
			| 'report-not-found',
		message: string
	) {
		super(message);
		this.name = 'FollowUpError';
	}
}

export const roundInput = z
	.object({
		name: line(200),
		deadline: z.iso.date({ error: 'must be a date such as 2026-03-12' })
	})
	.strict();

/**
 * Opens a round: every initiative that is planned or under way is asked to report by the
 * deadline. Several rounds may be open at once (a late round and the next one).
 */
export async function openRound(
	db: Db,
	actor: FollowUpActor,
	input: z.input<typeof roundInput>,
	options: { isDemo?: boolean; openedAt?: Date } = {}
) {
	assertMay(actor, 'rounds.manage');
	const data = roundInput.parse(input);
	return db.transaction(async (tx) => {
		const open = await tx
			.select({ id: initiatives.id })
			.from(initiatives)
			.where(inArray(initiatives.lifecycle, ['planlagt', 'i-gang']));
		const [round] = await tx
			.insert(reportingRounds)
			.values({
				...data,
				initiativeIds: open.map((o) => o.id),
				isDemo: options.isDemo ?? false,
				...(options.openedAt ? { openedAt: options.openedAt } : {})
			})
			.returning();
		const after = { ...data, initiatives: open.length };
		await auditFollowUp(tx, actor, 'round.open', ['round', round!.id], { after }, false);
		return round!;
	});
}

/** The round, locked for the rest of the transaction; an error if it is missing or closed. */
async function lockOpenRound(tx: Db, roundId: string, closedMessage: string) {
	const [round] = await tx
		.select()
		.from(reportingRounds)
		.where(eq(reportingRounds.id, roundId))
		.for('update');
	if (!round) throw new FollowUpError('round-not-found', 'No such round');
	if (round.closedAt) throw new FollowUpError('round-closed', closedMessage);
	return round;
}

/**
 * Closes a round and freezes its snapshot: each asked initiative's lifecycle, progress and the
 * health of its approved update in this round (none when it has no approved update).
 */
export async function closeRound(
	db: Db,
	actor: FollowUpActor,
	roundId: string,
	closedAt = new Date()
) {
	assertMay(actor, 'rounds.manage');
	return db.transaction(async (tx) => {
		const round = await lockOpenRound(tx, roundId, 'The round is already closed');
		const rows = await tx
			.select({
				id: initiatives.id,
				lifecycle: initiatives.lifecycle,
				progress: initiatives.progress
			})
			.from(initiatives)
			.where(inArray(initiatives.id, round.initiativeIds.length ? round.initiativeIds : [NONE]));
		const approved = await tx
			.select({ initiativeId: initiativeUpdates.initiativeId, health: initiativeUpdates.health })
			.from(initiativeUpdates)
			.where(and(eq(initiativeUpdates.roundId, roundId), eq(initiativeUpdates.state, 'approved')));
		const health = new Map(approved.map((a) => [a.initiativeId, a.health]));
		const steps = await milestoneCounts(tx, round.initiativeIds, closedAt);
		const snapshot: RoundSnapshot = {
			closedAt: closedAt.toISOString(),
			initiatives: rows.map((r) => {
				const s = steps.get(r.id) ?? { total: 0, done: 0 };
				return {
					id: r.id,
					lifecycle: r.lifecycle,
					progress: effectiveProgress(r.progress, s),
					health: health.get(r.id) ?? null,
					milestonesDone: s.done
				};
			})
		};
		await tx
			.update(reportingRounds)
			.set({ closedAt, snapshot })
			.where(eq(reportingRounds.id, roundId));
		const counts = { reported: health.size, asked: round.initiativeIds.length };
		await auditFollowUp(tx, actor, 'round.close', ['round', roundId], counts, true);
		return snapshot;
	});
}

const NONE = '00000000-0000-0000-0000-000000000000';

/** Milestones per initiative: how many, and how many were done by `asOf`. */
export async function milestoneCounts(db: Db, initiativeIds: readonly string[], asOf = new Date()) {
	const counts = new Map<string, { total: number; done: number }>();
	if (initiativeIds.length === 0) return counts;
	const day = asOf.toISOString().slice(0, 10);
	const rows = await db
		.select({
			id: milestones.initiativeId,
			total: sql<number>`count(*)::int`,
			done: sql<number>`(count(*) filter (where ${milestones.doneDate} <= ${day}))::int`
		})
		.from(milestones)
		.where(inArray(milestones.initiativeId, [...initiativeIds]))
		.groupBy(milestones.initiativeId);
	for (const r of rows) counts.set(r.id, { total: Number(r.total), done: Number(r.done) });
	return counts;
}

export const updateInput = z
	.object({
		health: z.enum(HEALTHS, { error: 'choose green, yellow or red' }),
		progress: z.coerce.number().int().min(0).max(100),
		done: longText(3000),
		next: longText(3000),
		remedy: longText(3000).optional()
	})
	.strict()
	.refine((u) => u.health === 'green' || Boolean(u.remedy), {
		message: 'say what is being done about it when the initiative is at risk or delayed',
		path: ['remedy']
	});
export type UpdateInput = z.input<typeof updateInput>;

async function ownerOf(db: Db, initiativeId: string) {
	const [row] = await db
		.select({ ownerId: initiatives.ownerId })
		.from(initiatives)
		.where(eq(initiatives.id, initiativeId));
	return row?.ownerId;
}

/**
 * The owner's update for a round: a new version each time (a first report, or a correction after
 * the editor returned it). Refused once approved or when the round is closed.
 */
export async function submitUpdate(
	db: Db,
	actor: FollowUpActor,
	roundId: string,
	initiativeId: string,
	input: UpdateInput,
	options: { at?: Date } = {}
) {
	const ownerId = await ownerOf(db, initiativeId);
	if (!ownerId) throw new FollowUpError('not-in-round', 'No such initiative');
	assertMay(actor, 'updates.write', { organizationId: ownerId });
	const data = updateInput.parse(input);
	return db.transaction(async (tx) => {
		const round = await lockOpenRound(tx, roundId, 'The round is closed');
		if (!round.initiativeIds.includes(initiativeId))
			throw new FollowUpError('not-in-round', 'The initiative is not part of this round');
		const [latest] = await tx
			.select({ version: initiativeUpdates.version, state: initiativeUpdates.state })
			.from(initiativeUpdates)
			.where(
				and(
					eq(initiativeUpdates.roundId, roundId),
					eq(initiativeUpdates.initiativeId, initiativeId)
				)
			)
			.orderBy(desc(initiativeUpdates.version))
			.limit(1);
		if (latest?.state === 'approved')
			throw new FollowUpError('update-locked', 'The update is approved and locked');
		const [created] = await tx
			.insert(initiativeUpdates)
			.values({
				initiativeId,
				roundId,
				version: (latest?.version ?? 0) + 1,
				health: data.health,
				progress: data.progress,
				done: data.done,
				next: data.next,
				remedy: data.remedy ?? null,
				authorId: actorId(actor),
				...(options.at ? { createdAt: options.at } : {})
			})
			.returning();
		const details = { round: roundId, version: created!.version, after: data };
		await auditFollowUp(tx, actor, 'update.submit', ['initiative', initiativeId], details, false);
		return created!;
	});
}

export const reviewInput = z.discriminatedUnion('decision', [
	z.object({ decision: z.literal('approve'), comment: longText(2000).optional() }),
	z.object({ decision: z.literal('return'), comment: longText(2000) })
]);

/**
 * An editor's decision on the newest version of an update: approve it (locked, public, and its
 * progress becomes the initiative's) or return it with a comment for the owner to correct.
 */
export async function reviewUpdate(
	db: Db,
	actor: FollowUpActor,
	updateId: string,
	input: z.input<typeof reviewInput>,
	options: { at?: Date } = {}
) {
	assertMay(actor, 'updates.review');
	const data = reviewInput.parse(input);
	const at = options.at ?? new Date();
	return db.transaction(async (tx) => {
		const [update] = await tx
			.select()
			.from(initiativeUpdates)
			.where(eq(initiativeUpdates.id, updateId))
			.for('update');
		if (!update) throw new FollowUpError('update-not-found', 'No such update');
		const [newest] = await tx
			.select({ version: max(initiativeUpdates.version) })
			.from(initiativeUpdates)
			.where(
				and(
					eq(initiativeUpdates.roundId, update.roundId),
					eq(initiativeUpdates.initiativeId, update.initiativeId)
				)
			);
		if (update.state !== 'submitted' || newest?.version !== update.version)
			throw new FollowUpError('not-submitted', 'Only the newest submitted version can be reviewed');
		const [round] = await tx
			.select({ closedAt: reportingRounds.closedAt })
			.from(reportingRounds)
			.where(eq(reportingRounds.id, update.roundId));
		if (round?.closedAt) throw new FollowUpError('round-closed', 'The round is closed');
		await tx
			.update(initiativeUpdates)
			.set({
				state: data.decision === 'approve' ? 'approved' : 'returned',
				reviewerId: actorId(actor),
				reviewedAt: at,
				reviewComment: data.comment ?? null
			})
			.where(eq(initiativeUpdates.id, updateId));
		if (data.decision === 'approve')
			await tx
				.update(initiatives)
				.set({ progress: update.progress, updatedAt: at })
				.where(eq(initiatives.id, update.initiativeId));
		const approved = data.decision === 'approve';
		await auditFollowUp(
			tx,
			actor,
			approved ? 'update.approve' : 'update.return',
			['initiative', update.initiativeId],
			{ round: update.roundId, version: update.version, comment: data.comment ?? null },
			approved
		);
	});
}

export interface RoundStatusRow {
	initiativeId: string;
	slug: string;
	title: { da: string; en?: string };
	ownerId: string;
	ownerName: string;
	/** The newest version, if any. */
	update: {
		id: string;
		version: number;
		state: 'submitted' | 'returned' | 'approved';
		health: 'green' | 'yellow' | 'red';
		progress: number;
		done: string;
		next: string;
		remedy: string | null;
		reviewComment: string | null;
		createdAt: Date;
	} | null;
}

/** Every initiative a round asked, with its newest update; a partner sees its own only. */
export async function roundStatus(db: Db, actor: Actor, roundId: string) {
	const [round] = await db.select().from(reportingRounds).where(eq(reportingRounds.id, roundId));
	if (!round) return undefined;
	const staff = can(actor, 'followup.read');
	const asked = round.initiativeIds.length ? round.initiativeIds : [NONE];
	const rows = await db.execute(sql`
		select i.id as "initiativeId", i.slug, i.title, i.owner_id as "ownerId", o.name as "ownerName",
			(select json_build_object('id', u.id, 'version', u.version, 'state', u.state, 'health', u.health,
				'progress', u.progress, 'done', u.done, 'next', u.next, 'remedy', u.remedy,
				'reviewComment', u.review_comment, 'createdAt', u.created_at)
				from initiative_updates u where u.initiative_id = i.id and u.round_id = ${roundId}
				order by u.version desc limit 1) as update
		from initiatives i join organizations o on o.id = i.owner_id
		where i.id = any(${sql.param(asked)}::uuid[])
		${staff ? sql`` : sql`and i.owner_id = any(${sql.param([...actor.organizationIds, NONE])}::uuid[])`}
		order by o.name, i.title->>'da'`);
	const list = rowsOf<RoundStatusRow>(rows).map((r) => ({
		...r,
		update: r.update ? { ...r.update, createdAt: new Date(r.update.createdAt) } : null
	}));
	return { round, rows: list };
}

/** Rounds, newest first, with how many initiatives were asked and how many are approved. */
export async function listRounds(db: Db) {
	return db
		.select({
			id: reportingRounds.id,
			name: reportingRounds.name,
			deadline: reportingRounds.deadline,
			openedAt: reportingRounds.openedAt,
			closedAt: reportingRounds.closedAt,
			isDemo: reportingRounds.isDemo,
			asked: sql<number>`cardinality(${reportingRounds.initiativeIds})`,
			approved: sql<number>`(select count(distinct u.initiative_id)::int from initiative_updates u where u.round_id = ${reportingRounds.id} and u.state = 'approved')`
		})
		.from(reportingRounds)
		.orderBy(desc(reportingRounds.openedAt));
}

/** Open rounds, oldest deadline first. */
export async function openRounds(db: Db) {
	return db
		.select()
		.from(reportingRounds)
		.where(isNull(reportingRounds.closedAt))
		.orderBy(reportingRounds.deadline);
}

/**
 * One initiative in one round for its update page: the round, the initiative and every version
 * of its update, newest first. Undefined when the actor may not see it (a partner and another
 * organisation's initiative) or when the initiative was not asked in the round.
 */
export async function updatePage(db: Db, actor: Actor, roundId: string, slug: string) {
	const [round] = await db.select().from(reportingRounds).where(eq(reportingRounds.id, roundId));
	const [initiative] = await db
		.select({
			id: initiatives.id,
			slug: initiatives.slug,
			title: initiatives.title,
			ownerId: initiatives.ownerId,
			progress: initiatives.progress
		})
		.from(initiatives)
		.where(eq(initiatives.slug, slug));
	if (!round || !initiative || !round.initiativeIds.includes(initiative.id)) return undefined;
	const staff = can(actor, 'followup.read');
	const owner = can(actor, 'updates.write', { organizationId: initiative.ownerId });
	if (!staff && !owner) return undefined;
	const versions = await db
		.select()
		.from(initiativeUpdates)
		.where(
			and(eq(initiativeUpdates.roundId, roundId), eq(initiativeUpdates.initiativeId, initiative.id))
		)
		.orderBy(desc(initiativeUpdates.version));
	const newest = versions[0];
	const mayReview =
		can(actor, 'updates.review') && !round.closedAt && newest?.state === 'submitted';
	return {
		round,
		initiative,
		versions,
		// Staff may write on the owner's behalf, but not over an update waiting for their review.
		mayWrite: owner && !round.closedAt && newest?.state !== 'approved' && !mayReview,
		mayReview
	};
}

/**
 * Updates waiting for an editor: the newest version is submitted, in a round still open. Shown
 * in the review queue beside proposals, oldest first.
 */
export async function updatesAwaitingReview(db: Db) {
	return rowsOf<{
		round_id: string;
		round_name: string;
		slug: string;
		title: { da: string; en?: string };
		owner: string;
		created_at: string | Date;
	}>(
		await db.execute(sql`
			select r.id as round_id, r.name as round_name, i.slug, i.title, o.name as owner, u.created_at
			from initiative_updates u
			join reporting_rounds r on r.id = u.round_id and r.closed_at is null
			join initiatives i on i.id = u.initiative_id
			join organizations o on o.id = i.owner_id
			where u.state = 'submitted' and u.version = (
				select max(v.version) from initiative_updates v
				where v.round_id = u.round_id and v.initiative_id = u.initiative_id)
			order by u.created_at`)
	).map((r) => ({
		roundId: r.round_id,
		roundName: r.round_name,
		slug: r.slug,
		title: r.title,
		owner: r.owner,
		submittedAt: new Date(r.created_at)
	}));
}
