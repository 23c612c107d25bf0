// Moderation: partners propose offers and changes; editors approve or reject them with a
// reason. Every step is audited in the same transaction as the change.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { assertCan, type Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { createOffer, offerInput, updateOffer } from '../directory/index.ts';
import { offers, organizations } from '../directory/schema.ts';
import { submissions } from './schema.ts';

export class SubmissionNotFoundError extends Error {
	constructor() {
		super('No such submission or offer, or not yours to see.');
		this.name = 'SubmissionNotFoundError';
	}
}

/**
 * A partner (or editor) proposes a new offer, or (with `offerId`) a change to a published one,
 * for an organisation they act for. The offer's organisation cannot be changed this way.
 */
export async function submitOffer(
	db: Db,
	actor: Actor,
	input: z.input<typeof offerInput>,
	offerId?: string
) {
	const data = offerInput.parse({ ...input, isDemo: false });
	assertCan(actor, 'submissions.create', { organizationId: data.organizationId });
	if (offerId) {
		const [current] = await db
			.select({ organizationId: offers.organizationId })
			.from(offers)
			.where(eq(offers.id, offerId));
		// The same answer for an offer that does not exist and one of another organisation.
		if (!current || current.organizationId !== data.organizationId)
			throw new SubmissionNotFoundError();
		assertCan(actor, 'submissions.create', { organizationId: current.organizationId });
	}
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(submissions)
			.values({
				entityType: 'offer',
				offerId: offerId ?? null,
				organizationId: data.organizationId,
				authorId: actor.id,
				payload: data as unknown as Record<string, unknown>
			})
			.returning({ id: submissions.id });
		await recordAudit(
			tx,
			{
				actor: actor.id,
				action: 'submission.create',
				entityType: 'submission',
				entityId: row!.id,
				details: { after: data }
			},
			{ publicContent: false }
		);
		return row!.id;
	});
}

export interface SubmissionView {
	id: string;
	organization: string;
	organizationId: string;
	title: string;
	status: 'pending' | 'approved' | 'rejected';
	reason: string | null;
	createdAt: Date;
	reviewedAt: Date | null;
	offerSlug: string | null;
	/** Field by field: what is public now (nothing for a new offer) and what is proposed. */
	changes: { field: string; before: unknown; after: unknown }[];
}

function diff(before: Record<string, unknown> | undefined, after: Record<string, unknown>) {
	return Object.keys(after)
		.filter((k) => k !== 'organizationId' && k !== 'isDemo')
		.filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after[k] ?? null))
		.map((field) => ({ field, before: before?.[field] ?? null, after: after[field] ?? null }));
}

async function views(db: Db, where: ReturnType<typeof eq> | undefined): Promise<SubmissionView[]> {
	const rows = await db
		.select({
			s: submissions,
			organization: organizations.name,
			offerSlug: offers.slug,
			offer: offers
		})
		.from(submissions)
		.innerJoin(organizations, eq(organizations.id, submissions.organizationId))
		.leftJoin(offers, eq(offers.id, submissions.offerId))
		.where(where)
		.orderBy(desc(submissions.createdAt))
		.limit(200);
	return rows.map(({ s, organization, offerSlug, offer }) => ({
		id: s.id,
		organization,
		organizationId: s.organizationId,
		title: String((s.payload.name as { da?: string } | undefined)?.da ?? ''),
		status: s.status,
		reason: s.reason,
		createdAt: s.createdAt,
		reviewedAt: s.reviewedAt,
		offerSlug: offerSlug ?? null,
		changes: diff(
			offer && s.status === 'pending' ? (offer as unknown as Record<string, unknown>) : undefined,
			s.payload
		)
	}));
}

/** What a partner sees: the submissions of their own organisations, with reasons for rejections. */
export async function mySubmissions(db: Db, actor: Actor): Promise<SubmissionView[]> {
	assertCan(actor, 'submissions.create');
	if (actor.role !== 'partner') return views(db, eq(submissions.authorId, actor.id));
	if (actor.organizationIds.length === 0) return [];
	return views(db, inArray(submissions.organizationId, [...actor.organizationIds]));
}

/** The editors' queue: pending submissions, oldest first is not needed – newest first with all. */
export async function reviewQueue(db: Db, actor: Actor): Promise<SubmissionView[]> {
	assertCan(actor, 'moderation.review');
	return views(db, eq(submissions.status, 'pending'));
}

/** Publishes a pending submission: the offer is created (or changed) in the same transaction. */
export async function approveSubmission(db: Db, actor: Actor, id: string): Promise<string> {
	assertCan(actor, 'moderation.review');
	return db.transaction(async (tx) => {
		const [s] = await tx
			.update(submissions)
			.set({ status: 'approved', reviewerId: actor.id, reviewedAt: sql`now()` })
			.where(and(eq(submissions.id, id), eq(submissions.status, 'pending')))
			.returning();
		if (!s) throw new SubmissionNotFoundError();
		const payload = s.payload as z.input<typeof offerInput>;
		const created = s.offerId
			? await updateOffer(tx, actor.id, s.offerId, payload)
			: await createOffer(tx, actor.id, payload);
		await tx.update(submissions).set({ offerId: created.id }).where(eq(submissions.id, id));
		await recordAudit(tx, {
			actor: actor.id,
			action: 'submission.approve',
			entityType: 'submission',
			entityId: id,
			details: { before: { status: 'pending' }, after: { status: 'approved', offer: created.slug } }
		});
		return created.slug;
	});
}

export const rejectionReason = z
	.string()
	.trim()
	.min(3, 'write a reason the author can act on')
	.max(2000, 'the reason can be at most 2000 characters');

/** Rejects with a reason the author sees; nothing is published. */
export async function rejectSubmission(
	db: Db,
	actor: Actor,
	id: string,
	reason: string
): Promise<void> {
	assertCan(actor, 'moderation.review');
	const why = rejectionReason.parse(reason);
	await db.transaction(async (tx) => {
		const [s] = await tx
			.update(submissions)
			.set({ status: 'rejected', reason: why, reviewerId: actor.id, reviewedAt: sql`now()` })
			.where(and(eq(submissions.id, id), eq(submissions.status, 'pending')))
			.returning({ id: submissions.id });
		if (!s) throw new SubmissionNotFoundError();
		await recordAudit(
			tx,
			{
				actor: actor.id,
				action: 'submission.reject',
				entityType: 'submission',
				entityId: id,
				details: { before: { status: 'pending' }, after: { status: 'rejected', reason: why } }
			},
			{ publicContent: false }
		);
	});
}
