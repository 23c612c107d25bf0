// Event list speed: synthetic events (bench/synthetic-events.ts; BENCH_EVENTS, default 20,000)
// listed as the page lists them: coming events soonest first, by kind, level, audience,
// organiser, free, a date range, words, and the archive, with the counts per kind, level,
// audience and organiser, on PostgreSQL by one caller and by 32 concurrent callers, and by one
// caller on PGlite. The events issue's goal is p95 < 50 ms at 20,000 events with 32 callers on
// PostgreSQL. The searches run as the site runs them, with the content version: the counts are
// kept per version, minute, words and filters, so after warming up each search reads its page
// only; a new minute or a change reads the groups again. Asserts nothing.
import { searchEvents, type EventQuery } from '../src/lib/server/events/index.ts';
import { runSearchBench } from './harness.ts';
import { loadSyntheticEvents } from './synthetic-events.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const QUERIES: Partial<EventQuery>[] = [
	{},
	{ kind: ['aabent-hus'] },
	{ kind: ['brobygning', 'studiepraktik'], level: ['udskoling'] },
	{ audience: ['foraeldre'] },
	{ free: true },
	{ from: day(7), to: day(14) },
	{ q: 'åbent hus' },
	{ q: 'uddannelsesmese' },
	{ organiser: ['syntetisk-arrangoer-7'] },
	{ archive: true },
	{ page: 4 },
	{ kind: ['workshop'], free: true, from: day(0), to: day(60) }
];

await runSearchBench<Partial<EventQuery>>({
	title: `Event list over ${EVENTS.toLocaleString('en')} synthetic events`,
	seconds: SECONDS,
	queries: QUERIES,
	load: (db) => loadSyntheticEvents(db, { events: EVENTS }),
	search: async (db, q) => (await searchEvents(db, q, 'da', new Date(), { version: 'bench' })).total
});
