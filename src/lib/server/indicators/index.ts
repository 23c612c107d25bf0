// Indicators: the observations behind the strategy's indicators, imported all-or-nothing from
// CSV, XLSX or JSON-stat, with a status against the baseline and charts for the council.
export { parseCsv, decodeText, type ColumnMapping, type ParsedFile } from './csv.ts';
export {
	importFile,
	importObservations,
	importsInProgress,
	previewImport,
	type ImportOutcome,
	savedMapping,
	saveMapping,
	UnknownIndicatorError,
	type ImportPreview,
	type ImportSource,
	type SampleRow
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
export {
	indicatorOverview,
	indicatorRanks,
	indicatorDetail,
	type IndicatorCard,
	type IndicatorDetail
} from './overview.ts';
export { indicatorStatus, type IndicatorStatus, type StatusCode } from './status.ts';
export { lineChartSvg, sparklineSvg, type ChartSeries } from './charts.ts';
export { parseIndicatorFile, readIndicatorFile, formatOf, sha256 } from './file.ts';
export { loadDemoIndicators } from './demo.ts';
export { parseJsonStat } from './jsonstat.ts';
export { cellValue as xlsxCellValue } from './xlsx.ts';
export {
	exportShape,
	observationBatches,
	rowsSource,
	writeExport,
	type ExportMeta,
	type ExportRow
} from './export.ts';
export { IndicatorDownloads, type DownloadFile, type DownloadFormat } from './download.ts';
export { indicatorPageView, indicatorChartSvg, type IndicatorPageView } from './page-view.ts';
export {
	pruneUploadDrafts,
	stageUpload,
	confirmUpload,
	type StagedUpload,
	type ConfirmedUpload
} from './upload.ts';
export { recentBatches } from './queries.ts';
export {
	DEFAULT_DST_API_URL,
	sourceFromFlags,
	statbankSources,
	statbankSyncStates,
	syncAllIndicators,
	syncIndicator,
	type StatbankSyncState,
	type SyncOutcome,
	type SyncSettings
} from './statbank.ts';
export {
	COMPARISON_GROUPS_FILE,
	comparisonGroups,
	parseComparisonGroups,
	unknownComparisonGroups,
	groupRank,
	groupSeries,
	groupValue,
	type ComparisonGroup,
	type ComparisonGroups
} from './groups.ts';
