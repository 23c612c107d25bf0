import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Db } from '../db/index.ts';
import { importFile, type ImportPreview } from './import.ts';

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
		const result = await importFile(
			db,
			code,
			{ data: { path: join(directory, file) }, fileName: basename(file) },
			{
				actor: 'system:demo',
				isDemo: true
			}
		);
		if (!result.ok)
			throw new Error(
				`demo file ${file} is invalid: ${result.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`
			);
		loaded.push(result.preview);
	}
	return loaded;
}
