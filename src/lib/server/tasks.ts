import { join } from 'node:path';
import type { Config } from './config.ts';
import type { BackupSettings } from './backup/index.ts';
import type { Db } from './db/index.ts';
import { sendStaleReminders } from './stale-offers.ts';
import { logger } from './log.ts';
import type { Mailer } from './mail/index.ts';
import { sendExpiryReminders, sendJobAlerts } from './opportunities/index.ts';
import { sendRoundReminders } from './followup/index.ts';
import { syncAllIndicators, type SyncSettings } from './indicators/index.ts';
import { feedsDue, syncFeed, type FeedSettings, type SyncOutcome } from './events/index.ts';

/**
 * Sends the mail that is due: saved job searches with news, reminders of postings about to
 * close, of offers not checked for `staleAfterDays` and of missing updates in reporting rounds. Each part claims its rows before it
 * mails, so running this in several processes (or from cron beside the server) sends once.
 */
export async function sendDueMail(
	db: Db,
	mailer: Mailer,
	baseUrl: string,
	settings: { staleAfterDays: number },
	now = new Date()
) {
	const alerts = await sendJobAlerts(db, mailer, baseUrl, now);
	const closing = await sendExpiryReminders(db, mailer, baseUrl, now);
	const stale = await sendStaleReminders(db, mailer, baseUrl, settings.staleAfterDays, now);
	const rounds = await sendRoundReminders(db, mailer, baseUrl, now);
	const result = { alerts, closing, stale, rounds };
	if (alerts.mailed || closing.reminded || stale.organizations || rounds.reminded)
		logger.info(result, 'sent the mail that was due');
	return result;
}

/**
 * Syncs every indicator whose strategy file names a StatBank source. A table that has not
 * changed costs one small request; failures are recorded for /admin/indikatorer and logged.
 */
export async function syncIndicators(db: Db, settings: SyncSettings) {
	const outcomes = await syncAllIndicators(db, settings);
	const count = (status: string) => outcomes.filter((o) => o.status === status).length;
	if (outcomes.length > 0)
		logger.info(
			{ imported: count('imported'), unchanged: count('unchanged'), failed: count('failed') },
			'indicator sync from Statistics Denmark done'
		);
	return outcomes;
}

/** How the server and the CLI reach StatBank, from the configuration. */
export function syncSettings(config: Config, actor: string): SyncSettings {
	return {
		baseUrl: config.DST_API_URL,
		allowPrivate: config.FEED_ALLOW_PRIVATE === 'true',
		actor
	};
}

/** The server's own backups, from the configuration (see BACKUP_HOURS for the defaults). */
export function backupSettings(
	config: Config,
	embedded: boolean,
	appVersion: string
): BackupSettings {
	return {
		dir: config.BACKUP_DIR ?? join(config.DATA_DIR, 'backups'),
		hours: config.BACKUP_HOURS ?? (embedded ? 24 : 0),
		keep: config.BACKUP_KEEP,
		appVersion
	};
}

/** How the server and the CLI fetch calendar feeds, from the configuration. */
export function feedSettings(config: Config): FeedSettings {
	return { allowPrivate: config.FEED_ALLOW_PRIVATE === 'true' };
}

/**
 * Reads the calendar feeds not read for `hours`, one after the other; a feed that fails keeps
 * its events and its reason is shown on the organisation's admin page.
 */
export async function syncDueFeeds(db: Db, settings: FeedSettings, hours: number) {
	const outcomes: SyncOutcome[] = [];
	for (const feed of await feedsDue(db, hours)) outcomes.push(await syncFeed(db, feed, settings));
	const failed = outcomes.filter((o) => o.status === 'failed');
	if (outcomes.length > 0)
		logger.info(
			{ read: outcomes.length - failed.length, failed: failed.length },
			'calendar feeds read'
		);
	for (const f of failed)
		if (f.status === 'failed')
			logger.warn({ feed: f.url, error: f.error.en }, 'a calendar feed failed');
	return outcomes;
}
