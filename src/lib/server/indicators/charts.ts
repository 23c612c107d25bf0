import { echarts } from '../lazy-modules.ts';

/**
 * Charts drawn on the server as SVG with Apache ECharts, so they show without JavaScript. Every
 * chart is paired on the page with a data table holding the same numbers.
 */
export interface ChartSeries {
	name: string;
	points: { period: string; value: number | null }[];
	/** Drawn thicker: the municipality's own series. */
	emphasis?: boolean;
	/** Drawn dotted: a comparison group's median or mean, not a place. */
	dotted?: boolean;
	/** A shorter name for the legend, when `name` is long (the table and caption use `name`). */
	legend?: string;
}

const COLORS = ['#0059b3', '#1a1a1a', '#a0522d', '#008139', '#7a2e8e', '#b35900', '#00707a'];

export async function lineChartSvg(options: {
	periods: string[];
	series: ChartSeries[];
	unit: string;
	width?: number;
	height?: number;
	/** For a narrow screen: legend in rows above the plot, tight margins, fewer period labels. */
	compact?: boolean;
	/** The reader's language: the value axis writes its numbers as it does (7,5 in Danish). */
	locale?: 'da' | 'en';
}): Promise<string> {
	const { periods, series, unit, width = 720, height = 360, compact = false } = options;
	const numbers = new Intl.NumberFormat(options.locale === 'en' ? 'en-GB' : 'da-DK', {
		maximumFractionDigits: 2
	});
	// About two legend entries a row when compact; wide, as many as fit (about 7 px a character,
	// 45 px for the symbol and the gap). Each row is 24 px.
	const legendRows = Math.max(
		compact ? Math.ceil(series.length / 2) : 1,
		Math.ceil(
			series.reduce((sum, s) => sum + (s.legend ?? s.name).length * 7 + 45, 0) / (width - 16)
		)
	);
	const chart = (await echarts()).init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({
			animation: false,
			color: COLORS,
			textStyle: { fontFamily: 'IBM Plex Sans, Arial, sans-serif', fontSize: 14, color: '#1a1a1a' },
			grid: compact
				? { left: 4, right: 12, top: 24 * legendRows + 32, bottom: 8, containLabel: true }
				: { left: 56, right: 24, top: 24 * legendRows + 32, bottom: 40 },
			legend: compact
				? { top: 4, left: 4, right: 4, itemGap: 12, itemWidth: 20 }
				: { top: 8, left: 8, itemGap: 16 },
			xAxis: {
				type: 'category',
				data: periods,
				axisLabel: { color: '#1a1a1a', hideOverlap: true }
			},
			yAxis: {
				type: 'value',
				name: unit,
				scale: true,
				axisLabel: { color: '#1a1a1a', formatter: (value: number) => numbers.format(value) }
			},
			series: series.map((s, i) => ({
				name: s.legend ?? s.name,
				type: 'line',
				connectNulls: false,
				symbol: ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'][i % 7],
				symbolSize: s.emphasis ? 8 : 6,
				lineStyle: {
					width: s.emphasis ? 3 : 2,
					type: s.dotted ? 'dotted' : i === 1 ? 'dashed' : 'solid'
				},
				data: periods.map((p) => s.points.find((x) => x.period === p)?.value ?? null)
			}))
		});
		return withoutStyleAttributes(chart.renderToSVGString());
	} finally {
		chart.dispose();
	}
}

/** A small trend line without axes, for the overview. */
export async function sparklineSvg(
	points: { period: string; value: number | null }[],
	width = 160,
	height = 40
): Promise<string> {
	const chart = (await echarts()).init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({
			animation: false,
			grid: { left: 2, right: 2, top: 4, bottom: 4 },
			xAxis: { type: 'category', show: false, data: points.map((p) => p.period) },
			yAxis: { type: 'value', show: false, scale: true },
			series: [
				{
					type: 'line',
					data: points.map((p) => p.value),
					symbol: 'none',
					lineStyle: { width: 2, color: '#0059b3' }
				}
			]
		});
		return withoutStyleAttributes(chart.renderToSVGString());
	} finally {
		chart.dispose();
	}
}

/**
 * ECharts writes fonts as style attributes (and hover effects as a <style> block), which the Content-Security-Policy (style-src 'self')
 * blocks; SVG presentation attributes say the same and are allowed.
 */
export function withoutStyleAttributes(svg: string): string {
	// The <style> block only holds hover effects, which need JavaScript anyway.
	return svg
		.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
		.replace(/ style="([^"]*)"/g, (_all, css: string) =>
			css
				.split(';')
				.map((rule) => rule.split(':'))
				.filter(([name, value]) => name && value && /^[a-z-]+$/.test(name.trim()))
				.map(([name, value]) => ` ${name!.trim()}="${value!.trim()}"`)
				.join('')
		);
}
