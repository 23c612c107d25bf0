import type { Config } from './config.ts';
import type { Db } from './db/index.ts';
import { logger } from './log.ts';
import { pruneAuditLog } from './audit/index.ts';
import { pruneExpiredAuth } from './accounts/index.ts';
import { pruneUploadDrafts } from './indicators/index.ts';
import { pruneOutbox } from './mail/index.ts';
import {
	CONFIRM_DAYS,
	pruneClosedPostings,
	pruneUnconfirmedAlerts
} from './opportunities/index.ts';

/** How long each kind of data is kept; the privacy page states the same figures. */
export interface RetentionSettings {
	/** Mail in the outbox, sent or failed. */
	mailDays: number;
	/** Saved job searches nobody confirmed: fixed by the confirmation mail's promise. */
	unconfirmedAlertDays: number;
	/** Invitations after they expired, were accepted or revoked. */
	invitationDays: number;
	/** Job and placement postings after they closed. */
	closedPostingYears: number;
	/** The audit log. */
	auditYears: number;
}

export function retentionSettings(config: Config): RetentionSettings {
	return {
		mailDays: config.RETAIN_MAIL_DAYS,
		unconfirmedAlertDays: CONFIRM_DAYS,
		invitationDays: config.RETAIN_INVITATION_DAYS,
		closedPostingYears: config.RETAIN_CLOSED_POSTING_YEARS,
		auditYears: config.RETAIN_AUDIT_YEARS
	};
}

const DAY = 86_400_000;

/** `years` calendar years before `now` (29 February becomes 28 February). */
function yearsBefore(now: Date, years: number): Date {
	const then = new Date(now);
	then.setUTCFullYear(now.getUTCFullYear() - years);
	return then;
}

export interface RetentionOutcome {
	mail: number;
	unconfirmedAlerts: number;
	sessions: number;
	verifications: number;
	invitations: number;
	uploadDrafts: number;
	closedPostings: number;
	auditEntries: number;
}

/**
 * Deletes what has been kept for its period: the daily task of the server, and
 * `uddannelsesby retention run` for cron. Each kind is its own statement, so a failure in one
 * leaves the others done; running it twice deletes nothing more.
 */
export async function applyRetention(
	db: Db,
	settings: RetentionSettings,
	now = new Date()
): Promise<RetentionOutcome> {
	const auth = await pruneExpiredAuth(
		db,
		now,
		new Date(now.getTime() - settings.invitationDays * DAY)
	);
	const outcome: RetentionOutcome = {
		mail: await pruneOutbox(db, new Date(now.getTime() - settings.mailDays * DAY)),
		unconfirmedAlerts: await pruneUnconfirmedAlerts(db, now),
		...auth,
		uploadDrafts: await pruneUploadDrafts(db),
		closedPostings: await pruneClosedPostings(db, yearsBefore(now, settings.closedPostingYears)),
		auditEntries: await pruneAuditLog(db, yearsBefore(now, settings.auditYears))
	};
	if (Object.values(outcome).some((n) => n > 0))
		logger.info(outcome, 'retention: deleted old data');
	return outcome;
}
