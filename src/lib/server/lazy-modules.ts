// Libraries only a few actions use, loaded when first needed rather than with the module that
// names them: every process (the server, each command of the CLI) imports the domains, and these
// took 0.5 s of each start (ExcelJS 0.3 s, PDFKit 0.2 s) on 2 cores.

/** ExcelJS: reading an uploaded workbook, writing an XLSX download. */
export const exceljs = async () => (await import('exceljs')).default;

/** PDFKit and its SVG drawing: the council report as PDF. */
export async function pdfkit() {
	const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([
		import('pdfkit'),
		import('svg-to-pdfkit')
	]);
	return { PDFDocument, SVGtoPDF };
}
