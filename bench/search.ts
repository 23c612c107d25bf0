// Search speed: 100,000 synthetic offers (bench/synthetic-offers.ts), searched with words,
// filters and facet counts by one caller and by 32 concurrent callers on PostgreSQL (the app's
// own pool of 10), and by one caller at a time on PGlite (one session). Prints requests/s and p50/p95/p99 of the
// server-side search time (the in-memory offer index; the first search builds it and is not
// counted); the directory issue's goal is p95 < 30 ms on PostgreSQL. BENCH_OFFERS
// sets the size. Asserts nothing.
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
	search: async (db, q) => (await searchOffers(db, q, 'da')).total
});
