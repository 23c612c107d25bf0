import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.ts';
import { seedOnFirstStart } from '../bootstrap.ts';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import {
	buildReport,
	latestClosedRoundId,
	listReports,
	publishReport,
	reportById,
	saveInitiative,
	initiativeForEditing
} from './index.ts';

/** The PDF's text as poppler reads it: real text, not pictures of text. */
function pdfText(pdf: Uint8Array): string {
	return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

describe.each(testEngines())('council report on $name', (engine) => {
	let database: Database;
	const editor: Actor = { id: 'e', email: 'r@aalborg.dk', role: 'editor', organizationIds: [] };
	beforeAll(async () => {
		database = await engine.open();
		await seedOnFirstStart(database);
	}, 120_000);
	afterAll(async () => database.close());

	it('writes a Word file with headings, header rows and charts with alt text', async () => {
		const roundId = (await latestClosedRoundId(database.db))!;
		const report = await buildReport(database.db, editor, roundId);
		const zip = await JSZip.loadAsync(report.docx);
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toContain('<w:pStyle w:val="Title"/>');
		expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
		expect(xml).toContain('<w:tblHeader/>');
		expect(xml).toContain('Pejlemærke 2: Trivsel og meningsfulde fællesskaber');
		expect(xml).toContain('Lektiecafé med frivillige (demo)');
		expect(xml).toMatch(/<wp:docPr [^>]*descr="Graf: [^"]+ for kommunen fra \d{4}/);
		expect(
			Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))
		).toBe(true);
		expect(xml).toContain('DEMODATA');
	});

	it('writes a tagged PDF whose text reads back: front page, summary, guideposts and the appendix', async () => {
		const roundId = (await latestClosedRoundId(database.db))!;
		const report = await buildReport(database.db, editor, roundId);
		const pdf = Buffer.from(report.pdf);
		expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
		expect(pdf.includes('/StructTreeRoot')).toBe(true);
		expect(pdf.includes('/Lang (da-DK)')).toBe(true);
		const text = pdfText(report.pdf);
		expect(text).toContain('Status til Uddannelsesrådet');
		expect(text).toContain('Statusrunde: Anden statusrunde (demo)');
		expect(text).toMatch(/Sammenfatning[\s\S]*Pejlemærke\s+Indsatser\s+Grøn\s+Gul\s+Rød/);
		expect(text).toContain('Pejlemærke 3: Gode overgange');
		expect(text).toContain('Status ændret fra gul til grøn.');
		expect(text).toContain('Bilag: Indsatser uden godkendt status');
		// Two initiatives reported in the first round but not the second.
		const appendix = text.slice(text.indexOf('Bilag: Indsatser uden godkendt status'));
		expect(appendix).toContain('Partnerskaber mellem skoler og virksomheder (demo)');
		expect(appendix).toContain('Praktik i 9. klasse (demo)');
	});

	it('keeps a built report as it was when data changes, and a rebuild is a new version', async () => {
		const roundId = (await latestClosedRoundId(database.db))!;
		const first = await buildReport(database.db, editor, roundId);
		const cafe = (await initiativeForEditing(database.db, 'lektiecafe-med-frivillige-demo'))!;
		await saveInitiative(
			database.db,
			editor,
			{
				title: { da: 'Lektiecafé med nyt navn (demo)' },
				description: cafe.description,
				actionCodes: cafe.actionCodes,
				ownerId: cafe.ownerId,
				isDemo: true
			},
			cafe.id
		);
		const kept = await reportById(database.db, first.id);
		expect(pdfText(kept!.pdf)).toContain('Lektiecafé med frivillige (demo)');
		const second = await buildReport(database.db, editor, roundId);
		expect(second.version).toBe(first.version + 1);
		expect(pdfText(second.pdf)).toContain('Lektiecafé med nyt navn (demo)');
		expect(
			(await listReports(database.db)).filter((r) => r.roundId === roundId).length
		).toBeGreaterThanOrEqual(2);
	});

	it('is private until published, and only staff build or publish it', async () => {
		const roundId = (await latestClosedRoundId(database.db))!;
		const partner: Actor = { id: 'p', email: 'p@x.dk', role: 'partner', organizationIds: [] };
		await expect(buildReport(database.db, partner, roundId)).rejects.toThrow(/Not allowed/);
		const report = await buildReport(database.db, editor, roundId);
		expect(await reportById(database.db, report.id, { publicOnly: true })).toBeUndefined();
		expect((await listReports(database.db, { publicOnly: true })).map((r) => r.id)).not.toContain(
			report.id
		);
		await publishReport(database.db, editor, report.id);
		expect((await reportById(database.db, report.id, { publicOnly: true }))?.version).toBe(
			report.version
		);
		expect((await listReports(database.db, { publicOnly: true })).map((r) => r.id)).toContain(
			report.id
		);
	});
});
