import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { collectSource, csvSource, type ColumnMapping, type ParsedFile } from './csv.ts';
import { jsonStatSource } from './jsonstat.ts';
import type { RawSource } from './rows.ts';

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

/** A reader for a file of any supported format, chosen by its name; rows come as they are read. */
export async function readIndicatorFile(
	bytes: Uint8Array,
	fileName: string,
	options: ReadOptions = {}
): Promise<RawSource & { format?: FileFormat }> {
	const format = formatOf(fileName);
	if (format === 'csv') return { ...csvSource(bytes, options.mapping), format };
	if (format === 'jsonstat') return { ...jsonStatSource(bytes, options.mapping ?? {}), format };
	if (format === 'xlsx') {
		const { xlsxSource } = await import('./xlsx.ts');
		return { ...(await xlsxSource(bytes, options.mapping)), format };
	}
	const message = `cannot tell the format of "${fileName}": use .csv, .xlsx or .json (JSON-stat)`;
	return {
		decimal: '.',
		columnName: (field) => field,
		details: {},
		problems: [{ where: 'file', message }],
		rows: [],
		emptyMessage: message
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
