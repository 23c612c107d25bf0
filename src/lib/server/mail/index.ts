// Mail: sends through SMTP when configured; otherwise the outbox table is the delivery, which
// administrators read in /admin, so an installation without a mail server still works.
import { desc } from 'drizzle-orm';
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
}

export interface Mailer {
	send(db: Db, mail: Mail): Promise<void>;
}

/** The outbox only: what the embedded default and the tests use. */
export const outboxMailer: Mailer = {
	async send(db, mail) {
		await db.insert(mailOutbox).values({
			recipient: mail.to,
			subject: mail.subject,
			body: mail.body,
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
				body: mail.body,
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

export { mailOutbox } from './schema.ts';
