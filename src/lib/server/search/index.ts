// Search, shared by every searchable kind (offers, postings and those to come): the reader's
// words, synonyms kept as data, æ/ø/å and aa/ae/oe folding, prefixes, typo correction against
// the vocabulary with pg_trgm, `near` (a postcode or an address) and one distance formula.
// PostgreSQL answers every search (full text with Danish and English stemming, GIN indexes);
// each kind writes its own statement over its own table with these parts.
export { asciiWord, foldDanish, nameWords, queryWords, tsQuery, tsqueryText } from './words.ts';
export {
	KM_PER_DEGREE,
	kmOf,
	nearIsAddress,
	nearParameter,
	postcodeParameter,
	resolveNear,
	searchNear,
	roundKm,
	squaredDegrees,
	squaredRadius,
	type Locate,
	type Near,
	type NearAnswer,
	type NearProblem,
	type SearchContext,
	type Point
} from './near.ts';
export {
	corrections,
	rebuildSearchWords,
	rememberWords,
	searchLoosening,
	searchVocabulary,
	searchWords,
	type TextQuery,
	type Vocabulary
} from './vocabulary.ts';
export { pageLinks, type PageLinks } from './page.ts';
export { codeFilter, searchQueryFromUrl, type UrlParameters, type UrlQuery } from './url-query.ts';
export { facetCountCache, versionCache } from './group-cache.ts';
export {
	countFacets,
	organisationFacet,
	flagFacet,
	valueFacet,
	type Facet,
	type FacetCounts,
	type NamedCount
} from './facets.ts';
export {
	groupsWithOrganisation,
	inList,
	inLocale,
	overlapping,
	type OrganisationGroup
} from './sql.ts';
export type { Hit } from './hit.ts';
