// Search speed: synthetic offers (bench/synthetic-offers.ts; BENCH_OFFERS, default 100,000),
// searched with words, filters and facet counts by one caller and by 32 concurrent callers on
// PostgreSQL (the app's own pool of 10), and by one caller on PGlite (one session). PostgreSQL
// answers every search (full text, GIN indexes). Searches pass a content version as the app
// does, so the vocabulary is read once. Prints requests/s and p50/p95/p99 of the search time;
// the simplification issue's goal is p95 < 50 ms at 10,000 offers with 32 callers on one
// instance. Asserts nothing.
import { searchOffers, type OfferQuery } from '../src/lib/server/directory/index.ts';
import { runSearchBench } from './harness.ts';
import { loadSyntheticOffers } from './synthetic-offers.ts';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** What readers ask: words, filters, postcodes, "open now", distance; most with words. */
const QUERIES: Partial<OfferQuery>[] = [
	{ q: 'lektiecafé matematik' },
	{ q: 'stress', audience: ['videregaaende-uddannelse'] },
	{ q: 'fodbolt' },
	{ q: 'ordblindhed', category: ['stoette-og-hjaelpemidler'] },
	{ q: 'SU økonomi' },
	{ q: 'musik', free: true, age: 16 },
	{ q: 'eksamensangst', near: '9000', sort: 'distance' },
	{ q: 'klub', area: ['9400'] },
	{ q: 'rådgivning', open: true },
	{ q: 'mental health', lang: ['en'] },
	{ category: ['fritid-og-idraet'], area: ['9220'] },
	{ audience: ['udskoling'], free: true, page: 3 },
	{ q: 'programmering værksted' },
	{ q: 'lob' },
	{ category: ['vejledning'], near: '9230', sort: 'distance' }
];

await runSearchBench<Partial<OfferQuery>>({
	title: `Offer search over ${OFFERS.toLocaleString('en')} synthetic offers`,
	seconds: SECONDS,
	queries: QUERIES,
	load: (db) => loadSyntheticOffers(db, { offers: OFFERS }),
	search: async (db, q) => (await searchOffers(db, q, 'da', { version: 'bench' })).total
});
