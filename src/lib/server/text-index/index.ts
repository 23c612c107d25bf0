// In-memory search indexes that the database versions: bitsets, PostgreSQL's lexemes ranked as
// ts_rank ranks them, and the catching-up every read does first. Used by offers and postings.
export { Bitset, BitsetPool, Column, floats, ints, popcount } from './bitset.ts';
export { Lexicon, type TextMatch } from './lexicon.ts';
export { sharedIndex, VersionedIndex } from './versioned.ts';
export { indexQueries, type TsQueryPair } from './queries.ts';
export { Smallest } from './smallest.ts';
export {
	compareLexemes,
	entryScore,
	parseTsQuery,
	parseTsVector,
	terms,
	UnsupportedTsQuery,
	type TsQueryNode
} from './tsquery.ts';
