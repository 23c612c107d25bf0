// Indicators: the observations behind the strategy's indicators, imported all-or-nothing from
// CSV, XLSX or JSON-stat, with a status against the baseline and charts for the council.
export { parseCsv, decodeText, type ColumnMapping, type ParsedFile } from './csv.ts';
export {
	importObservations,
	previewImport,
	UnknownIndicatorError,
	type ImportPreview,
	type ImportSource
} from './import.ts';
export {
	observationsOf,
	dataSummaries,
	type Observation,
	type ObservationFilter,
	type IndicatorDataSummary
} from './queries.ts';
export { geographyName, parseGeography, NATIONAL } from './geography.ts';
export { parsePeriod } from './periods.ts';
export type { ObservationInput, ImportProblem } from './rows.ts';
