import { error, type RequestHandler } from '@sveltejs/kit';
import { activeStrategy } from '../app.ts';
import { indicatorDownload, type DownloadFormat } from '../indicators/index.ts';

/** The GET handler for `/indikatorer/<code>.csv|.xlsx|.json`: every observation as a file. */
export function downloadHandler(format: DownloadFormat): RequestHandler<{ code: string }> {
	return async ({ params, locals }) => {
		const strategy = await activeStrategy(locals.locale);
		const file = strategy && (await indicatorDownload(locals.db, strategy, params.code, format));
		if (!file) error(404, 'Not found');
		return new Response(file.body as BodyInit, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.fileName}"`,
				'cache-control': 'public, max-age=60'
			}
		});
	};
}
