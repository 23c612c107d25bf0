import {
	appVersion,
	openAndMigrate,
	recordServedUrl,
	removeFirstRunLink,
	seedOnFirstStart,
	writeFirstRunLink
} from './bootstrap.ts';
import { ContentVersion, PageCache, VersionedCache } from './cache/index.ts';
import { databaseTarget, loadConfig, publicUrl, type Config } from './config.ts';
import { migrationStatus, readContentVersion, type Database } from './db/index.ts';
import { logger } from './log.ts';
import {
	authSecret,
	createAuth,
	FIRST_RUN_MINUTES,
	openFirstRun,
	pruneBuckets,
	type Auth
} from './accounts/index.ts';
import { createMailer, outboxCounts, type Mailer } from './mail/index.ts';
import { countBackup, startMetricsServer, watchBackups, watchMailQueue } from './metrics/index.ts';
import {
	backupDue,
	lastBackup,
	takeBackup,
	type BackupOutcome,
	type BackupSettings
} from './backup/index.ts';
import { getActiveStrategy, type Locale, type StrategyView } from './strategy/index.ts';
import { applyRetention, retentionSettings } from './retention.ts';
import {
	backupSettings,
	feedSettings,
	sendDueMail,
	syncDueFeeds,
	syncIndicators,
	syncSettings
} from './tasks.ts';
import { createGeocoder, type Geocoder, type Located } from './geocoding/index.ts';
import { IndicatorDownloads } from './indicators/index.ts';
import { echarts } from './lazy-modules.ts';

/**
 * The server process's one database and its caches, opened at start-up (SvelteKit's `init`
 * hook) and closed when the process is told to stop.
 */
interface AppState {
	config: Config;
	database: Database;
	pages: PageCache;
	strategies: VersionedCache<StrategyView | undefined>;
	views: VersionedCache<unknown>;
	/** Indicator files, built once per content version. */
	downloads: IndicatorDownloads;
	/** The content version: every audited write raises it. */
	version: ContentVersion;
	auth: Auth;
	mailer: Mailer;
	/** The address lookup (GEOCODER_URL), when one is configured. */
	geocoder: Geocoder | undefined;
	/** The public origin links in mails point to. */
	baseUrl: string;
	/** What /healthz reports: the app's version and the database's migration level. */
	build: { version: string; migration: string | null };
	backups: BackupSettings;
}
let state: AppState | undefined;
let stopping: Promise<void> | undefined;
let inFlight = 0;

export async function startApp(): Promise<void> {
	const config = loadConfig();
	// The chart library loads while the database opens, so the first chart does not wait for it.
	void echarts().catch((error: unknown) => logger.error({ err: error }, 'could not load ECharts'));
	const database = await openAndMigrate(databaseTarget(config), 'the web server');
	// On the embedded database a reader takes the last version read after 100 ms rather than
	// wait for an import's transaction to end (see ContentVersion).
	const version = new ContentVersion(
		() => readContentVersion(database.db),
		1000,
		Date.now,
		database.embedded ? 100 : undefined
	);
	const baseUrl = publicUrl(config);
	const mailer = createMailer(config);
	const auth = await createAuth(database.db, {
		baseUrl,
		secret: await authSecret(database.db, config.AUTH_SECRET),
		mailer,
		oidcProviders: config.OIDC_PROVIDERS,
		sessionIdleMinutes: config.SESSION_IDLE_MINUTES
	});
	state = {
		build: {
			version: appVersion(),
			migration: (await migrationStatus(database)).level
		},
		auth,
		mailer,
		geocoder: config.GEOCODER_URL
			? createGeocoder({ url: config.GEOCODER_URL, agent: `Uddannelsesby (${baseUrl})` })
			: undefined,
		baseUrl,
		config,
		database,
		pages: new PageCache(version),
		strategies: new VersionedCache(version, 10),
		views: new VersionedCache(version, 500),
		downloads: new IndicatorDownloads(() => version.current()),
		version,
		backups: backupSettings(config, database.embedded, appVersion())
	};
	watchMailQueue(() => outboxCounts(database.db));
	watchBackups(async () => {
		const last = await lastBackup(database.db);
		return last?.lastSuccessAt ? new Date(last.lastSuccessAt) : undefined;
	});
	if (config.METRICS_PORT) {
		const metrics = await startMetricsServer(config.METRICS_PORT, config.HOST);
		metrics.server.unref();
		logger.info({ port: metrics.port }, 'metrics on a port of their own');
	}
	if (config.SEED_ON_FIRST_START === 'true') {
		const seed = await seedOnFirstStart(database);
		if (seed.seeded)
			logger.info({ strategy: seed.strategy }, 'first start: loaded the default strategy');
	}
	await recordServedUrl(database, baseUrl);
	await offerFirstRun(database, config, baseUrl);
	setInterval(
		() => void offerFirstRun(database, config, baseUrl).catch(() => undefined),
		FIRST_RUN_MINUTES * 60_000
	).unref();
	// Rate-limit counters are worthless after their window; clear old ones hourly.
	const prune = () => void pruneBuckets(database.db).catch(() => undefined);
	prune();
	setInterval(prune, 3600_000).unref();
	// Job alerts and reminders: a minute after start, then every MAIL_TASKS_MINUTES.
	if (config.MAIL_TASKS_MINUTES > 0) {
		let running = false;
		const due = () => {
			if (running || stopping) return;
			running = true;
			// Counted like a request, so stopping waits for it before closing the database.
			void trackRequest(() =>
				sendDueMail(database.db, mailer, baseUrl, { staleAfterDays: config.STALE_AFTER_DAYS })
			)
				.catch((err: unknown) => logger.error({ err }, 'sending the mail that was due failed'))
				.finally(() => (running = false));
		};
		setTimeout(due, 60_000).unref();
		setInterval(due, config.MAIL_TASKS_MINUTES * 60_000).unref();
	}
	// The StatBank sync: five minutes after start, then every INDICATOR_SYNC_HOURS.
	if (config.INDICATOR_SYNC_HOURS > 0) {
		let syncing = false;
		const sync = () => {
			if (syncing || stopping) return;
			syncing = true;
			void trackRequest(() => syncIndicators(database.db, syncSettings(config, 'system:statbank')))
				.catch((err: unknown) => logger.error({ err }, 'the indicator sync failed'))
				.finally(() => (syncing = false));
		};
		setTimeout(sync, 5 * 60_000).unref();
		setInterval(sync, config.INDICATOR_SYNC_HOURS * 3600_000).unref();
	}
	// Calendar feeds: two minutes after start, then every ten minutes those not read for
	// EVENT_FEED_HOURS (so a restart does not read every feed again).
	if (config.EVENT_FEED_HOURS > 0) {
		let reading = false;
		const read = () => {
			if (reading || stopping) return;
			reading = true;
			void trackRequest(() =>
				syncDueFeeds(database.db, feedSettings(config), config.EVENT_FEED_HOURS)
			)
				.catch((err: unknown) => logger.error({ err }, 'reading the calendar feeds failed'))
				.finally(() => (reading = false));
		};
		setTimeout(read, 2 * 60_000).unref();
		setInterval(read, 10 * 60_000).unref();
	}
	// Retention: ten minutes after start, then daily.
	const retain = () => {
		if (stopping) return;
		void trackRequest(() => applyRetention(database.db, retentionSettings(config))).catch(
			(err: unknown) => logger.error({ err }, 'the retention task failed')
		);
	};
	setTimeout(retain, 10 * 60_000).unref();
	setInterval(retain, 24 * 3600_000).unref();
	// Backups: checked every ten minutes, taken when the last one is BACKUP_HOURS old.
	if (state.backups.hours > 0) {
		const check = () => {
			if (backingUp || stopping) return;
			void lastBackup(database.db)
				.then((last) => {
					if (backupDue(last, current().backups.hours, new Date()))
						return runBackup('system:schedule');
				})
				.catch((err: unknown) => logger.error({ err }, 'checking whether a backup is due failed'));
		};
		setTimeout(check, 60_000).unref();
		setInterval(check, 10 * 60_000).unref();
	}
	logger.info({ database: database.description }, 'database ready');
	logger.info({ url: publicUrl(config) }, `Uddannelsesby is running on ${publicUrl(config)}`);
}

let backingUp: Promise<BackupOutcome> | undefined;

/**
 * Takes a backup now (the schedule, or an administrator from /admin/sikkerhedskopier); one at a
 * time: a second call while one runs gets the running one's outcome.
 */
export function runBackup(by: string): Promise<BackupOutcome> {
	if (backingUp) return backingUp;
	const { database, backups } = current();
	backingUp = trackRequest(() => takeBackup(database, backups, by))
		.then((outcome) => {
			if (outcome.ok === true) {
				countBackup('ok');
				logger.info(
					{
						file: outcome.result.file,
						bytes: outcome.result.bytes,
						ms: outcome.result.ms,
						deleted: outcome.deleted
					},
					'backup taken'
				);
			} else if (outcome.ok === false) {
				countBackup('failed');
				logger.error({ error: outcome.error }, 'the backup failed');
			}
			return outcome;
		})
		.finally(() => (backingUp = undefined));
	return backingUp;
}

export function backupRunning(): boolean {
	return backingUp !== undefined;
}

/** Where the server's backups go, and how often. */
export function backupConfig(): BackupSettings {
	return current().backups;
}

/**
 * While no administrator exists: a set-up link for the first one, printed now and every hour
 * (each valid for an hour), and left in an embedded data directory for the CLI to point to.
 */
async function offerFirstRun(database: Database, config: Config, baseUrl: string): Promise<void> {
	const link = await openFirstRun(database.db, baseUrl);
	if (database.embedded) {
		if (link) writeFirstRunLink(config.DATA_DIR, link);
		else removeFirstRunLink(config.DATA_DIR);
	}
	if (!link) return;
	logger.warn(
		{ url: link.url, expiresAt: link.expiresAt.toISOString() },
		`No administrator yet. Set up the first one within ${FIRST_RUN_MINUTES} minutes: ${link.url}`
	);
}

/** The first administrator exists: the set-up link the CLI would point to is gone. */
export function firstRunDone(): void {
	const { database, config } = current();
	if (database.embedded) removeFirstRunLink(config.DATA_DIR);
}

function current(): AppState {
	if (!state)
		throw new Error('The database is not open: the server has not started or is stopping.');
	return state;
}

/** The version and migration level, for /healthz; undefined before the server has started. */
export function buildInfo(): AppState['build'] | undefined {
	return state?.build;
}

export function appDatabase(): Database {
	return current().database;
}

export function appConfig(): Config {
	return current().config;
}

/** The address lookup (GEOCODER_URL) as the searches and the offer form take it; none when unset. */
export function appLocate(): ((address: string) => Promise<Located | null>) | undefined {
	const geocoder = current().geocoder;
	return geocoder && ((address) => geocoder.locate(address));
}

/** The origin of the configured map tile server, for the offer page's CSP; none when off. */
export function mapTileOrigin(): string | undefined {
	const url = appConfig().MAP_TILE_URL;
	return url ? new URL(url.replace(/[{}]/g, '')).origin : undefined;
}

/** Sign-in, sessions and two-factor (better-auth), mail, and the public origin. */
export function appAuth(): { auth: Auth; mailer: Mailer; baseUrl: string } {
	const { auth, mailer, baseUrl } = current();
	return { auth, mailer, baseUrl };
}

/** The page cache, or nothing while the server is starting or stopping. */
export function pageCache(): PageCache | undefined {
	return state?.pages;
}

/** The active strategy in one language, cached until the content changes. */
export function activeStrategy(locale: Locale): Promise<StrategyView | undefined> {
	const { strategies, database } = current();
	return strategies.get(locale, () => getActiveStrategy(database.db, locale));
}

/**
 * A value computed from public content (an indicator page's data and chart), kept until the
 * content changes. The key must name everything the value depends on.
 */
export function cachedView<T>(key: string, compute: () => Promise<T>): Promise<T> {
	return current().views.get(key, compute) as Promise<T>;
}

/**
 * The content version, read at most once a second (searches keep their vocabulary by it). A
 * change is seen within that second, as the page cache sees it.
 */
export function contentVersion(): Promise<string> {
	return current().version.current();
}

/** The indicator download files (built once per content version, served from disk). */
export function appDownloads(): IndicatorDownloads {
	return current().downloads;
}

/** Counts requests being handled, so stopping waits for them before closing the database. */
export async function trackRequest<T>(work: () => Promise<T>): Promise<T> {
	inFlight++;
	try {
		return await work();
	} finally {
		inFlight--;
	}
}

async function drain(timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/** Closes the database cleanly so the next start opens it without recovery. */
export function stopApp(reason: string): Promise<void> {
	stopping ??= (async () => {
		if (!state) return;
		// A client that hung up leaves its request running; let it finish before closing.
		await drain(10_000);
		const closing = state;
		state = undefined;
		logger.info({ reason }, 'closing the database');
		await closing.database.close();
		closing.downloads.close();
		logger.info('database closed');
	})();
	return stopping;
}
