import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { tr } from '../problem-language.ts';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { collectSource, csvSource, type ColumnMapping, type ParsedFile } from './csv.ts';
import { jsonStatSourceOf, readJson } from './jsonstat.ts';
import type { RawSource } from './rows.ts';
import { wholeBytes, type FileBytes } from './file-bytes.ts';

export type FileFormat = 'csv' | 'jsonstat' | 'xlsx';

export interface ReadOptions {
	mapping?: ColumnMapping & { measure?: string };
}

export function formatOf(fileName: string): FileFormat | undefined {
	const ext = extname(fileName).toLowerCase();
	if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
	if (ext === '.json') return 'jsonstat';
	if (ext === '.xlsx') return 'xlsx';
	return undefined;
}

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A reader for a file of any supported format, chosen by its name; rows come as they are read.
 * CSV streams from disk or memory; JSON-stat and XLSX are read whole (JSON-stat is compact,
 * and a worksheet holds at most about a million rows).
 */
export async function readIndicatorFile(
	file: FileBytes,
	fileName: string,
	options: ReadOptions = {}
): Promise<RawSource & { format?: FileFormat; sha256: string }> {
	const format = formatOf(fileName);
	if (format === 'csv') return { ...(await csvSource(file, options.mapping)), format };
	const bytes = await wholeBytes(file);
	const digest = sha256(bytes);
	if (format === 'jsonstat') {
		// Parsing and reading the cube each take a while for a million values; other requests
		// get their turn in between.
		const read = readJson(bytes);
		if (!read.ok) return { ...read.failed, format, sha256: digest };
		await yieldToEventLoop();
		return { ...jsonStatSourceOf(read.json, options.mapping ?? {}), format, sha256: digest };
	}
	if (format === 'xlsx') {
		const { xlsxSource } = await import('./xlsx.ts');
		return { ...(await xlsxSource(bytes, options.mapping)), format, sha256: digest };
	}
	const message = tr(
		`cannot tell the format of "${fileName}": use .csv, .xlsx or .json (JSON-stat)`,
		`kan ikke se, hvilket format "${fileName}" har: brug .csv, .xlsx eller .json (JSON-stat)`
	);
	return {
		decimal: '.',
		columnName: (field) => field,
		details: {},
		problems: [{ where: tr('file', 'fil'), message }],
		rows: [],
		emptyMessage: message,
		sha256: digest
	};
}

/** Parses a whole file into rows (for small files, tests and exports); the import streams. */
export async function parseIndicatorFile(
	bytes: Uint8Array,
	fileName: string,
	options: ReadOptions = {}
): Promise<ParsedFile & { format?: FileFormat }> {
	const source = await readIndicatorFile(bytes, fileName, options);
	return { ...(await collectSource(source)), format: source.format };
}
