import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { primaryId } from '../db/columns.ts';
import { organizationId } from '../directory/schema.ts';

export type SubmissionStatus = 'pending' | 'approved' | 'rejected';
/**
 * What a submission proposes: an offer, a posting, a partnership, an event, a programme, or a
 * profile change.
 */
export type SubmissionEntity =
	'offer' | 'organization' | 'opportunity' | 'partnership' | 'event' | 'programme';

/**
 * A partner's proposed new offer or change. The public sees the offer as last approved; the
 * proposal waits here for an editor, and a rejected one stays visible to its author with the
 * reason.
 */
export const submissions = pgTable(
	'submissions',
	{
		id: primaryId(),
		entityType: text('entity_type').$type<SubmissionEntity>().notNull(),
		/** The offer or organisation being changed; null for a new one (set on approval). */
		entityId: uuid('entity_id'),
		organizationId: organizationId(),
		authorId: text('author_id').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
		status: text('status').$type<SubmissionStatus>().notNull().default('pending'),
		reason: text('reason'),
		reviewerId: text('reviewer_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true })
	},
	(t) => [
		index('submissions_status_idx').on(t.status, t.createdAt),
		index('submissions_organization_idx').on(t.organizationId),
		index('submissions_entity_idx').on(t.entityId)
	]
);
