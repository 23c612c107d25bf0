// Follow-up: the initiatives that carry out the strategy's actions, reporting rounds with the
// owners' updates and their review, and the roll-up per action and guidepost.
export {
	initiativeInput,
	saveInitiative,
	initiativeForEditing,
	InitiativeNotFoundError,
	organizationsByNameOrSlug,
	type InitiativeInput
} from './initiatives.ts';
export {
	openRound,
	closeRound,
	submitUpdate,
	reviewUpdate,
	roundStatus,
	updatePage,
	updatesAwaitingReview,
	listRounds,
	openRounds,
	roundInput,
	updateInput,
	FollowUpError,
	type RoundStatusRow
} from './rounds.ts';
export { rollUp, effectiveProgress, type Rollup } from './rollup.ts';
export {
	followUpView,
	initiativeCards,
	initiativePage,
	closedRounds,
	type FollowUpView,
	type InitiativeCard,
	type InitiativePage,
	type RoundSummary,
	type Shown
} from './queries.ts';
export {
	importInitiatives,
	exportInitiatives,
	formatImportProblems,
	parseDate,
	COLUMNS as INITIATIVE_COLUMNS,
	type ExportFormat,
	type ImportProblem as InitiativeImportProblem,
	type InitiativeImportOutcome
} from './import.ts';
export { LIFECYCLES, HEALTHS, type Lifecycle, type Health } from './schema.ts';
export { loadDemoFollowUp } from './demo.ts';
export { sendRoundReminders, reminderDue } from './reminders.ts';
export {
	buildReport,
	publishReport,
	listReports,
	reportById,
	latestClosedRoundId,
	type ReportSummary
} from './reports.ts';
export type { ReportData } from './report-data.ts';
