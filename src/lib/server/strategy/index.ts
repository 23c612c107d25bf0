// Strategy: a municipality's education strategy as data (vision, pejlemærker, ambitions,
// actions, indicators), loaded from a validated YAML file and served in Danish and English.
export {
	strategyDefinition,
	localizedText,
	type StrategyDefinition,
	type LocalizedText,
	type IndicatorDirection,
	statbankSource,
	type StatbankSource
} from './definition.ts';
export { parseStrategy, type ParseResult } from './parse.ts';
export { formatProblems, type Problem } from './problems.ts';
export { saveStrategy, activateStrategy, StrategyNotFoundError, type SaveResult } from './store.ts';
export {
	listStrategies,
	getStrategyDefinition,
	getActiveStrategy,
	indicatorCodes,
	type StrategyView,
	type GuidepostView,
	type StrategySummary
} from './queries.ts';
export { locales, localize, type Locale, type Localized } from './localize.ts';
export { loadStrategyFile, type LoadFileResult } from './file.ts';
