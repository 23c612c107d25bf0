import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import {
	appState,
	openDatabase,
	runMigrations,
	type Database,
	type DatabaseTarget
} from './db/index.ts';
import { loadDemoIndicators } from './indicators/index.ts';
import { loadDemoDirectory, loadInstitutions, loadTaxonomy } from './directory/index.ts';
import { loadDemoOpportunities } from './opportunities/index.ts';
import { loadDemoFollowUp } from './followup/index.ts';
import { loadDemoEvents } from './events/index.ts';
import { loadProgrammeFiles } from './programmes/index.ts';
import { formatProblems, loadStrategyFile, getStrategyDefinition } from './strategy/index.ts';

/** The strategy an empty installation starts with. */
export const DEFAULT_STRATEGY_FILE = 'strategies/aalborg-2023-2026.yaml';
/** Demo indicator series, labelled demo on every page until real data replaces them. */
export const DEMO_INDICATORS_DIR = 'demo/indicators';
/** The directory's categories, audiences and search synonyms. */
export const TAXONOMY_FILE = 'taxonomy/directory.yaml';
/** Demo organisations and offers, labelled demo wherever they are shown. */
export const DEMO_DIRECTORY_FILE = 'demo/directory/offers.json';
/** The municipality's real education institutions (checked names, addresses and websites). */
export const INSTITUTIONS_FILE = 'demo/directory/institutions.json';
export const DEMO_OPPORTUNITIES_FILE = 'demo/opportunities/postings.json';
/** Demo initiatives and two past reporting rounds for the council's follow-up. */
export const DEMO_FOLLOWUP_FILE = 'demo/followup/initiatives.json';
/** Demo events (open houses, a fair, a trial day …), dated from the day they are loaded. */
export const DEMO_EVENTS_FILE = 'demo/events/events.json';
/**
 * Programmes: the real ones of the institutions above (each row names its source), then demo
 * programmes and figures (labelled demo).
 */
export const PROGRAMME_FILES = {
	programmes: ['demo/programmes/programmes.csv', 'demo/programmes/demo-programmes.csv'],
	figures: ['demo/programmes/figures.csv']
};
const FIRST_START_KEY = 'first-start-seed';
const PROGRAMMES_KEY = 'programmes-seed';

/** The version in package.json (the server runs from the project directory). */
export function appVersion(): string {
	try {
		const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version?: string };
		return pkg.version ?? 'unknown';
	} catch {
		return 'unknown';
	}
}

/** Opens the database and brings it up to date: the same steps for the server and the CLI. */
export async function openAndMigrate(target: DatabaseTarget, holder: string): Promise<Database> {
	const database = await openDatabase(target, holder);
	try {
		await runMigrations(database);
		return database;
	} catch (error) {
		await database.close();
		throw error;
	}
}

export interface SeedOutcome {
	seeded: boolean;
	strategy?: string;
	demoIndicators?: number;
	institutions?: number;
	demoOffers?: number;
	demoPostings?: number;
	demoInitiatives?: number;
	demoEvents?: number;
	programmes?: number;
}

/**
 * Loads the default strategy (and, as later modules add it, demo data) the first time an
 * installation starts, and never again: data the municipality has changed since is kept.
 */
export async function seedOnFirstStart(
	database: Database,
	strategyFile = DEFAULT_STRATEGY_FILE
): Promise<SeedOutcome> {
	// Claim the first start and seed in one transaction: if seeding fails nothing is claimed, and
	// a second instance starting at the same moment (PostgreSQL) waits on the claim, then skips.
	return database.db.transaction(async (tx) => {
		const claimed = await tx
			.insert(appState)
			.values({ key: FIRST_START_KEY, value: { at: new Date().toISOString() } })
			.onConflictDoNothing()
			.returning({ key: appState.key });
		if (claimed.length === 0) {
			// An installation from before the navigator gets its programmes once.
			const programmes = await seedProgrammesOnce(tx);
			return { seeded: false, ...(programmes === undefined ? {} : { programmes }) };
		}
		const loaded = await loadStrategyFile(tx, resolve(strategyFile), {
			actor: 'system:first-start',
			activate: true
		});
		if (!loaded.ok) {
			throw new Error(
				`The default strategy ${strategyFile} is invalid:\n${formatProblems(loaded.problems)}`
			);
		}
		const strategy = await getStrategyDefinition(tx, loaded.result.slug);
		const codes = strategy?.guideposts.flatMap((g) => g.indicators.map((i) => i.code)) ?? [];
		const demo = await loadDemoIndicators(tx, resolve(DEMO_INDICATORS_DIR), codes);
		await loadTaxonomy(tx, resolve(TAXONOMY_FILE), 'system:first-start');
		const institutions = await loadInstitutions(tx, resolve(INSTITUTIONS_FILE));
		const demoOffers = await loadDemoDirectory(tx, resolve(DEMO_DIRECTORY_FILE));
		const demoPostings = await loadDemoOpportunities(tx, resolve(DEMO_OPPORTUNITIES_FILE));
		const demoInitiatives = await loadDemoFollowUp(tx, resolve(DEMO_FOLLOWUP_FILE));
		const demoEvents = await loadDemoEvents(tx, resolve(DEMO_EVENTS_FILE));
		const programmes = await seedProgrammesOnce(tx);
		return {
			seeded: true,
			strategy: loaded.result.slug,
			demoIndicators: demo.length,
			institutions,
			demoOffers,
			demoPostings,
			demoInitiatives,
			demoEvents,
			programmes
		};
	});
}

async function seedProgrammesOnce(tx: Database['db']): Promise<number | undefined> {
	const claimed = await tx
		.insert(appState)
		.values({ key: PROGRAMMES_KEY, value: { at: new Date().toISOString() } })
		.onConflictDoNothing()
		.returning({ key: appState.key });
	if (claimed.length === 0) return undefined;
	return loadProgrammeFiles(tx, {
		programmes: PROGRAMME_FILES.programmes.map((f) => resolve(f)),
		figures: PROGRAMME_FILES.figures.map((f) => resolve(f))
	});
}

const SERVED_URL_KEY = 'served-url';

/**
 * The address the server serves, recorded at start, so links the command line prints and mails
 * point where people can open them (not to the CLI's own default port).
 */
export async function recordServedUrl(database: Database, url: string): Promise<void> {
	await database.db
		.insert(appState)
		.values({ key: SERVED_URL_KEY, value: url })
		.onConflictDoUpdate({ target: appState.key, set: { value: url, updatedAt: new Date() } });
}

/** The origin for links: ORIGIN when configured, else the address the server last served on. */
export async function linkOrigin(
	database: Database,
	config: { ORIGIN?: string | undefined },
	fallback: string
): Promise<string> {
	if (config.ORIGIN) return config.ORIGIN;
	const [row] = await database.db
		.select({ value: appState.value })
		.from(appState)
		.where(eq(appState.key, SERVED_URL_KEY));
	return typeof row?.value === 'string' ? row.value : fallback;
}

/** Where the server leaves the set-up link in an embedded data directory, for the CLI to show. */
export const FIRST_RUN_LINK_FILE = 'first-run-link.json';

export function writeFirstRunLink(dataDir: string, link: { url: string; expiresAt: Date }): void {
	writeFileSync(join(dataDir, FIRST_RUN_LINK_FILE), JSON.stringify(link), { mode: 0o600 });
}

export function removeFirstRunLink(dataDir: string): void {
	rmSync(join(dataDir, FIRST_RUN_LINK_FILE), { force: true });
}

/** The set-up link the running server printed, while it is valid. */
export function readFirstRunLink(dataDir: string, now = new Date()): string | undefined {
	try {
		const link = JSON.parse(readFileSync(join(dataDir, FIRST_RUN_LINK_FILE), 'utf8')) as {
			url?: unknown;
			expiresAt?: unknown;
		};
		if (typeof link.url !== 'string' || typeof link.expiresAt !== 'string') return undefined;
		return new Date(link.expiresAt).getTime() > now.getTime() ? link.url : undefined;
	} catch {
		return undefined;
	}
}
