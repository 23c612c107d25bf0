// Mail: sends through SMTP when configured; every mail is also kept in the outbox table, which
// administrators read in /admin. Sign-in secrets (reset and invitation links) are never kept.
import { desc, lt, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/index.ts';
import { logger } from '../log.ts';
import { mailOutbox } from './schema.ts';

export interface Mail {
	to: string;
	subject: string;
	body: string;
	/** Extra headers (List-Unsubscribe and List-Unsubscribe-Post on alert mails). */
	headers?: Record<string, string>;
	/**
	 * Parts of the body that give access to an account (a password-reset or invitation token).
	 * They go to the recipient only: the stored copy has them masked, so neither the outbox
	 * page nor a backup lets anyone else use them.
	 */
	secrets?: string[];
}

/** The body as it is stored: every secret replaced by a mark that says it was removed. */
export function storedBody(mail: Mail): string {
	let body = mail.body;
	for (const secret of mail.secrets ?? []) {
		if (secret.length < 8) continue; // too short to be a token; replacing it could mask prose
		body = body.split(secret).join(`${secret.slice(0, 4)}…[${MASK}]`);
	}
	return body;
}

/** The mark left where a secret was, in both languages as the mails are. */
export const MASK = 'fjernet / removed';

export interface Mailer {
	send(db: Db, mail: Mail): Promise<void>;
}

/**
 * The outbox only: what the embedded default and the tests use. Without a mail server a mail
 * with secrets cannot reach its recipient; the inviter is shown the invitation link instead.
 */
export const outboxMailer: Mailer = {
	async send(db, mail) {
		await db.insert(mailOutbox).values({
			recipient: mail.to,
			subject: mail.subject,
			body: storedBody(mail),
			headers: mail.headers ?? null,
			status: 'outbox'
		});
	}
};

/** SMTP with a copy in the outbox; a failed delivery is recorded there, never lost. */
export function smtpMailer(url: string, from: string): Mailer {
	const transport: Transporter = nodemailer.createTransport(url);
	return {
		async send(db, mail) {
			let status: 'sent' | 'failed' = 'sent';
			let error: string | null = null;
			try {
				await transport.sendMail({
					from,
					to: mail.to,
					subject: mail.subject,
					text: mail.body,
					headers: mail.headers
				});
			} catch (e) {
				status = 'failed';
				error = (e as Error).message;
				logger.error({ err: e, subject: mail.subject }, 'mail delivery failed');
			}
			await db.insert(mailOutbox).values({
				recipient: mail.to,
				subject: mail.subject,
				body: storedBody(mail),
				headers: mail.headers ?? null,
				status,
				error
			});
		}
	};
}

export function createMailer(config: { SMTP_URL?: string; MAIL_FROM: string }): Mailer {
	return config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : outboxMailer;
}

export async function listOutbox(db: Db, limit = 100) {
	return db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(limit);
}

/** How many mails are in each state: kept in the outbox (no SMTP), sent, failed. */
export async function outboxCounts(db: Db): Promise<Record<'outbox' | 'sent' | 'failed', number>> {
	const rows = await db
		.select({ status: mailOutbox.status, count: sql<number>`count(*)::int` })
		.from(mailOutbox)
		.groupBy(mailOutbox.status);
	const counts = { outbox: 0, sent: 0, failed: 0 };
	for (const r of rows) counts[r.status] = Number(r.count);
	return counts;
}

export { mailOutbox } from './schema.ts';

/** Deletes mail (sent, failed or kept in the outbox) created before `before`; the number deleted. */
export async function pruneOutbox(db: Db, before: Date): Promise<number> {
	const deleted = await db
		.delete(mailOutbox)
		.where(lt(mailOutbox.createdAt, before))
		.returning({ id: mailOutbox.id });
	return deleted.length;
}
