import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ORGANIZATION_KINDS = [
	'school',
	'association',
	'employer',
	'municipal',
	'other'
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Schools, associations, employers and municipal departments that own offers and postings. */
export const organizations = pgTable('organizations', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	kind: text('kind').$type<OrganizationKind>().notNull(),
	website: text('website'),
	isDemo: boolean('is_demo').notNull().default(false),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
