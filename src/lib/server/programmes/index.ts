// The education navigator (pejlemærke 1: "kendskab til uddannelsesmulighederne … kompetencer
// til at navigere"): programmes at the municipality's institutions, their admission rules and
// figures, pathways worked out from the rules, and comparison.
export {
	getProgramme,
	lastProgrammeChange,
	loadProgrammeFiles,
	nextDeadlines,
	pathwaysFrom,
	programmesBySlugs,
	comparisonOf,
	programmesOf,
	type FigureRow,
	type PathwayProgramme,
	type Pathways,
	type ProgrammeRow,
	type ProgrammeView
} from './programmes.ts';
export {
	FIGURE_COLUMNS,
	PROGRAMME_COLUMNS,
	formatProblems as formatProgrammeProblems,
	importProgrammeFigures,
	importProgrammes,
	parseDeadline,
	type ImportOutcome as ProgrammeImportOutcome
} from './import.ts';
export { programmesCsv } from './export.ts';
export {
	SUBJECT_LEVELS,
	fromText,
	needText,
	parseRequirements,
	qualifies,
	requirementsText,
	type Requirements,
	type Student,
	type SubjectLevel,
	type Verdict
} from './prerequisites.ts';
export {
	DURATIONS,
	PROGRAMME_PAGE_SIZE,
	programmeQuery,
	searchProgrammes,
	type ProgrammeHit,
	type ProgrammeQuery,
	type ProgrammeResults
} from './search.ts';
export { programmeTaxonomy, termName, type ProgrammeTaxonomy } from './taxonomy.ts';
export { programmes, programmeFigures, type Deadline } from './schema.ts';
export { programmeQueryFromUrl, comparedSlugs, withCompared } from './url-query.ts';
export { programmeListPage } from './list-page.ts';
export { programmeLd } from './json-ld.ts';
export {
	createProgramme,
	deadlineInput,
	programmeInput,
	updateProgramme,
	type ProgrammeInput
} from './service.ts';
