// Programme search speed: synthetic programmes (bench/synthetic-programmes.ts; BENCH_PROGRAMMES,
// default 5,000) searched as the list searches them: words (with abbreviations and a typo),
// level, field, institution, language, duration and SU, with the counts per filter, on
// PostgreSQL by one caller and by 32 concurrent callers, and by one caller on PGlite. The
// navigator issue's goal is p95 < 50 ms at 5,000 programmes with 32 callers on PostgreSQL.
// The searches run as the site runs them, with the content version: the counts are kept per
// version, words and filters, so after warming up each search reads its page of matches only.
// Right after a change (a new version) the first search of each kind also reads the groups.
// Asserts nothing.
import { searchProgrammes, type ProgrammeQuery } from '../src/lib/server/programmes/index.ts';
import { runSearchBench } from './harness.ts';
import { loadSyntheticProgrammes } from './synthetic-programmes.ts';

const PROGRAMMES = Number(process.env.BENCH_PROGRAMMES ?? 5_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const QUERIES: Partial<ProgrammeQuery>[] = [
	{},
	{ q: 'sygeplejerske' },
	{ q: 'sosu' },
	{ q: 'pæd' },
	{ q: 'datalogi', level: ['bachelor'] },
	{ q: 'sygeplejeske' },
	{ level: ['eud'] },
	{ field: ['06', '07'] },
	{ institution: ['syntetisk-skole-7'] },
	{ lang: ['en'], su: true },
	{ duration: ['2-3'] },
	{ page: 5 }
];

await runSearchBench<Partial<ProgrammeQuery>>({
	title: `Programme search over ${PROGRAMMES.toLocaleString('en')} synthetic programmes`,
	seconds: SECONDS,
	queries: QUERIES,
	load: (db) => loadSyntheticProgrammes(db, { programmes: PROGRAMMES }),
	search: async (db, q) => (await searchProgrammes(db, q, 'da', { version: 'bench' })).total
});
