import JSONstat from 'jsonstat-toolkit';
import { tr } from '../problem-language.ts';
import { collectSource, decodeText, type ParsedFile } from './csv.ts';
import { parseGeography } from './geography.ts';
import type { ImportProblem, RawRow, RawSource } from './rows.ts';

export interface DimensionMapping {
	period?: string;
	geo?: string;
	/** The ContentsCode category to import when the dataset has several measures. */
	measure?: string;
}

/** Danmarks Statistik's "not published" markers; any other status is kept as provisional. */
const SUPPRESSED = new Set(['..', ':', '-', 'c', 'C']);

/**
 * A JSON-stat dataset (2.0) or bundle (1.x), as Danmarks Statistik's StatBank API returns with
 * `format=JSONSTAT`. The time dimension is the period, the OMRÅDE dimension (or the one whose
 * codes are geographies) the geography, the metric dimension picks the measure, and every other
 * dimension becomes a breakdown, named and valued by its labels.
 */
export function parseJsonStat(
	bytes: Uint8Array,
	mapping: DimensionMapping = {}
): Promise<ParsedFile> {
	return collectSource(jsonStatSource(bytes, mapping));
}

function failed(problems: ImportProblem[]): RawSource {
	return {
		decimal: '.',
		columnName: (field) => field,
		details: { format: 'JSON-stat' },
		problems,
		rows: [],
		emptyMessage: tr('the dataset has no values', 'datasættet har ingen værdier')
	};
}

/**
 * The most cells a dataset may declare (the product of its dimension sizes). The toolkit
 * allocates and walks every declared cell, so a 274-byte file declaring 100 million cells
 * would stall the server; two million is far above any indicator table in StatBank.
 */
export const MAX_JSONSTAT_CELLS = 2_000_000;

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** The datasets of a file, wherever the three shapes keep them, with where each is. */
function datasetsIn(json: Json): { where: string; size: unknown; value: unknown; node: Json }[] {
	if (json.class === 'dataset' || 'size' in json)
		return [{ where: 'dataset', size: json.size, value: json.value, node: json }];
	if (json.class === 'collection') {
		const items = isObject(json.link) && Array.isArray(json.link.item) ? json.link.item : [];
		return items.filter(isObject).map((item, i) => ({
			where: `link.item[${i}]`,
			size: item.size,
			value: item.value,
			node: item
		}));
	}
	// A 1.x bundle: each member is a dataset whose sizes are under `dimension`.
	return Object.entries(json)
		.filter(([, v]) => isObject(v) && isObject(v.dimension))
		.map(([name, v]) => ({
			where: `dataset "${name}"`,
			size: ((v as Json).dimension as Json).size,
			value: (v as Json).value,
			node: v as Json
		}));
}

type Toolkit = ReturnType<typeof JSONstat>;
type ToolkitDataset = Extract<Toolkit, { class: 'dataset' }>;

/**
 * The toolkit's dataset for a file. jsonstat-toolkit 2.2.2 begins reading `value` and `status`
 * with Object.entries(): for a million values, a million new pairs, about 0.3 s of work and a
 * second of garbage collection on the server's thread, for an array it then keeps as it is. So a
 * dense array that already has a value for every cell is set aside while the toolkit reads the
 * file (it gets an empty object, read as "no values" and counted from the sizes), and is given to
 * the dataset afterwards as its documented `value` or `status`.
 */
function toolkitDataset(json: Json): ToolkitDataset | null {
	const asideOf = datasetsIn(json).flatMap(({ node, size }) => {
		const cells = Array.isArray(size) ? (size as number[]).reduce((a, b) => a * b, 1) : -1;
		if (cells <= 1) return [];
		return (['value', 'status'] as const)
			.filter((key) => Array.isArray(node[key]) && (node[key] as unknown[]).length === cells)
			.map((key) => ({ node, key, array: node[key] as unknown[] }));
	});
	for (const { node, key } of asideOf) node[key] = {};
	let ds: Toolkit | null;
	try {
		const top = JSONstat(json);
		ds =
			top.class === 'dataset'
				? top
				: top.class === 'bundle' || top.class === 'collection'
					? top.Dataset(0)
					: null;
	} catch {
		// The toolkit throws on some malformed datasets (a bundle whose dataset has no
		// dimension ids); the caller reports "not a JSON-stat dataset".
		ds = null;
	} finally {
		for (const { node, key, array } of asideOf) node[key] = array;
	}
	// The toolkit read the file itself, or the first item of a collection or bundle (Dataset(0)).
	const read =
		json.class === 'dataset' || 'size' in json
			? json
			: json.class === 'collection'
				? ((json.link as Json | undefined)?.item as unknown[] | undefined)?.[0]
				: json[Object.keys(json)[0] ?? ''];
	if (ds?.class !== 'dataset') return null;
	for (const { node, key, array } of asideOf)
		if (node === read && array.length === ds.n) ds[key] = array as never;
	return ds;
}

/**
 * Checks what a file declares before anything is allocated for it: whole, positive sizes,
 * no more than MAX_JSONSTAT_CELLS cells, and as many values as cells (or, for values given
 * as an object, only positions inside the cube).
 */
export function declaredSizeProblems(json: unknown): ImportProblem[] {
	if (!isObject(json)) return [];
	const problems: ImportProblem[] = [];
	for (const { where, size, value } of datasetsIn(json)) {
		if (!Array.isArray(size) || size.length === 0) continue; // the toolkit reports a missing size
		if (!size.every((n) => Number.isSafeInteger(n) && (n as number) > 0)) {
			problems.push({
				where: `${where} size`,
				message: tr(
					`every dimension size must be a whole number above 0; the file says [${size.join(', ')}]`,
					`hver dimensions størrelse skal være et helt tal over 0; filen siger [${size.join(', ')}]`
				)
			});
			continue;
		}
		const cells = (size as number[]).reduce((a, b) => a * b, 1);
		if (cells > MAX_JSONSTAT_CELLS) {
			problems.push({
				where: `${where} size`,
				message: tr(
					`the sizes [${size.join(', ')}] declare ${cells.toLocaleString('en')} cells; at most ${MAX_JSONSTAT_CELLS.toLocaleString('en')} are allowed`,
					`størrelserne [${size.join(', ')}] giver ${cells.toLocaleString('da')} celler; højst ${MAX_JSONSTAT_CELLS.toLocaleString('da')} er tilladt`
				)
			});
			continue;
		}
		if (Array.isArray(value) && value.length !== cells)
			problems.push({
				where: `${where} value`,
				message: tr(
					`the sizes [${size.join(', ')}] declare ${cells} cells, but the file has ${value.length} values`,
					`størrelserne [${size.join(', ')}] giver ${cells} celler, men filen har ${value.length} værdier`
				)
			});
		else if (isObject(value)) {
			const outside = Object.keys(value).find((k) => !/^\d+$/.test(k) || Number(k) >= cells);
			if (outside !== undefined)
				problems.push({
					where: `${where} value`,
					message: tr(
						`position "${outside}" is outside the ${cells} cells the sizes [${size.join(', ')}] declare`,
						`position "${outside}" ligger uden for de ${cells} celler, som størrelserne [${size.join(', ')}] giver`
					)
				});
		}
	}
	return problems;
}

/** The cells of a JSON-stat dataset as rows, produced one at a time from the cube. */
export function jsonStatSource(bytes: Uint8Array, mapping: DimensionMapping = {}): RawSource {
	const read = readJson(bytes);
	return read.ok ? jsonStatSourceOf(read.json, mapping) : read.failed;
}

/** A file's JSON, or the source that reports why it is not JSON. */
export function readJson(
	bytes: Uint8Array
): { ok: true; json: unknown } | { ok: false; failed: RawSource } {
	try {
		return { ok: true, json: JSON.parse(decodeText(bytes).text) };
	} catch (error) {
		return {
			ok: false,
			failed: failed([
				{
					where: tr('file', 'fil'),
					message: tr(
						`not valid JSON: ${(error as Error).message}`,
						`ikke gyldig JSON: ${(error as Error).message}`
					)
				}
			])
		};
	}
}

/** The cells of an already parsed JSON-stat document (see `jsonStatSource`). */
export function jsonStatSourceOf(json: unknown, mapping: DimensionMapping = {}): RawSource {
	const sizeProblems = declaredSizeProblems(json);
	if (sizeProblems.length > 0) return failed(sizeProblems);
	const ds = isObject(json) ? toolkitDataset(json) : null;
	if (!ds || ds.class !== 'dataset' || !Array.isArray(ds.id) || ds.id.length === 0) {
		return failed([
			{
				where: tr('file', 'fil'),
				message: tr(
					'not a JSON-stat dataset or bundle (no dimensions found)',
					'ikke et JSON-stat-datasæt eller -bundt (ingen dimensioner fundet)'
				)
			}
		]);
	}
	const problems: { where: string; message: string }[] = [];
	const dims = ds.id;
	const role = ds.role ?? { time: null, geo: null, metric: null, classification: null };
	const pick = (
		wanted: string | undefined,
		fallback: () => string | undefined,
		what: string
	): string | undefined => {
		if (wanted !== undefined) {
			if (!dims.includes(wanted))
				problems.push({
					where: tr('dimension', 'dimension'),
					message: tr(
						`the mapping names dimension "${wanted}" for ${what}, but the dataset has ${dims.join(', ')}`,
						`kortlægningen peger på dimensionen "${wanted}" for ${what === 'the period' ? 'perioden' : 'området'}, men datasættet har ${dims.join(', ')}`
					)
				});
			return wanted;
		}
		return fallback();
	};
	const timeDim = pick(
		mapping.period,
		() => role.time?.[0] ?? dims.find((d) => /^(tid|time|år)$/i.test(d)),
		'the period'
	);
	const geoDim = pick(
		mapping.geo,
		() =>
			role.geo?.[0] ??
			dims.find((d) => /^OMR/i.test(d)) ??
			dims.find(
				(d) => d !== timeDim && (ds.Dimension(d)?.id ?? []).every((c) => parseGeography(c).ok)
			),
		'the geography'
	);
	const metricDim = role.metric?.[0] ?? dims.find((d) => d === 'ContentsCode');
	if (!timeDim)
		problems.push({
			where: 'dimension',
			message: tr(
				'no time dimension (role.time); name it with --map {"period": "TID"}',
				'ingen tidsdimension (role.time); angiv den med --map {"period": "TID"}'
			)
		});
	if (!geoDim)
		problems.push({
			where: 'dimension',
			message: tr(
				'no geography dimension (OMRÅDE); name it with --map {"geo": "OMRÅDE"}',
				'ingen områdedimension (OMRÅDE); angiv den med --map {"geo": "OMRÅDE"}'
			)
		});

	let measureIndex: number | undefined;
	if (metricDim) {
		const measures = ds.Dimension(metricDim)?.id ?? [];
		if (mapping.measure !== undefined) {
			measureIndex = measures.indexOf(mapping.measure);
			if (measureIndex < 0)
				problems.push({
					where: `dimension ${metricDim}`,
					message: tr(
						`no measure "${mapping.measure}"; the dataset has ${measures.join(', ')}`,
						`intet mål "${mapping.measure}"; datasættet har ${measures.join(', ')}`
					)
				});
		} else if (measures.length > 1) {
			problems.push({
				where: `dimension ${metricDim}`,
				message: tr(
					`the dataset has ${measures.length} measures (${measures.join(', ')}): choose one with --measure`,
					`datasættet har ${measures.length} mål (${measures.join(', ')}): vælg ét med --measure`
				)
			});
		} else measureIndex = 0;
	}
	if (problems.length > 0 || !timeDim || !geoDim) return failed(problems);

	const breakdownDims = dims.filter((d) => d !== timeDim && d !== geoDim && d !== metricDim);
	// Look each dimension up once: the toolkit builds a new object on every Dimension() call.
	const info = dims.map((d) => {
		const dimension = ds.Dimension(d)!;
		return {
			id: d,
			label: dimension.label ?? d,
			categories: dimension.id,
			labels: dimension.id.map((c) => dimension.Category(c)?.label ?? c)
		};
	});
	const at = (d: string) => dims.indexOf(d);
	const timeAt = at(timeDim);
	const geoAt = at(geoDim);
	const metricAt = metricDim ? at(metricDim) : -1;
	const breakdownAt = breakdownDims.map(at);
	const columnName = (field: 'period' | 'geo' | 'value' | 'flags') =>
		`dimension ${field === 'period' ? timeDim : field === 'geo' ? geoDim : 'value'}`;
	const sizes = ds.size;
	function* rows(): Generator<RawRow> {
		const coords = new Array<number>(dims.length).fill(0);
		for (let i = 0; i < ds!.n; i++) {
			// Row-major position of cell i in the cube.
			let rest = i;
			for (let d = dims.length - 1; d >= 0; d--) {
				coords[d] = rest % sizes[d]!;
				rest = Math.floor(rest / sizes[d]!);
			}
			if (metricAt >= 0 && coords[metricAt] !== measureIndex) continue;
			const cell = ds!.Data(i) ?? { value: null, status: null };
			const status = cell.status ?? '';
			// An empty cell without a status is no observation (the cube is dense); ".." is one that is not published.
			if (cell.value === null && status === '') continue;
			const suppressed = cell.value === null || SUPPRESSED.has(status);
			const category = (k: number) => info[k]!.categories[coords[k]!]!;
			yield {
				where: `value[${i}] (${info.map((d, k) => `${d.id}=${category(k)}`).join(', ')})`,
				period: category(timeAt),
				geo: category(geoAt),
				value: suppressed ? null : cell.value,
				flags: suppressed ? 'suppressed' : status ? 'provisional' : undefined,
				breakdowns: Object.fromEntries(
					breakdownAt.map((k) => [info[k]!.label, info[k]!.labels[coords[k]!]!])
				)
			};
		}
	}
	return {
		decimal: '.',
		columnName,
		details: { format: 'JSON-stat', dimensions: dims.join(', ') },
		problems: [],
		rows: rows(),
		emptyMessage: tr('the dataset has no values', 'datasættet har ingen værdier')
	};
}
