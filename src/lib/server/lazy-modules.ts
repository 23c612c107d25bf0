// Libraries only a few actions use, loaded when first needed rather than with the module that
// names them: every process (the server, each command of the CLI) imports the domains, and these
// took 1.5 s of each start (ECharts 0.6 s, better-auth 0.4 s, ExcelJS 0.3 s, PDFKit 0.2 s) on
// 2 cores.

/** Apache ECharts: the charts drawn as SVG (the server warms it at start, see app.ts). */
export const echarts = () => import('echarts');

/** better-auth and the parts of it we use: sign-in, set up by the server (accounts/auth.ts). */
export async function betterAuth() {
	const [{ betterAuth }, { drizzleAdapter }, { genericOAuth, twoFactor }] = await Promise.all([
		import('better-auth'),
		import('better-auth/adapters/drizzle'),
		import('better-auth/plugins')
	]);
	return { betterAuth, drizzleAdapter, genericOAuth, twoFactor };
}

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
