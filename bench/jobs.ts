// Job board speed: synthetic postings (bench/synthetic-postings.ts; BENCH_POSTINGS, default
// 50,000), searched with words, kinds, education fields and levels, hours, deadlines and
// distance, with the counts per kind, field and level, on PostgreSQL by one caller and by 32
// concurrent callers (the app's own pool of 10), and by one caller on PGlite. Searches pass a
// content version as the app does. Prints searches/s and p50/p95/p99 of the search time; the
// simplification issue's goal is p95 < 50 ms at 5,000 postings with 32 callers on one instance.
// Asserts nothing.
import {
	searchOpportunities,
	type OpportunityQuery
} from '../src/lib/server/opportunities/index.ts';
import { runSearchBench } from './harness.ts';
import { loadSyntheticPostings } from './synthetic-postings.ts';

const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 50_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** What students ask: a kind, a field, a level, words, nearby, English-friendly. */
const QUERIES: Partial<OpportunityQuery>[] = [
	{},
	{ type: ['studiejob'] },
	{ type: ['fritidsjob'], maxHours: 10 },
	{ q: 'elektriker', type: ['laereplads'] },
	{ field: ['it'], level: ['videregaaende'] },
	{ q: 'café' },
	{ englishFriendly: true, type: ['studiejob', 'praktikplads'] },
	{ near: '9000', km: 5, sort: 'distance' },
	{ near: '9220', sort: 'distance', type: ['fritidsjob'] },
	{ sort: 'deadline', deadlineFrom: new Date().toISOString().slice(0, 10) },
	{ q: 'frivillig træner' },
	{ level: ['udskoling'], area: ['9400'] },
	{ sort: 'newest', page: 5 },
	{ q: 'marketing', englishFriendly: true },
	{ field: ['sundhed', 'paedagogik'], near: '9000', sort: 'distance' }
];

await runSearchBench<Partial<OpportunityQuery>>({
	title: `Job search over ${POSTINGS.toLocaleString('en')} synthetic postings`,
	seconds: SECONDS,
	queries: QUERIES,
	load: (db) => loadSyntheticPostings(db, { postings: POSTINGS }),
	search: async (db, q) =>
		(await searchOpportunities(db, q, 'da', new Date(), { version: 'bench' })).total
});
