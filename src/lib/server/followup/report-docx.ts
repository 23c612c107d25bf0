import {
	AlignmentType,
	Document,
	HeadingLevel,
	ImageRun,
	Packer,
	PageBreak,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import sharp from 'sharp';
import type { ReportData } from './report-data.ts';
import {
	LIFECYCLE_DA,
	frontLines,
	indicatorLine,
	indicatorSummary,
	initiativeFacts,
	REPORT_TITLE,
	SUMMARY_HEADER,
	summaryRows
} from '../../report-words.ts';

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
	new Paragraph({ text, heading: level });
const para = (text: string, bold?: string) =>
	new Paragraph({
		children: bold
			? [new TextRun({ text: bold, bold: true }), new TextRun(` ${text}`)]
			: [new TextRun(text)]
	});

function table(header: string[], rows: string[][]): Table {
	const cell = (text: string, isHeader: boolean) =>
		new TableCell({
			children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader })] })]
		});
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
			...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) }))
		]
	});
}

const CHART = { width: 600, height: 300 };

/** The council report as an editable Word file: real headings, tables with header rows, charts with alt text. */
export async function reportDocx(data: ReportData): Promise<Uint8Array> {
	const body: (Paragraph | Table)[] = [
		new Paragraph({ text: REPORT_TITLE, heading: HeadingLevel.TITLE }),
		...frontLines(data).map((l) => new Paragraph({ text: l, alignment: AlignmentType.LEFT })),
		new Paragraph({ children: [new PageBreak()] }),
		heading('Sammenfatning', HeadingLevel.HEADING_1),
		para(
			'Indsatserne under hvert pejlemærke efter deres status i runden. Fremdriften er vægtet efter budget, når alle indsatser har et.'
		),
		table(SUMMARY_HEADER, summaryRows(data)),
		para(indicatorSummary(data))
	];
	for (const g of data.guideposts) {
		body.push(heading(`Pejlemærke ${g.number}: ${g.title}`, HeadingLevel.HEADING_1));
		body.push(heading('Indikatorer', HeadingLevel.HEADING_2));
		for (const i of g.indicators) {
			body.push(heading(i.title, HeadingLevel.HEADING_3), para(indicatorLine(i)));
			if (i.statusReason) body.push(para(i.statusReason));
			if (i.chartSvg) {
				const svg = Buffer.from(i.chartSvg);
				const png = await sharp(svg)
					.resize(CHART.width * 2)
					.png()
					.toBuffer();
				body.push(
					new Paragraph({
						children: [
							new ImageRun({
								type: 'svg',
								data: svg,
								fallback: { type: 'png', data: png },
								transformation: CHART,
								altText: { name: i.title, title: i.title, description: i.chartAlt }
							})
						]
					})
				);
			}
		}
		body.push(heading('Indsatser', HeadingLevel.HEADING_2));
		if (g.initiatives.length === 0) body.push(para('Ingen indsatser var med i runden.'));
		for (const i of g.initiatives) {
			body.push(heading(i.title, HeadingLevel.HEADING_3), para(initiativeFacts(i)));
			if (i.changes.length) body.push(para(i.changes.join(' '), 'Siden sidste runde:'));
			if (i.update) {
				body.push(para(i.update.done, 'Det er gjort:'), para(i.update.next, 'Næste skridt:'));
				if (i.update.remedy) body.push(para(i.update.remedy, 'Det gør vi ved det:'));
			} else body.push(para('Der er ingen godkendt status i denne runde.'));
		}
	}
	if (data.ended.length > 0) {
		body.push(
			heading(
				'Indsatser, der er afsluttet eller stoppet siden sidste runde',
				HeadingLevel.HEADING_1
			)
		);
		body.push(
			table(
				['Indsats', 'Ansvarlig', 'Fase'],
				data.ended.map((e) => [e.title, e.owner, LIFECYCLE_DA[e.lifecycle]])
			)
		);
	}
	body.push(heading('Bilag: Indsatser uden godkendt status', HeadingLevel.HEADING_1));
	body.push(
		data.missing.length === 0
			? para('Alle indsatser i runden har en godkendt status.')
			: table(
					['Indsats', 'Ansvarlig'],
					data.missing.map((m) => [m.title, m.owner])
				)
	);
	const doc = new Document({
		title: `${REPORT_TITLE}: ${data.round.name}`,
		creator: 'Uddannelsesby',
		description: `${data.strategy.title}, ${data.round.name}`,
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		sections: [{ children: body }]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}
