import { mkdirSync, mkdtempSync, rmSync, statSync, renameSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/index.ts';
import type { StrategyView } from '../strategy/index.ts';
import {
	observationBatches,
	observationShape,
	writeExport,
	type DownloadFormat
} from './export.ts';
import { anyDemoBatch } from './queries.ts';

export type { DownloadFormat } from './export.ts';

export interface DownloadFile {
	/** The file on disk; it may be replaced later, so open it at once. */
	path: string;
	size: number;
	contentType: string;
	fileName: string;
}

const CONTENT_TYPES: Record<DownloadFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

interface Built {
	version: string;
	file: DownloadFile;
}

/**
 * Indicator downloads, built once per content version and served from disk. Every request for
 * the same file shares one build (whatever its query string), and builds run one at a time,
 * so a burst of downloads costs one build per file and never more memory than one build.
 */
export class IndicatorDownloads {
	private readonly directory: string;
	private readonly built = new Map<string, Built>();
	private readonly building = new Map<string, Promise<DownloadFile | undefined>>();
	private queue: Promise<unknown> = Promise.resolve();
	private counter = 0;

	constructor(
		private readonly version: () => Promise<string>,
		parent = tmpdir()
	) {
		mkdirSync(parent, { recursive: true });
		this.directory = mkdtempSync(join(parent, 'uddannelsesby-downloads-'));
	}

	async get(
		db: Db,
		strategy: StrategyView,
		code: string,
		format: DownloadFormat
	): Promise<DownloadFile | undefined> {
		const indicator = strategy.guideposts.flatMap((g) => g.indicators).find((i) => i.code === code);
		if (!indicator) return undefined;
		const key = `${strategy.slug}:${strategy.locale}:${code}:${format}`;
		const version = await this.version();
		const done = this.built.get(key);
		if (done?.version === version) return done.file;
		const pending = this.building.get(key);
		if (pending) return pending;
		const build = this.serialised(async () => {
			const source = observationBatches(db, code);
			const shape = await observationShape(db, code);
			const meta = {
				code,
				title: indicator.title,
				unit: indicator.unit,
				...(indicator.source ? { source: indicator.source.name } : {}),
				isDemo: await anyDemoBatch(db, [...shape.batchIds]),
				locale: strategy.locale
			};
			const path = join(this.directory, `${++this.counter}.${format}`);
			const partial = `${path}.part`;
			try {
				await writeExport(format, partial, source, shape, meta);
				renameSync(partial, path);
			} catch (error) {
				rmSync(partial, { force: true });
				throw error;
			}
			const file: DownloadFile = {
				path,
				size: statSync(path).size,
				contentType: CONTENT_TYPES[format],
				fileName: `${code}${meta.isDemo ? '-demo' : ''}.${format}`
			};
			const previous = this.built.get(key);
			this.built.set(key, { version, file });
			// A reader still sending the old file keeps it open; the name goes now.
			if (previous) unlinkSync(previous.file.path);
			return file;
		}).finally(() => this.building.delete(key));
		this.building.set(key, build);
		return build;
	}

	/** Removes every built file (the server is stopping). */
	close(): void {
		rmSync(this.directory, { recursive: true, force: true });
	}

	private serialised<T>(work: () => Promise<T>): Promise<T> {
		const run = this.queue.then(work, work);
		this.queue = run.catch(() => undefined);
		return run;
	}
}
