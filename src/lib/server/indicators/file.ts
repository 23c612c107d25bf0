import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Db } from '../db/index.ts';
import { parseCsv, type ColumnMapping, type ParsedFile } from './csv.ts';
import { importObservations, type ImportPreview } from './import.ts';
import { parseJsonStat } from './jsonstat.ts';

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

/** Parses a file of any supported format; the format is chosen by its name. */
export async function parseIndicatorFile(
	bytes: Uint8Array,
	fileName: string,
	options: ReadOptions = {}
): Promise<ParsedFile & { format?: FileFormat }> {
	const format = formatOf(fileName);
	if (format === 'csv') return { ...parseCsv(bytes, options.mapping), format };
	if (format === 'jsonstat') return { ...parseJsonStat(bytes, options.mapping ?? {}), format };
	if (format === 'xlsx') {
		const { parseXlsx } = await import('./xlsx.ts');
		return { ...(await parseXlsx(bytes, options.mapping)), format };
	}
	return {
		ok: false,
		problems: [
			{
				where: 'file',
				message: `cannot tell the format of "${fileName}": use .csv, .xlsx or .json (JSON-stat)`
			}
		]
	};
}

/** Loads the shipped demo series (demo/indicators/<code>.csv) for the given indicators. */
export async function loadDemoIndicators(
	db: Db,
	directory: string,
	codes: string[]
): Promise<ImportPreview[]> {
	let files: string[];
	try {
		files = await readdir(directory);
	} catch {
		return [];
	}
	const loaded: ImportPreview[] = [];
	for (const code of codes) {
		const file = `${code}.csv`;
		if (!files.includes(file)) continue;
		const bytes = new Uint8Array(await readFile(join(directory, file)));
		const parsed = parseCsv(bytes);
		if (!parsed.ok)
			throw new Error(
				`demo file ${file} is invalid: ${parsed.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`
			);
		loaded.push(
			await importObservations(db, code, parsed.rows, {
				actor: 'system:demo',
				fileName: basename(file),
				sha256: sha256(bytes),
				format: 'csv',
				isDemo: true
			})
		);
	}
	return loaded;
}
