// Moderation: partners propose offers and changes; editors approve or reject them with a
// reason. Every step is audited in the same transaction as the change.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { assertCan, can, type Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import type { offerInput, organizationProfileInput } from '../directory/index.ts';
import { offers, organizations } from '../directory/index.ts';
import type { OpportunityInput, PartnershipInput } from '../opportunities/index.ts';
import type { EventInput } from '../events/index.ts';
import type { programmeInput } from '../programmes/index.ts';
import { SUBMISSION_KINDS } from './kinds.ts';
import { submissions, type SubmissionEntity } from './schema.ts';

export class SubmissionNotFoundError extends Error {
	constructor() {
		super('No such submission, offer or organisation, or not yours to see.');
		this.name = 'SubmissionNotFoundError';
	}
}

/**
 * Approving this proposal would overwrite a newer change to the same content: another proposal
 * for it was approved after this one was made. The editor must choose.
 */
export class SubmissionConflictError extends Error {
	constructor(readonly newerApprovedAt: Date) {
		super(
			`A newer change to the same content was approved at ${newerApprovedAt.toISOString()}, after this proposal was made; approving it would undo that change.`
		);
		this.name = 'SubmissionConflictError';
	}
}

/**
 * A partner (or editor) proposes new content, or (with `entityId`) a change to published
 * content, for an organisation they act for. The organisation cannot be changed this way.
 */
export async function submit(
	db: Db,
	actor: Actor,
	entityType: SubmissionEntity,
	input: unknown,
	entityId?: string
): Promise<string> {
	const kind = SUBMISSION_KINDS[entityType];
	const data = kind.parse(input);
	assertCan(actor, 'submissions.create', { organizationId: data.organizationId });
	await kind.check?.(db, data);
	if (entityId) {
		const current = await kind.current(db, entityId);
		// The same answer for content that does not exist and content of another organisation.
		if (!current || current.organizationId !== data.organizationId)
			throw new SubmissionNotFoundError();
	} else if (!kind.canCreate) throw new SubmissionNotFoundError();
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(submissions)
			.values({
				entityType,
				entityId: entityId ?? null,
				organizationId: data.organizationId,
				authorId: actor.id,
				payload: data
			})
			.returning({ id: submissions.id });
		await recordAudit(
			tx,
			{
				actor: actor.id,
				action: 'submission.create',
				entityType: 'submission',
				entityId: row!.id,
				details: { kind: entityType, after: data }
			},
			{ publicContent: false }
		);
		return row!.id;
	});
}

/** A new offer, or a change to a published one. */
export function submitOffer(
	db: Db,
	actor: Actor,
	input: z.input<typeof offerInput>,
	offerId?: string
): Promise<string> {
	return submit(db, actor, 'offer', input, offerId);
}

/** A new job, placement or volunteering posting, or (with `opportunityId`) a change or renewal. */
export function submitOpportunity(
	db: Db,
	actor: Actor,
	input: OpportunityInput,
	opportunityId?: string
): Promise<string> {
	return submit(db, actor, 'opportunity', input, opportunityId);
}

/** A partnership between the actor's organisation and others, or a change to one. */
export function submitPartnership(
	db: Db,
	actor: Actor,
	input: PartnershipInput,
	partnershipId?: string
): Promise<string> {
	return submit(db, actor, 'partnership', input, partnershipId);
}

/** A new event of the actor's organisation (an open house, a trial day …), or a change to one. */
export function submitEvent(
	db: Db,
	actor: Actor,
	input: EventInput,
	eventId?: string
): Promise<string> {
	return submit(db, actor, 'event', input, eventId);
}

/** A new programme of the actor's institution, or (with `programmeId`) a change to one. */
export function submitProgramme(
	db: Db,
	actor: Actor,
	input: z.input<typeof programmeInput>,
	programmeId?: string
): Promise<string> {
	return submit(db, actor, 'programme', input, programmeId);
}

/** A change to an organisation's public profile (description, contact details, logo). */
export function submitOrganizationProfile(
	db: Db,
	actor: Actor,
	input: z.input<typeof organizationProfileInput>
): Promise<string> {
	return submit(db, actor, 'organization', input, input.organizationId);
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
	entityType: SubmissionEntity;
	/** The published offer's or organisation's slug, once there is one. */
	entitySlug: string | null;
	/** Field by field: what is public now (nothing for a new offer) and what is proposed. */
	changes: { field: string; before: unknown; after: unknown }[];
}

function diff(before: Record<string, unknown> | undefined, after: Record<string, unknown>) {
	return Object.keys(after)
		.filter((k) => k !== 'organizationId' && k !== 'isDemo')
		.filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after[k] ?? null))
		.map((field) => ({ field, before: before?.[field] ?? null, after: after[field] ?? null }));
}

async function views(db: Db, where: SQL | undefined): Promise<SubmissionView[]> {
	const rows = await db
		.select({ s: submissions, organization: organizations.name })
		.from(submissions)
		.innerJoin(organizations, eq(organizations.id, submissions.organizationId))
		.where(where)
		.orderBy(desc(submissions.createdAt))
		.limit(200);
	return Promise.all(
		rows.map(async ({ s, organization }) => {
			const kind = SUBMISSION_KINDS[s.entityType];
			const current = s.entityId ? await kind.current(db, s.entityId) : undefined;
			return {
				id: s.id,
				organization,
				organizationId: s.organizationId,
				title: kind.title(s.payload, organization),
				status: s.status,
				reason: s.reason,
				createdAt: s.createdAt,
				reviewedAt: s.reviewedAt,
				entityType: s.entityType,
				entitySlug: current?.slug ?? null,
				changes: diff(s.status === 'pending' ? current?.fields : undefined, s.payload)
			};
		})
	);
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

/** Publishes a pending submission: the content is created (or changed) in the same transaction. */
export async function approveSubmission(
	db: Db,
	actor: Actor,
	id: string,
	options: { overwriteNewer?: boolean } = {}
): Promise<string> {
	assertCan(actor, 'moderation.review');
	return db.transaction(async (tx) => {
		const [s] = await tx
			.update(submissions)
			.set({ status: 'approved', reviewerId: actor.id, reviewedAt: sql`now()` })
			.where(and(eq(submissions.id, id), eq(submissions.status, 'pending')))
			.returning();
		if (!s) throw new SubmissionNotFoundError();
		if (s.entityId && !options.overwriteNewer) {
			// A change proposed before another change to the same content was approved would
			// silently put the older text back.
			const [newer] = await tx
				.select({ reviewedAt: submissions.reviewedAt })
				.from(submissions)
				.where(
					and(
						eq(submissions.entityType, s.entityType),
						eq(submissions.entityId, s.entityId),
						eq(submissions.status, 'approved'),
						sql`${submissions.id} <> ${s.id}`,
						sql`${submissions.reviewedAt} > ${s.createdAt}`
					)
				)
				.orderBy(desc(submissions.reviewedAt))
				.limit(1);
			if (newer?.reviewedAt) throw new SubmissionConflictError(newer.reviewedAt);
		}
		const created = await SUBMISSION_KINDS[s.entityType].publish(
			tx,
			actor.id,
			s.payload,
			s.entityId
		);
		await tx.update(submissions).set({ entityId: created.id }).where(eq(submissions.id, id));
		await recordAudit(tx, {
			actor: actor.id,
			action: 'submission.approve',
			entityType: 'submission',
			entityId: id,
			details: {
				before: { status: 'pending' },
				after: { status: 'approved', [s.entityType]: created.slug }
			}
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

/**
 * A partner confirms that a published offer of their organisation is still right as it stands:
 * nothing changes but the date it was last checked, so no review is needed.
 */
export async function confirmStillCurrent(db: Db, actor: Actor, slug: string): Promise<void> {
	const [offer] = await db
		.select({ id: offers.id, organizationId: offers.organizationId })
		.from(offers)
		.where(eq(offers.slug, slug));
	if (!offer || !can(actor, 'submissions.create', { organizationId: offer.organizationId }))
		throw new SubmissionNotFoundError();
	await db.transaction(async (tx) => {
		await tx
			.update(offers)
			.set({ lastVerifiedAt: sql`now()` })
			.where(eq(offers.id, offer.id));
		await recordAudit(tx, {
			actor: actor.id,
			action: 'offer.verify',
			entityType: 'offer',
			entityId: offer.id
		});
	});
}
