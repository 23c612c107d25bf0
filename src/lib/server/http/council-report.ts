import { error } from '@sveltejs/kit';
import type { ReportData } from '../followup/index.ts';

/** Each indicator chart of a report as a data: URL, for the report's web page (img-src allows data:). */
export function reportCharts(data: ReportData): (string | null)[][] {
	return data.guideposts.map((g) =>
		g.indicators.map((i) =>
			i.chartSvg ? `data:image/svg+xml;base64,${Buffer.from(i.chartSvg).toString('base64')}` : null
		)
	);
}

const FILES = {
	'rapport.pdf': { type: 'application/pdf', column: 'pdf' },
	'rapport.docx': {
		type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		column: 'docx'
	}
} as const;

/** A report's Word or PDF file as a download named after its round and version. */
export function reportFileResponse(
	report: { pdf: Buffer; docx: Buffer; version: number; content: ReportData },
	file: string,
	cache: 'private' | 'public'
): Response {
	const kind = FILES[file as keyof typeof FILES];
	if (!kind) error(404, 'Not found');
	const name = `status-${report.content.round.deadline}-v${report.version}.${kind.column}`;
	return new Response(new Uint8Array(report[kind.column]), {
		headers: {
			'content-type': kind.type,
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': cache === 'private' ? 'private, no-store' : 'public, max-age=300'
		}
	});
}
