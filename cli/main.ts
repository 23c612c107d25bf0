import { userInfo } from 'node:os';
import { describeBreakdowns, periodList } from '../src/lib/breakdowns.ts';
import { formatBytes } from '../src/lib/format.ts';
import { parseArgs } from 'node:util';
import {
	appVersion,
	linkOrigin,
	openAndMigrate,
	readFirstRunLink
} from '../src/lib/server/bootstrap.ts';
import {
	BackupError,
	createBackup,
	restoreBackup,
	verifyBackupFile,
	type BackupManifest
} from '../src/lib/server/backup/index.ts';
import { ConfigError, databaseTarget, loadConfig, publicUrl } from '../src/lib/server/config.ts';
import { z, ZodError } from 'zod';
import {
	AccountError,
	inviteUser,
	listUsers,
	resetTwoFactor,
	ROLES,
	SYSTEM_ACTOR,
	type Actor
} from '../src/lib/server/accounts/index.ts';
import { invitationInput } from '../src/lib/server/accounts/invitations.ts';
import { listOrganizations } from '../src/lib/server/directory/organizations.ts';
import {
	HSDS_VERSION,
	HsdsRejectedError,
	hsdsServices,
	importHsds,
	loadTaxonomy,
	organizationBySlug,
	readDataPackage,
	writeDataPackage
} from '../src/lib/server/directory/index.ts';
import { createMailer } from '../src/lib/server/mail/index.ts';
import {
	DatabaseConnectionError,
	DataDirectoryInUseError,
	migrationStatus,
	openDatabase,
	runMigrations,
	type Database
} from '../src/lib/server/db/index.ts';
import {
	activateStrategy,
	formatProblems,
	listStrategies,
	loadStrategyFile,
	parseStrategy,
	StrategyNotFoundError
} from '../src/lib/server/strategy/index.ts';
import { access, constants, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
	dataSummaries,
	geographyName,
	importFile,
	type ImportPreview,
	type SampleRow,
	sourceFromFlags,
	statbankSources,
	syncIndicator,
	unknownComparisonGroups,
	saveMapping,
	savedMapping,
	UnknownIndicatorError
} from '../src/lib/server/indicators/index.ts';
import { getStrategyDefinition } from '../src/lib/server/strategy/index.ts';
import {
	formatProgrammeProblems,
	importProgrammeFigures,
	importProgrammes
} from '../src/lib/server/programmes/index.ts';
import {
	buildReport,
	exportInitiatives,
	FollowUpError,
	formatImportProblems,
	importInitiatives,
	latestClosedRoundId
} from '../src/lib/server/followup/index.ts';
import { feedSettings, sendDueMail, syncSettings } from '../src/lib/server/tasks.ts';
import {
	feedInput,
	feedsOf,
	subscribeFeed,
	syncAllFeeds,
	syncFeed,
	type SyncOutcome
} from '../src/lib/server/events/index.ts';
import { applyRetention, retentionSettings } from '../src/lib/server/retention.ts';

/** Exit codes: 0 done, 1 could not run (configuration, database), 2 the input was rejected. */
export const EXIT = { ok: 0, failure: 1, rejected: 2 } as const;

const HELP = `Usage: uddannelsesby <command>

  strategy validate FILE     check a strategy file and list every problem
  strategy load FILE         validate and store a strategy (replaces one with the same slug)
      --activate             make it the strategy the site shows
  strategy list              list stored strategies; * marks the active one
  strategy activate SLUG     make a stored strategy the one the site shows

  indicators import CODE FILE   import observations from CSV, XLSX or JSON-stat
      --map FILE             JSON column/dimension mapping, saved for the indicator
      --measure ID           the JSON-stat ContentsCode to import when there are several
      --dry-run              show what would be added, changed and removed; write nothing
      --replace-periods      replace everything stored for the file's periods; without it,
                             only the file's slice (its areas, with its breakdowns)
  indicators list            the indicators with how much data they have
  indicators sync [CODE]     fetch from Statistics Denmark's StatBank (DST_API_URL) every
                             indicator whose strategy file names a source, or CODE only;
                             a table not updated since the last sync is not fetched again
      --table T --selection JSON
                             the source to use instead of the file's, e.g.
                             --table FOLK1A --selection '{"OMRÅDE":["851"],"Tid":["*"]}'
      --measure ID           the ContentsCode to import when the table has several
      --force                fetch and import even when the table has not changed

  directory export --format hsds-json|hsds-csv OUT
                             the whole directory as HSDS 3.0: one JSON file, or a folder
                             with the tabular data package (datapackage.json and CSV files)
  directory taxonomy FILE    load categories, audiences, synonyms and postcodes (YAML),
                             replacing the current ones
  directory import PATH      import HSDS 3.0 services from a JSON file or a data package
                             folder, all or nothing; a known id is updated

  initiatives import FILE    import initiatives from CSV or XLSX (columns
                             id;titel;titel_en;handlinger;indikatorer;ansvarlig;partnere;
                             start;slut;status;fremdrift;beskrivelse), all or nothing;
                             rows update the initiative with the same id
      --create-organisations create owners and partners the directory does not have
  initiatives export --format csv|xlsx|json [OUT]
                             every initiative in the import's columns (stdout without OUT)

  report build --round ID|latest --out DIR
                             build the council report of a closed reporting round (a new
                             version; earlier ones are kept) and write its .docx and .pdf

  programmes import FILE     import programmes from CSV or XLSX (the columns are in
                             docs/data-formats.md), all or nothing; a row updates the
                             programme with the same id
  programmes outcomes import FILE
                             import admission and outcome figures (one row a programme and
                             year) from CSV or XLSX, all or nothing

  events subscribe ORG URL   register an organisation's iCalendar feed (ORG is its slug, as in
                             /organisationer/ORG); the server reads it every EVENT_FEED_HOURS
      --kind KIND            the kind its events get (default aabent-hus; see taxonomy/)
  events sync                read every registered feed now; a feed that fails keeps its
                             last good events
  events feeds               the registered feeds, when each was read and why one failed

  backup create FILE         write a backup of the whole database to FILE (gzip): one
                             consistent snapshot, with a manifest of each table's row count
                             and checksum. The running server takes the embedded database's
                             backups itself (BACKUP_DIR); see docs/operations.md
  backup restore FILE        restore FILE into an empty data directory or database, check
                             every table's count and checksum, then apply newer migrations;
                             a backup of either engine restores into either
      --force                replace everything the target holds (in the same
                             transaction: a restore that fails leaves it as it was)
  backup show FILE           check FILE from end to end and print its manifest

  retention run              delete what has been kept for its period (RETAIN_* settings;
                             the server also does this daily)

  migrate                    apply the pending database migrations (the server also does
                             this when it starts)
      --dry-run              list the pending migrations; change nothing

  users invite EMAIL --role ROLE [--organization NAME]
                             invite someone (administrator, editor, council, partner);
                             prints the single-use link, which is also mailed or put in
                             the outbox. The first administrator is made this way.
  users list                 the accounts, their roles and last sign-in
  users reset-two-factor EMAIL
                             remove a person's TOTP key and backup codes (a lost phone, or
                             after AUTH_SECRET changed); they set it up again at sign-in

  mail send-due              send the mail that is due now: saved job searches with new
                             postings, reminders of postings about to close, of offers
                             not checked for STALE_AFTER_DAYS and of missing updates in
                             reporting rounds (for cron; the server also
                             does this every MAIL_TASKS_MINUTES)

The database is chosen as for the server: DATA_DIR (default ./data) or DATABASE_URL.
Exit codes: 0 done, 1 could not run, 2 input rejected.`;

interface Io {
	out(line: string): void;
	err(line: string): void;
}
const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				activate: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h' },
				map: { type: 'string' },
				measure: { type: 'string' },
				'dry-run': { type: 'boolean', default: false },
				'replace-periods': { type: 'boolean', default: false },
				table: { type: 'string' },
				selection: { type: 'string' },
				force: { type: 'boolean', default: false },
				role: { type: 'string' },
				organization: { type: 'string' },
				format: { type: 'string' },
				'create-organisations': { type: 'boolean', default: false },
				round: { type: 'string' },
				kind: { type: 'string' },
				out: { type: 'string' }
			}
		});
	} catch (error) {
		io.err(`${(error as Error).message}\n\n${HELP}`);
		return EXIT.rejected;
	}
	const [group, command, arg] = parsed.positionals;
	if (parsed.values.help || !group) {
		io.out(HELP);
		return parsed.values.help ? EXIT.ok : EXIT.rejected;
	}
	const values = parsed.values;
	const rest = parsed.positionals.slice(2);
	// Each group's command; a thrown error becomes its exit code and message (exitCodeFor).
	const commands: Record<string, (() => Promise<number>) | undefined> = {
		backup: () => backupCommand(command, arg, values.force ?? false, io),
		migrate: () => migrateCommand(values['dry-run'] ?? false, io),
		indicators: () => indicatorsCommand(command, rest, values, io),
		directory: () => directoryCommand(command, arg, values.format, io),
		initiatives: () => initiativesCommand(command, arg, values, io),
		programmes: () => programmesCommand(parsed.positionals.slice(1), io),
		events: () => eventsCommand(command, rest, values.kind, io),
		report: () => reportCommand(command, values, io),
		users: () => usersCommand(command, arg, values, io),
		retention:
			command === 'run'
				? () =>
						withDatabase(async (database) => {
							const result = await applyRetention(database.db, retentionSettings(loadConfig()));
							io.out(
								`Deleted ${result.mail} mails, ${result.unconfirmedAlerts} unconfirmed job searches, ${result.sessions} expired sessions, ${result.verifications} expired tokens, ${result.invitations} old invitations, ${result.uploadDrafts} upload previews, ${result.closedPostings} closed postings and ${result.auditEntries} audit entries.`
							);
							return EXIT.ok;
						})
				: undefined,
		mail:
			command === 'send-due'
				? () =>
						withDatabase(async (database) => {
							const config = loadConfig();
							const origin = await linkOrigin(database, config, publicUrl(config));
							const result = await sendDueMail(database.db, createMailer(config), origin, {
								staleAfterDays: config.STALE_AFTER_DAYS
							});
							io.out(
								`Mailed ${result.alerts.mailed} of ${result.alerts.checked} saved job searches, ${result.closing.reminded} postings about to close, ${result.stale.organizations} organisations with ${result.stale.offers} unchecked offers and ${result.rounds.reminded} owners of missing updates.`
							);
							return EXIT.ok;
						})
				: undefined
	};
	const run = Object.hasOwn(commands, group) ? commands[group] : undefined;
	if (run) {
		try {
			return await run();
		} catch (error) {
			return exitCodeFor(error, io);
		}
	}
	if (group !== 'strategy') {
		io.err(`Unknown command "${group}".\n\n${HELP}`);
		return EXIT.rejected;
	}
	try {
		switch (command) {
			case 'validate':
				return await validate(arg, io);
			case 'load':
				return await load(arg, parsed.values.activate ?? false, io);
			case 'list':
				return await withDatabase(async (db) => {
					const rows = await listStrategies(db.db);
					if (rows.length === 0) io.out('No strategies are stored.');
					for (const s of rows)
						io.out(
							`${s.isActive ? '*' : ' '} ${s.slug}  ${s.title.da} (${s.period.start}-${s.period.end})`
						);
					return EXIT.ok;
				});
			case 'activate':
				if (!arg) return usage('strategy activate needs a SLUG', io);
				return await withDatabase(async (db) => {
					await activateStrategy(db.db, arg, actor());
					io.out(`${arg} is now the active strategy.`);
					return EXIT.ok;
				});
			default:
				return usage(`Unknown strategy command "${command ?? ''}".`, io);
		}
	} catch (error) {
		return exitCodeFor(error, io);
	}
}

async function usersCommand(
	command: string | undefined,
	email: string | undefined,
	options: { role?: string; organization?: string },
	io: Io
): Promise<number> {
	if (command === 'list')
		return withDatabase(async (database) => {
			const users = await listUsers(database.db, SYSTEM_ACTOR, loadConfig().ACCOUNT_INACTIVE_DAYS);
			if (users.length === 0)
				io.out(
					'No accounts yet. Open the set-up link `npm start` prints, or: users invite EMAIL --role administrator'
				);
			for (const u of users)
				io.out(
					`${u.email}  ${u.role}${u.twoFactorEnabled ? ' (2FA)' : ''}${u.disabled ? ' DISABLED' : ''}  last sign-in ${u.lastLoginAt?.toISOString() ?? 'never'}${u.organizations.length ? `  ${u.organizations.join(', ')}` : ''}`
				);
			return EXIT.ok;
		});
	if (command === 'reset-two-factor') {
		if (!email) return usage('users reset-two-factor needs an EMAIL', io);
		return withDatabase(async (database) => {
			const wanted = email.trim().toLowerCase();
			const users = await listUsers(database.db, SYSTEM_ACTOR, loadConfig().ACCOUNT_INACTIVE_DAYS);
			const user = users.find((u) => u.email.toLowerCase() === wanted);
			if (!user) {
				io.err(`No account with the e-mail address ${email}.`);
				return EXIT.rejected;
			}
			await resetTwoFactor(database.db, SYSTEM_ACTOR, user.id);
			io.out(
				`${user.email} has no second factor now and is signed out; a role that needs one sets it up again at the next sign-in.`
			);
			return EXIT.ok;
		});
	}
	if (command !== 'invite') return usage(`Unknown users command "${command ?? ''}".`, io);
	if (!email) return usage('users invite needs an EMAIL', io);
	const role = z.enum(ROLES).safeParse(options.role);
	if (!role.success) return usage(`--role must be one of ${ROLES.join(', ')}`, io);
	const config = loadConfig();
	return withDatabase(async (database) => {
		let organizationId: string | undefined;
		if (options.organization) {
			const wanted = options.organization.trim().toLowerCase();
			const org = (await listOrganizations(database.db)).find(
				(o) => o.slug === wanted || o.name.toLowerCase() === wanted
			);
			if (!org) {
				io.err(`No organisation named "${options.organization}".`);
				return EXIT.rejected;
			}
			organizationId = org.id;
		}
		const parsed = invitationInput.safeParse({ email, role: role.data, organizationId });
		if (!parsed.success) {
			io.err(
				parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n')
			);
			return EXIT.rejected;
		}
		const { url, expiresAt } = await inviteUser(
			database.db,
			createMailer(config),
			SYSTEM_ACTOR,
			parsed.data,
			await linkOrigin(database, config, publicUrl(config))
		);
		io.out(
			`Invitation for ${parsed.data.email} as ${role.data}, valid until ${expiresAt.toISOString()}:`
		);
		io.out(url);
		return EXIT.ok;
	});
}

/** Known failures get their message and exit code; anything else is a bug and is thrown. */
function exitCodeFor(error: unknown, io: Io): number {
	if (error instanceof AccountError) {
		io.err(error.message);
		return EXIT.rejected;
	}
	if (
		error instanceof BackupError ||
		error instanceof StrategyNotFoundError ||
		error instanceof UnknownIndicatorError ||
		error instanceof HsdsRejectedError
	) {
		io.err(error.message);
		return EXIT.rejected;
	}
	if (error instanceof DataDirectoryInUseError) {
		io.err(error.message);
		const setUp = readFirstRunLink(error.directory);
		if (setUp)
			io.err(
				`No administrator exists yet. Set up the first one in the browser, while the server runs: ${setUp}`
			);
		return EXIT.failure;
	}
	if (error instanceof ConfigError || error instanceof DatabaseConnectionError) {
		io.err(error.message);
		return EXIT.failure;
	}
	throw error;
}

function usage(message: string, io: Io): number {
	io.err(`${message}\n\n${HELP}`);
	return EXIT.rejected;
}

function actor(): string {
	try {
		return `cli:${userInfo().username}`;
	} catch {
		return 'cli';
	}
}

async function validate(file: string | undefined, io: Io): Promise<number> {
	if (!file) return usage('strategy validate needs a FILE', io);
	let source: string;
	try {
		source = await readFile(file, 'utf8');
	} catch (error) {
		io.err(`Cannot read ${file}: ${(error as Error).message}`);
		return EXIT.rejected;
	}
	const result = parseStrategy(source);
	if (!result.ok) {
		io.err(
			`${file} is not a valid strategy (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):\n${formatProblems(result.problems)}`
		);
		return EXIT.rejected;
	}
	const s = result.strategy;
	// A comparison group must be one of taxonomy/comparison-groups.yaml's.
	const unknown = unknownComparisonGroups(s);
	if (unknown.length > 0) {
		io.err(
			`${file} is not a valid strategy (${unknown.length} problem${unknown.length === 1 ? '' : 's'}):\n${formatProblems(unknown)}`
		);
		return EXIT.rejected;
	}
	const indicators = s.guideposts.reduce((n, g) => n + g.indicators.length, 0);
	io.out(
		`${file} is valid: ${s.title.da} (${s.slug}), ${s.guideposts.length} pejlemærker, ${indicators} indicators.`
	);
	return EXIT.ok;
}

async function load(file: string | undefined, activate: boolean, io: Io): Promise<number> {
	if (!file) return usage('strategy load needs a FILE', io);
	// Validate before touching the database: a rejected file needs no lock and changes nothing.
	const status = await validate(file, { out: () => undefined, err: io.err });
	if (status !== EXIT.ok) return status;
	return withDatabase(async (database) => {
		const loaded = await loadStrategyFile(database.db, file, { actor: actor(), activate });
		if (!loaded.ok) {
			io.err(formatProblems(loaded.problems));
			return EXIT.rejected;
		}
		const { slug, created, active } = loaded.result;
		io.out(
			`${created ? 'Stored' : 'Replaced'} strategy ${slug}${active ? '; it is the active strategy' : ' (not active; use strategy activate)'}.`
		);
		return EXIT.ok;
	});
}

async function withDatabase(work: (database: Database) => Promise<number>): Promise<number> {
	const config = loadConfig();
	const database = await openAndMigrate(databaseTarget(config), 'the uddannelsesby command');
	const onSignal = () => {
		void database.close().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		return await work(database);
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		await database.close();
	}
}

async function indicatorsCommand(
	command: string | undefined,
	args: string[],
	options: {
		map?: string;
		measure?: string;
		'dry-run'?: boolean;
		'replace-periods'?: boolean;
		table?: string;
		selection?: string;
		force?: boolean;
	},
	io: Io
): Promise<number> {
	if (command === 'sync') return indicatorsSync(args[0], options, io);
	if (command === 'list') {
		return withDatabase(async (database) => {
			const strategy = await getStrategyDefinition(database.db);
			const codes = strategy?.guideposts.flatMap((g) => g.indicators.map((i) => i.code)) ?? [];
			const summaries = await dataSummaries(database.db, codes);
			for (const code of codes) {
				const s = summaries.get(code);
				io.out(`${code}  ${s?.observations ?? 0} observations${s?.isDemo ? ' (demo data)' : ''}`);
			}
			return EXIT.ok;
		});
	}
	if (command !== 'import') return usage(`Unknown indicators command "${command ?? ''}".`, io);
	const [code, file] = args;
	if (!code || !file) return usage('indicators import needs a CODE and a FILE', io);

	// The file is streamed, not read whole; check up front that it can be read at all.
	let size: number;
	try {
		const info = await stat(file);
		if (!info.isFile()) throw new Error('not a file');
		size = info.size;
		await access(file, constants.R_OK);
	} catch (error) {
		io.err(`Cannot read ${file}: ${(error as Error).message}`);
		return EXIT.rejected;
	}
	let mapping: Record<string, unknown> | undefined;
	if (options.map) {
		try {
			mapping = JSON.parse(await readFile(options.map, 'utf8')) as Record<string, unknown>;
		} catch (error) {
			io.err(`Cannot read the mapping ${options.map}: ${(error as Error).message}`);
			return EXIT.rejected;
		}
	}
	return withDatabase(async (database) => {
		const used = {
			...(mapping ?? (await savedMapping(database.db, code)) ?? {}),
			...(options.measure ? { measure: options.measure } : {})
		};
		const progress = process.stderr.isTTY && size >= 1_000_000;
		const outcome = await importFile(
			database.db,
			code,
			{ data: { path: file }, fileName: basename(file), mapping: used },
			{ actor: actor() },
			{
				dryRun: options['dry-run'],
				replacePeriods: options['replace-periods'],
				onProgress: progress
					? (rows) => process.stderr.write(`\r${rows.toLocaleString('en')} rows read and checked`)
					: undefined
			}
		);
		if (progress) process.stderr.write('\n');
		if (!outcome.ok)
			return rejectedFile(io, file, outcome.problems, (problems) =>
				problems.map((p) => `${p.where}: ${p.message}`).join('\n')
			);
		const p = outcome.preview;
		if (options['dry-run']) {
			io.out(
				`${file}: ${outcome.rows} rows for ${periodsInWords(p.periods)}. Would add ${p.added}, change ${p.changed}, remove ${p.removed}${p.demoRemoved ? ` (of which ${p.demoRemoved} demo)` : ''}; ${p.unchanged} unchanged. Nothing written (--dry-run).`
			);
			io.out(sliceNote(p));
			const samples = sampleLines(p);
			if (samples.length > 0) io.out(['For example:', ...samples].join('\n'));
			return EXIT.ok;
		}
		if (Object.keys(used).length > 0) await saveMapping(database.db, code, used);
		io.out(
			`Imported ${file} into ${code}: ${p.added} added, ${p.changed} changed, ${p.removed} removed${p.demoRemoved ? ` (${p.demoRemoved} demo)` : ''}, ${p.unchanged} unchanged.`
		);
		io.out(sliceNote(p));
		return EXIT.ok;
	});
}

/** Opens the database without migrating it, says what is pending, and applies it unless dry. */
async function backupCommand(
	command: string | undefined,
	file: string | undefined,
	force: boolean,
	io: Io
): Promise<number> {
	if (!['create', 'restore', 'show'].includes(command ?? '') || !file)
		return usage('Use: backup create FILE, backup restore FILE [--force] or backup show FILE.', io);
	if (command === 'show') {
		const manifest = await verifyBackupFile(file);
		io.out(describeManifest(file, manifest));
		for (const table of manifest.tables)
			io.out(
				`  ${table.name.padEnd(28)} ${String(table.rows).padStart(9)} rows  ${table.checksum}`
			);
		return EXIT.ok;
	}
	const config = loadConfig();
	let database: Database;
	try {
		database = await openDatabase(databaseTarget(config), 'the uddannelsesby command');
	} catch (error) {
		if (error instanceof DataDirectoryInUseError && command === 'create')
			io.err(
				'While the server runs, it takes the backups of its embedded database itself: set BACKUP_DIR and BACKUP_HOURS, or use "Tag en sikkerhedskopi nu" under /admin/sikkerhedskopier.'
			);
		throw error;
	}
	try {
		if (command === 'create') {
			if (await exists(file)) {
				io.err(`${file} exists already; choose a new name (a backup never overwrites a file).`);
				return EXIT.rejected;
			}
			const result = await createBackup(database, file, { appVersion: appVersion() });
			const rows = result.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
			io.out(
				`Backed up ${database.description} to ${file}: ${result.manifest.tables.length} tables, ${rows} rows, migration ${result.manifest.migration}, ${formatBytes(result.bytes, 'en')} in ${(result.ms / 1000).toFixed(1)} s.`
			);
			return EXIT.ok;
		}
		const result = await restoreBackup(database, file, { force });
		io.out(
			[
				describeManifest(file, result.manifest),
				`Restored ${result.rows} rows in ${result.manifest.tables.length} tables into ${database.description} in ${(result.ms / 1000).toFixed(1)} s; every table's row count and checksum match the manifest.`,
				...(result.upgraded.length > 0
					? [
							`Then applied ${result.upgraded.length} newer migrations: ${result.upgraded.join(', ')}.`
						]
					: [])
			].join('\n')
		);
		return EXIT.ok;
	} finally {
		await database.close();
	}
}

function describeManifest(file: string, manifest: BackupManifest): string {
	return `${file}: a backup of ${manifest.engine === 'pglite' ? 'an embedded database' : 'PostgreSQL'} made ${manifest.createdAt} by version ${manifest.appVersion}, at migration ${manifest.migration}.`;
}

async function exists(path: string): Promise<boolean> {
	try {
		await stat(path);
		return true;
	} catch {
		return false;
	}
}

async function migrateCommand(dryRun: boolean, io: Io): Promise<number> {
	const database = await openDatabase(databaseTarget(loadConfig()), 'the uddannelsesby command');
	try {
		const before = await migrationStatus(database);
		if (before.pending.length === 0) {
			io.out(`The database is current (${before.level ?? 'no migrations'}); nothing to apply.`);
			return EXIT.ok;
		}
		const list = before.pending.map((tag) => `  ${tag}`);
		if (dryRun) {
			io.out(
				[
					`${before.pending.length} pending migration${before.pending.length === 1 ? '' : 's'} (nothing applied, --dry-run):`,
					...list
				].join('\n')
			);
			return EXIT.ok;
		}
		await runMigrations(database);
		io.out(
			[
				`Applied ${before.pending.length} migration${before.pending.length === 1 ? '' : 's'}:`,
				...list
			].join('\n')
		);
		return EXIT.ok;
	} finally {
		await database.close();
	}
}

async function indicatorsSync(
	code: string | undefined,
	options: { table?: string; selection?: string; measure?: string; force?: boolean },
	io: Io
): Promise<number> {
	if ((options.table || options.selection) && !code)
		return usage('indicators sync --table/--selection needs the indicator CODE', io);
	if (Boolean(options.table) !== Boolean(options.selection))
		return usage('indicators sync needs both --table and --selection, or neither', io);
	const config = loadConfig();
	const settings = syncSettings(config, actor());
	return withDatabase(async (database) => {
		const fromFile = await statbankSources(database.db);
		let source = code ? fromFile.get(code) : undefined;
		if (options.table && options.selection) {
			const given = sourceFromFlags(options.table, options.selection, source);
			if (!given.ok) return usage(given.message, io);
			source = given.source;
		}
		if (source && options.measure) source = { ...source, measure: options.measure };
		if (!code && fromFile.size === 0) {
			io.err(
				'No indicator in the active strategy names a StatBank source (source.statbank); give CODE with --table and --selection.'
			);
			return EXIT.rejected;
		}
		// One table after the other: the API asks for no bursts.
		const outcomes = [];
		for (const [c, s] of code ? [[code, source] as const] : [...fromFile])
			outcomes.push(
				await syncIndicator(database.db, c, settings, { source: s, force: options.force })
			);
		for (const o of outcomes) {
			if (o.status === 'failed') io.err(`${o.code}: ${o.error.en}`);
			else if (o.status === 'unchanged')
				io.out(
					`${o.code}: ${o.table} has not changed since ${o.vintage.toISOString()}; nothing fetched.`
				);
			else
				io.out(
					`${o.code}: imported ${o.table} (updated ${o.vintage.toISOString()}): ${o.preview.added} added, ${o.preview.changed} changed, ${o.preview.removed} removed, ${o.preview.unchanged} unchanged.`
				);
		}
		return outcomes.some((o) => o.status === 'failed') ? EXIT.failure : EXIT.ok;
	});
}

async function eventsCommand(
	command: string | undefined,
	args: string[],
	kind: string | undefined,
	io: Io
): Promise<number> {
	const config = loadConfig();
	if (command === 'subscribe') {
		const [slug, url] = args;
		if (!slug || !url) return usage('events subscribe needs ORG and URL', io);
		return withDatabase(async (database) => {
			const organization = await organizationBySlug(database.db, slug);
			if (!organization) {
				io.err(`No organisation "${slug}": give its slug, as in /organisationer/<slug>.`);
				return EXIT.rejected;
			}
			const parsed = feedInput.safeParse({
				organizationId: organization.id,
				url,
				kind: kind ?? 'aabent-hus'
			});
			if (!parsed.success) {
				io.err(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
				return EXIT.rejected;
			}
			const feed = await subscribeFeed(database.db, actor(), parsed.data);
			io.out(`Registered ${feed.url} for ${organization.name}. Reading it now …`);
			const outcome = await syncFeed(database.db, feed, feedSettings(config));
			io.out(describeFeedOutcome(outcome));
			return outcome.status === 'failed' ? EXIT.failure : EXIT.ok;
		});
	}
	if (command === 'sync')
		return withDatabase(async (database) => {
			const outcomes = await syncAllFeeds(database.db, feedSettings(config));
			if (outcomes.length === 0) io.out('No calendar feed is registered.');
			for (const o of outcomes) (o.status === 'failed' ? io.err : io.out)(describeFeedOutcome(o));
			return outcomes.some((o) => o.status === 'failed') ? EXIT.failure : EXIT.ok;
		});
	if (command === 'feeds')
		return withDatabase(async (database) => {
			const feeds = await feedsOf(database.db);
			if (feeds.length === 0) io.out('No calendar feed is registered.');
			for (const f of feeds)
				io.out(
					`${f.url}  ${f.eventCount} events  read ${f.lastReadAt?.toISOString() ?? 'never'}${f.lastError ? `  FAILED: ${f.lastError.en}` : ''}`
				);
			return EXIT.ok;
		});
	return usage(`Unknown events command "${command ?? ''}"`, io);
}

function describeFeedOutcome(o: SyncOutcome): string {
	if (o.status === 'failed') return `${o.url}: ${o.error.en}; its last good events are kept.`;
	const skipped = o.skipped.length ? ` Left out: ${o.skipped.join('; ')}.` : '';
	return `${o.url}: ${o.added} added, ${o.changed} changed, ${o.removed} removed, ${o.unchanged} unchanged.${skipped}`;
}

/** A file's bytes; undefined, once it has said why, when the file cannot be read. */
async function readInput(path: string, io: Io): Promise<Uint8Array | undefined> {
	try {
		return new Uint8Array(await readFile(path));
	} catch (error) {
		io.err(`Cannot read ${path}: ${(error as Error).message}`);
		return undefined;
	}
}

/** Says that an import refused a file and changed nothing, and lists its problems in English. */
function rejectedFile<P>(
	io: Io,
	path: string,
	problems: P[],
	format: (problems: P[], language: 'en') => string
): number {
	const count = problems.length;
	io.err(`${path} was rejected; nothing was imported (${count} problem${count === 1 ? '' : 's'}):`);
	for (const line of format(problems, 'en').split('\n')) io.err(`  ${line}`);
	return EXIT.rejected;
}

/** The command line acts as an administrator: whoever runs it has the database already. */
function cliActor(): Actor {
	return { id: actor(), email: actor(), role: 'administrator', organizationIds: [] };
}

async function programmesCommand(args: string[], io: Io): Promise<number> {
	const outcomes = args[0] === 'outcomes';
	const [command, path] = outcomes ? args.slice(1) : args;
	const name = outcomes ? 'programmes outcomes import' : 'programmes import';
	if (command !== 'import') return usage(`Unknown programmes command "${args.join(' ')}".`, io);
	if (!path) return usage(`${name} needs a CSV or XLSX FILE`, io);
	const bytes = await readInput(path, io);
	if (!bytes) return EXIT.rejected;
	return withDatabase(async (database) => {
		const run = outcomes ? importProgrammeFigures : importProgrammes;
		const outcome = await run(database.db, bytes, { actor: 'cli', language: 'en' });
		if (!outcome.ok) return rejectedFile(io, path, outcome.problems, formatProgrammeProblems);
		const what = (n: number) =>
			outcomes
				? n === 1
					? 'year of figures'
					: 'years of figures'
				: n === 1
					? 'programme'
					: 'programmes';
		io.out(
			`Imported ${path}: ${outcome.created} ${what(outcome.created)} added, ${outcome.updated} updated.`
		);
		return EXIT.ok;
	});
}

async function initiativesCommand(
	command: string | undefined,
	path: string | undefined,
	options: { format?: string; 'create-organisations'?: boolean },
	io: Io
): Promise<number> {
	if (command === 'export') {
		const format = options.format ?? 'csv';
		if (format !== 'csv' && format !== 'xlsx' && format !== 'json')
			return usage('initiatives export needs --format csv, xlsx or json', io);
		if (format === 'xlsx' && !path) return usage('initiatives export --format xlsx needs OUT', io);
		return withDatabase(async (database) => {
			const bytes = await exportInitiatives(database.db, format);
			if (path) {
				await writeFile(path, bytes);
				io.out(`Exported the initiatives as ${format.toUpperCase()} to ${path}.`);
			} else
				io.out(
					new TextDecoder()
						.decode(bytes)
						.replace(/^\ufeff/, '')
						.trimEnd()
				);
			return EXIT.ok;
		});
	}
	if (command !== 'import') return usage(`Unknown initiatives command "${command ?? ''}".`, io);
	if (!path) return usage('initiatives import needs a CSV or XLSX FILE', io);
	const bytes = await readInput(path, io);
	if (!bytes) return EXIT.rejected;
	return withDatabase(async (database) => {
		const outcome = await importInitiatives(database.db, cliActor(), bytes, {
			createOrganisations: options['create-organisations'],
			language: 'en'
		});
		if (!outcome.ok) return rejectedFile(io, path, outcome.problems, formatImportProblems);
		io.out(
			`Imported ${path}: ${outcome.created} initiative${outcome.created === 1 ? '' : 's'} added, ${outcome.updated} updated${outcome.organisationsCreated.length ? `; created the organisations ${outcome.organisationsCreated.join(', ')}` : ''}.`
		);
		return EXIT.ok;
	});
}

async function reportCommand(
	command: string | undefined,
	options: { round?: string; out?: string },
	io: Io
): Promise<number> {
	if (command !== 'build') return usage(`Unknown report command "${command ?? ''}".`, io);
	if (!options.round || !options.out)
		return usage('report build needs --round ID|latest and --out DIR', io);
	const out = options.out;
	return withDatabase(async (database) => {
		const roundId =
			options.round === 'latest' ? await latestClosedRoundId(database.db) : options.round;
		if (!roundId || !/^[0-9a-f-]{36}$/.test(roundId)) {
			io.err(
				options.round === 'latest'
					? 'No reporting round is closed yet.'
					: `"${options.round}" is not a round id; use the id from the admin page, or latest.`
			);
			return EXIT.rejected;
		}
		let report;
		try {
			report = await buildReport(database.db, cliActor(), roundId);
		} catch (error) {
			if (error instanceof FollowUpError) {
				io.err(
					error.code === 'round-open'
						? 'The round is still open: close it before building its report.'
						: 'No reporting round has this id.'
				);
				return EXIT.rejected;
			}
			throw error;
		}
		await mkdir(out, { recursive: true });
		const base = join(out, `status-${report.data.round.deadline}-v${report.version}`);
		await writeFile(`${base}.docx`, report.docx);
		await writeFile(`${base}.pdf`, report.pdf);
		io.out(
			`Built version ${report.version} of the report on "${report.data.round.name}": ${base}.docx and ${base}.pdf.`
		);
		return EXIT.ok;
	});
}

/** Which stored observations an import replaces, in words. */
/** "Aalborg Municipality (851)", or the code alone when the platform has no name for it. */
function areaName(code: string): string {
	const name = geographyName(code, 'en');
	return name === code ? code : `${name} (${code})`;
}

/** A few of the rows a dry run would add, change and remove. */
function sampleLines(p: ImportPreview): string[] {
	if (!p.samples) return [];
	const row = (r: SampleRow) => {
		const by = Object.entries(r.breakdowns)
			.map(([k, v]) => `${k}=${v}`)
			.join(', ');
		return `${r.period} ${areaName(r.geo)}${by ? ` ${by}` : ''}`;
	};
	const value = (v: number | null | undefined) =>
		v === null || v === undefined ? '..' : String(v);
	return [
		...p.samples.added.map((r) => `  + ${row(r)}: ${value(r.value)}`),
		...p.samples.changed.map((r) => `  ~ ${row(r)}: ${value(r.before)} → ${value(r.value)}`),
		...p.samples.removed.map((r) => `  - ${row(r)}: ${value(r.value)}`)
	];
}

/** Periods as a list, or counted with their span when there are many (20 periods, 2005–2024). */
const periodsInWords = (periods: string[]) =>
	periodList(periods, (count, from, to) => `${count} periods, ${from}–${to}`);

function sliceNote(p: {
	periods: string[];
	replaces: { scope: 'slice' | 'periods'; areas: string[]; breakdowns: string[] };
}): string {
	const periods = periodsInWords(p.periods);
	if (p.replaces.scope === 'periods')
		return `Replaces everything stored for ${periods} (--replace-periods).`;
	const areas =
		p.replaces.areas.length > 8
			? `${p.replaces.areas.length} areas`
			: `area${p.replaces.areas.length === 1 ? '' : 's'} ${p.replaces.areas.map(areaName).join(', ')}`;
	const breakdowns = describeBreakdowns(p.replaces.breakdowns, {
		and: 'and',
		totals: 'totals',
		by: (dims) => `by ${dims}`,
		every: (dims) => `every breakdown by ${dims}, alone and combined`
	});
	return `Replaces only what the file covers: ${periods}, ${areas}, ${breakdowns}. Other areas and breakdowns are kept.`;
}

async function directoryCommand(
	command: string | undefined,
	path: string | undefined,
	format: string | undefined,
	io: Io
): Promise<number> {
	if (command === 'export') {
		if (format !== 'hsds-json' && format !== 'hsds-csv')
			return usage('directory export needs --format hsds-json or --format hsds-csv', io);
		if (!path) return usage('directory export needs OUT (a file for JSON, a folder for CSV)', io);
		return withDatabase(async (database) => {
			const services = await hsdsServices(database.db);
			if (format === 'hsds-json')
				await writeFile(path, JSON.stringify(services, null, 2) + '\n', 'utf8');
			else await writeDataPackage(services, path);
			io.out(`Exported ${services.length} services as HSDS ${HSDS_VERSION} to ${path}.`);
			return EXIT.ok;
		});
	}
	if (command === 'taxonomy') {
		if (!path) return usage('directory taxonomy needs a YAML FILE', io);
		return withDatabase(async (database) => {
			try {
				const loaded = await loadTaxonomy(database.db, path, actor());
				io.out(
					`Loaded ${loaded.categories.length} categories, ${loaded.audiences.length} audiences, ${Object.keys(loaded.synonyms).length} synonyms and ${loaded.areas.length} postcodes from ${path}.`
				);
				return EXIT.ok;
			} catch (error) {
				if (error instanceof ZodError) {
					io.err(`${path} was rejected; nothing was loaded:`);
					for (const issue of error.issues) io.err(`  ${issue.path.join('.')}: ${issue.message}`);
					return EXIT.rejected;
				}
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
					io.err(`Cannot read ${path}: no such file`);
					return EXIT.rejected;
				}
				throw error;
			}
		});
	}
	if (command === 'import') {
		if (!path) return usage('directory import needs a JSON file or a data package folder', io);
		let data: unknown;
		try {
			data = (await stat(path)).isDirectory()
				? await readDataPackage(path)
				: JSON.parse(await readFile(path, 'utf8'));
		} catch (error) {
			if (error instanceof HsdsRejectedError) throw error;
			io.err(`Cannot read ${path}: ${(error as Error).message}`);
			return EXIT.rejected;
		}
		return withDatabase(async (database) => {
			const result = await importHsds(database.db, data, actor());
			io.out(
				`Imported ${result.created + result.updated} services (${result.created} new, ${result.updated} updated) from ${result.organizations} organisations.`
			);
			for (const note of result.notes) io.out(`Note: ${note.path} ${note.message}`);
			return EXIT.ok;
		});
	}
	return usage(`Unknown directory command "${command ?? ''}".`, io);
}
