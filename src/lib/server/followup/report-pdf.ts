import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pdfkit } from '../lazy-modules.ts';
import type { ReportData } from './report-data.ts';
import * as words from '../../report-words.ts';

// IBM Plex Sans, the design system's typeface (SIL Open Font License), embedded so the text is
// real Unicode text that can be searched, copied and read aloud.
const fonts = join(
	packageDir(createRequire(import.meta.url).resolve('dkfds')),
	'src/fonts/IBMPlexSans/complete/ttf'
);

/** The folder of the package a resolved file belongs to (dkfds does not export its package.json). */
function packageDir(file: string): string {
	let dir = dirname(file);
	while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
	return dir;
}
const REGULAR = join(fonts, 'IBMPlexSans-Regular.ttf');
const BOLD = join(fonts, 'IBMPlexSans-Bold.ttf');

const SIZE = { title: 24, H1: 17, H2: 14, H3: 12, P: 10.5 } as const;
const CHART = { width: 480, height: 240 };

/**
 * The council report as PDF: text, not images; headings, paragraphs, tables and figures tagged
 * in the structure tree (PDF 1.7, tagged, language da-DK) so assistive technology can read it.
 */
export async function reportPdf(data: ReportData): Promise<Uint8Array> {
	const { PDFDocument, SVGtoPDF } = await pdfkit();
	const doc = new PDFDocument({
		size: 'A4',
		margin: 56,
		pdfVersion: '1.7',
		tagged: true,
		lang: 'da-DK',
		displayTitle: true,
		info: {
			Title: `${words.REPORT_TITLE}: ${data.round.name}`,
			Author: data.strategy.municipality,
			Subject: data.strategy.title,
			Creator: 'Uddannelsesby'
		}
	});
	doc.registerFont('Plex', REGULAR);
	doc.registerFont('Plex-Bold', BOLD);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<void>((resolve, reject) => {
		doc.on('end', resolve);
		doc.on('error', reject);
	});
	const root = doc.struct('Document');
	doc.addStructure(root);
	const bottom = () => doc.page.height - doc.page.margins.bottom;
	const room = (height: number) => {
		if (doc.y + height > bottom()) doc.addPage();
	};
	const heading = (level: 'H1' | 'H2' | 'H3', text: string) => {
		room(SIZE[level] * 4);
		doc.moveDown(level === 'H1' ? 1 : 0.6);
		doc
			.font('Plex-Bold')
			.fontSize(SIZE[level])
			.text(text, { structParent: root, structType: level } as PDFKit.Mixins.TextOptions);
		doc.moveDown(0.3);
	};
	const para = (text: string, lead?: string) => {
		doc
			.font('Plex')
			.fontSize(SIZE.P)
			.text(lead ? `${lead} ${text}` : text, {
				structParent: root,
				structType: 'P'
			} as PDFKit.Mixins.TextOptions);
		doc.moveDown(0.4);
	};
	const table = (header: string[], rows: string[][], columnStyles?: (number | string)[]) => {
		room(60);
		doc.font('Plex').fontSize(9.5);
		doc.table({
			structParent: root,
			data: [
				header.map((h) => ({
					text: h,
					type: 'TH' as const,
					font: { src: 'Plex-Bold' },
					backgroundColor: '#eeeeee'
				})),
				...rows.map((r) => r.map((c) => ({ text: c, type: 'TD' as const })))
			],
			...(columnStyles ? { columnStyles } : {}),
			defaultStyle: { padding: 4, border: 0.5, borderColor: '#999999' }
		} as PDFKit.Mixins.TableOptionsWithData);
		doc.moveDown(0.6);
		doc.x = doc.page.margins.left;
	};

	doc.font('Plex-Bold').fontSize(SIZE.title);
	doc.text(words.REPORT_TITLE, {
		structParent: root,
		structType: 'H1'
	} as PDFKit.Mixins.TextOptions);
	doc.moveDown(0.6);
	for (const line of words.frontLines(data)) para(line);
	doc.addPage();

	heading('H1', 'Sammenfatning');
	para(
		'Indsatserne under hvert pejlemærke efter deres status i runden. Fremdriften er vægtet efter budget, når alle indsatser har et.'
	);
	table(words.SUMMARY_HEADER, words.summaryRows(data), [170, '*', '*', '*', '*', '*', '*']);
	para(words.indicatorSummary(data));

	for (const g of data.guideposts) {
		doc.addPage();
		heading('H1', `Pejlemærke ${g.number}: ${g.title}`);
		heading('H2', 'Indikatorer');
		for (const i of g.indicators) {
			// Keep an indicator's heading, status and chart on one page.
			if (i.chartSvg) room(CHART.height + 110);
			heading('H3', i.title);
			para(words.indicatorLine(i));
			if (i.statusReason) para(i.statusReason);
			if (i.chartSvg) {
				room(CHART.height + 12);
				const x = doc.page.margins.left;
				const y = doc.y;
				const figure = doc.struct('Figure', { alt: i.chartAlt }, () => {
					SVGtoPDF(doc, i.chartSvg!, x, y, {
						...CHART,
						preserveAspectRatio: 'xMinYMin meet',
						fontCallback: (_family: string, bold: boolean) => (bold ? 'Plex-Bold' : 'Plex')
					});
				});
				root.add(figure);
				figure.end();
				doc.x = x;
				doc.y = y + CHART.height + 12;
			}
		}
		heading('H2', 'Indsatser');
		if (g.initiatives.length === 0) para('Ingen indsatser var med i runden.');
		for (const i of g.initiatives) {
			heading('H3', i.title);
			para(words.initiativeFacts(i));
			if (i.changes.length) para(i.changes.join(' '), 'Siden sidste runde:');
			if (i.update) {
				para(i.update.done, 'Det er gjort:');
				para(i.update.next, 'Næste skridt:');
				if (i.update.remedy) para(i.update.remedy, 'Det gør vi ved det:');
			} else para('Der er ingen godkendt status i denne runde.');
		}
	}
	if (data.ended.length > 0) {
		doc.addPage();
		heading('H1', 'Indsatser, der er afsluttet eller stoppet siden sidste runde');
		table(
			['Indsats', 'Ansvarlig', 'Fase'],
			data.ended.map((e) => [e.title, e.owner, words.LIFECYCLE_DA[e.lifecycle]])
		);
	}
	doc.addPage();
	heading('H1', 'Bilag: Indsatser uden godkendt status');
	if (data.missing.length === 0) para('Alle indsatser i runden har en godkendt status.');
	else
		table(
			['Indsats', 'Ansvarlig'],
			data.missing.map((m) => [m.title, m.owner])
		);

	root.end();
	doc.end();
	await done;
	return new Uint8Array(Buffer.concat(chunks));
}
