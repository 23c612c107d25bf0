import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every e-mail the platform sends. Without SMTP this outbox is the delivery: administrators
 * read it in /admin, so an offline installation still works.
 */
export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		/** Extra headers, such as List-Unsubscribe on alert mails. */
		headers: jsonb('headers').$type<Record<string, string>>(),
		/** 'outbox' (no SMTP), 'sent' or 'failed'. */
		status: text('status').$type<'outbox' | 'sent' | 'failed'>().notNull(),
		error: text('error')
	},
	(t) => [index('mail_outbox_created_idx').on(t.createdAt)]
);
