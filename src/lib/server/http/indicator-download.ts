import { createReadStream, type ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { error, type RequestHandler } from '@sveltejs/kit';
import { activeStrategy, appDownloads } from '../app.ts';
import type { DownloadFile, DownloadFormat } from '../indicators/index.ts';

/**
 * The GET handler for `/indikatorer/<code>.csv|.xlsx|.json`: every observation as a file. The
 * file is built once per content version and streamed from disk; the query string plays no
 * part, so `?x=1` gets the same file, not a new build.
 */
export function downloadHandler(format: DownloadFormat): RequestHandler<{ code: string }> {
	return async ({ params, locals }) => {
		const strategy = await activeStrategy(locals.locale);
		if (!strategy) error(404, 'Not found');
		// Opened at once: a newer build may replace the name, never an open file. If a newer
		// build replaced it between the two steps, ask again.
		for (let attempt = 0; ; attempt++) {
			const file = await appDownloads().get(locals.db, strategy, params.code, format);
			if (!file) error(404, 'Not found');
			const stream = createReadStream(file.path);
			const opened = await new Promise<boolean>((resolve, reject) => {
				stream.once('open', () => resolve(true));
				stream.once('error', (e: NodeJS.ErrnoException) =>
					e.code === 'ENOENT' && attempt < 2 ? resolve(false) : reject(e)
				);
			});
			if (opened) return fileResponse(stream, file);
		}
	};
}

function fileResponse(stream: ReadStream, file: DownloadFile): Response {
	return new Response(Readable.toWeb(stream) as ReadableStream, {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.size),
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'public, max-age=60'
		}
	});
}
