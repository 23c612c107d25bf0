import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import {
	createOffer,
	offerInput,
	organizationProfileInput,
	placesAndHours,
	unknownCodes,
	updateOffer,
	updateOrganizationProfile
} from '../directory/index.ts';
import { offers, organizations } from '../directory/index.ts';
import {
	createOpportunity,
	createPartnership,
	opportunityInput,
	partnershipInput,
	updateOpportunity,
	updatePartnership,
	type OpportunityInput,
	type PartnershipInput
} from '../opportunities/index.ts';
import { opportunities, partnerships } from '../opportunities/index.ts';
import {
	createEvent,
	eventForEditing,
	eventInput,
	updateEvent,
	type EventInput
} from '../events/index.ts';
import {
	createProgramme,
	programmeInput,
	programmes,
	updateProgramme,
	type ProgrammeInput
} from '../programmes/index.ts';
import type { SubmissionEntity } from './schema.ts';

/** How one kind of content is proposed, compared and published. */
export interface SubmissionKind {
	/** Validates a proposal; the result is what is stored and later published. */
	parse(input: unknown): Record<string, unknown> & { organizationId: string };
	/** The title shown in queues. */
	title(payload: Record<string, unknown>, organization: string): string;
	/** What is public now, to compare a change with; undefined for a new entity. */
	current(
		db: Db,
		entityId: string
	): Promise<{ organizationId: string; slug: string; fields: Record<string, unknown> } | undefined>;
	/** Publishes an approved proposal inside the approval's transaction. */
	publish(
		tx: Db,
		actorId: string,
		payload: Record<string, unknown>,
		entityId: string | null
	): Promise<{ id: string; slug: string }>;
	/** Whether a proposal may create a new entity (an organisation is created by editors only). */
	canCreate: boolean;
	/** Checks against stored data (known codes, existing organisations); throws a ZodError. */
	check?(db: Db, payload: Record<string, unknown>): Promise<void>;
}

/** Throws the issues, if any, as one ZodError, like a failed parse. */
function refuse(issues: z.core.$ZodIssue[]): void {
	if (issues.length) throw new z.ZodError(issues);
}

type Payload = Record<string, unknown> & { organizationId: string };

/** A proposal read by its content's own schema; a proposal is never demo data. */
const proposal =
	(schema: { parse(input: unknown): unknown }) =>
	(input: unknown): Payload =>
		schema.parse({ ...(input as object), isDemo: false }) as Payload;

/** A bilingual field's Danish text, as the queues show it. */
const danish = (field: string) => (payload: Record<string, unknown>) =>
	String((payload[field] as { da?: string } | undefined)?.da ?? '');

/** A published row as a proposal is compared with it. */
const published = (row: { organizationId: string; slug: string } | undefined) =>
	row
		? {
				organizationId: row.organizationId,
				slug: row.slug,
				fields: row as unknown as Record<string, unknown>
			}
		: undefined;

/**
 * The published row with this id in a table of published content, as a proposal sees it. The
 * tables share `id`, `slug` and `organizationId`; one of them stands for their type in the query.
 */
const publishedIn =
	(table: typeof opportunities | typeof partnerships | typeof programmes) =>
	async (db: Db, id: string) =>
		published(
			(
				await db
					.select()
					.from(table as typeof programmes)
					.where(eq((table as typeof programmes).id, id))
			)[0]
		);

/**
 * A kind an organisation proposes, new or as a change to one of its own; queues show its Danish
 * title, and publishing creates the row or updates the one the proposal is about.
 */
function proposedKind<I>(kind: {
	input: { parse(input: unknown): unknown };
	current: SubmissionKind['current'];
	create: (tx: Db, actorId: string, input: I) => Promise<{ id: string; slug: string }>;
	update: (tx: Db, actorId: string, id: string, input: I) => Promise<{ id: string; slug: string }>;
	check?: SubmissionKind['check'];
	title?: string;
}): SubmissionKind {
	return {
		parse: proposal(kind.input),
		title: danish(kind.title ?? 'title'),
		current: kind.current,
		publish: (tx, actorId, payload, id) =>
			id ? kind.update(tx, actorId, id, payload as I) : kind.create(tx, actorId, payload as I),
		canCreate: true,
		check: kind.check
	};
}

/** Refuses codes a proposal names that are not in the municipality's vocabularies. */
async function refuseUnknownTerms(
	db: Db,
	payload: Record<string, unknown>,
	checks: [vocabulary: Parameters<typeof unknownCodes>[1], field: string, message: string][]
): Promise<void> {
	const issues: z.core.$ZodIssue[] = [];
	for (const [vocabulary, field, message] of checks) {
		const value = payload[field];
		const codes = Array.isArray(value) ? value : value === undefined ? [] : [value];
		issues.push(...(await unknownCodes(db, vocabulary, codes.map(String), field, message)));
	}
	refuse(issues);
}

const offerKind = proposedKind<z.input<typeof offerInput>>({
	input: offerInput,
	title: 'name',
	async current(db, id) {
		const [o] = await db.select().from(offers).where(eq(offers.id, id));
		return o
			? {
					organizationId: o.organizationId,
					slug: o.slug,
					fields: { ...o, ...(await placesAndHours(db, o.id)) } as Record<string, unknown>
				}
			: undefined;
	},
	create: createOffer,
	update: updateOffer,
	check: (db, payload) =>
		refuseUnknownTerms(db, payload, [
			['category', 'categories', 'not a known category'],
			['audience', 'audiences', 'not a known audience']
		])
});

const organizationKind: SubmissionKind = {
	parse: (input) => organizationProfileInput.parse(input),
	title: (_payload, organization) => organization,
	async current(db, id) {
		const [o] = await db.select().from(organizations).where(eq(organizations.id, id));
		return o
			? { organizationId: o.id, slug: o.slug, fields: o as unknown as Record<string, unknown> }
			: undefined;
	},
	publish: (tx, actorId, payload) =>
		updateOrganizationProfile(tx, actorId, payload as z.input<typeof organizationProfileInput>),
	canCreate: false
};

const opportunityKind = proposedKind<OpportunityInput>({
	input: opportunityInput,
	current: publishedIn(opportunities),
	create: createOpportunity,
	update: updateOpportunity,
	check: (db, payload) =>
		refuseUnknownTerms(db, payload, [
			['field', 'fields', 'not a known education field'],
			['level', 'levels', 'not a known education level']
		])
});

const partnershipKind = proposedKind<PartnershipInput>({
	input: partnershipInput,
	current: publishedIn(partnerships),
	create: createPartnership,
	update: updatePartnership,
	async check(db, payload) {
		const ids = (payload.partnerIds as string[]) ?? [];
		if (ids.length === 0) return;
		const found = new Set(
			(
				await db
					.select({ id: organizations.id })
					.from(organizations)
					.where(inArray(organizations.id, ids))
			).map((o) => o.id)
		);
		refuse(
			ids.flatMap((id, i) =>
				found.has(id)
					? []
					: [
							{
								code: 'custom' as const,
								path: ['partnerIds', i],
								message: 'not a known organisation',
								input: id
							}
						]
			)
		);
	}
});

/** An event an organisation proposes, or a change to one of its events; an editor publishes it. */
const eventKind = proposedKind<EventInput>({
	input: eventInput,
	// As its edit form shows it (a directory place as its address). An event read from a calendar
	// feed is changed in that calendar: there is none to propose to.
	current: async (db, id) => published(await eventForEditing(db, { id })),
	create: createEvent,
	update: updateEvent,
	check: (db, payload) =>
		refuseUnknownTerms(db, payload, [
			['event-kind', 'kind', 'not a kind of event'],
			['audience', 'audiences', 'not a known audience'],
			['level', 'levels', 'not a known education level']
		])
});

/** A programme an institution proposes, or a change to one of its programmes. */
const programmeKind = proposedKind<ProgrammeInput>({
	input: programmeInput,
	current: publishedIn(programmes),
	create: createProgramme,
	update: updateProgramme
});

export const SUBMISSION_KINDS: Record<SubmissionEntity, SubmissionKind> = {
	event: eventKind,
	programme: programmeKind,
	offer: offerKind,
	organization: organizationKind,
	opportunity: opportunityKind,
	partnership: partnershipKind
};
