// A stand-in for Statistics Denmark's StatBank API in tests: answers `POST /v1/tableinfo` and
// `POST /v1/data` (format JSONSTAT) in the shapes the API documents, for one invented table,
// and misbehaves on request. Never used by the app itself.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface StubVariable {
	id: string;
	text: string;
	time?: boolean;
	values: { id: string; text: string }[];
}

interface StubTable {
	id: string;
	text: string;
	unit: string;
	/** StatBank's "last updated", Danish time without an offset. */
	updated: string;
	variables: StubVariable[];
}

/** A variable and its values, each a code and its text, in StatBank's order. */
function variable(id: string, text: string, values: [string, string][]): StubVariable {
	return { id, text, values: values.map(([code, label]) => ({ id: code, text: label })) };
}

const YEARS = ['2021', '2022', '2023', '2024'].map((y): [string, string] => [y, y]);

/** An invented table (not a real StatBank id): dropout by area, sex and year, in per cent. */
export function stubDropoutTable(): StubTable {
	return {
		id: 'TESTFRAFALD',
		text: 'Frafald (testtabel) efter område, køn og tid',
		unit: 'Pct.',
		updated: '2026-02-12T08:00:00',
		variables: [
			variable('OMRÅDE', 'område', [
				['000', 'Hele landet'],
				['851', 'Aalborg'],
				['101', 'København']
			]),
			variable('KØN', 'køn', [
				['TOT', 'I alt'],
				['M', 'Mænd'],
				['K', 'Kvinder']
			]),
			variable('ContentsCode', 'indhold', [['FRAFALDPCT', 'Frafald (pct.)']]),
			{ ...variable('Tid', 'tid', YEARS), time: true }
		]
	};
}

export interface StubStatbank {
	/** DST_API_URL for the stand-in. */
	url: string;
	tables: Map<string, StubTable>;
	/** Each request: the path and the posted body. */
	requests: { path: string; body: Record<string, unknown> }[];
	/** `busy` answers 429, `slow` answers after 5 s, `garbage` answers JSON-stat with no values. */
	mode: 'busy' | 'slow' | 'garbage' | undefined;
	/** A value the data call returns, by area, sex and year, so a test can change one. */
	value(area: string, sex: string, year: string): number;
	close(): Promise<void>;
}

export async function startStubStatbank(): Promise<StubStatbank> {
	const tables = new Map([[stubDropoutTable().id, stubDropoutTable()]]);
	const requests: StubStatbank['requests'] = [];
	const stub: StubStatbank = {
		url: '',
		tables,
		requests,
		mode: undefined,
		value: (area, sex, year) =>
			Math.round(
				(10 +
					Number(area) / 100 +
					(sex === 'K' ? -1 : sex === 'M' ? 1 : 0) -
					(Number(year) - 2021) * 0.4) *
					10
			) / 10,
		close: async () => undefined
	};
	const server = createServer((request, response) => {
		let raw = '';
		request.on('data', (c: Buffer) => (raw += c.toString()));
		request.on('end', () => {
			const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
				response.writeHead(status, {
					'content-type': 'application/json; charset=utf-8',
					...headers
				});
				response.end(JSON.stringify(body));
			};
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse(raw || '{}') as Record<string, unknown>;
			} catch {
				return send(400, {
					errorTypeCode: 'REQUEST-ERROR',
					message: 'Forespørgslen er ikke gyldig JSON'
				});
			}
			const path = new URL(request.url ?? '/', 'http://stub').pathname;
			requests.push({ path, body });
			if (stub.mode === 'busy')
				return send(429, { message: 'Too many requests' }, { 'retry-after': '60' });
			if (stub.mode === 'slow') {
				const timer = setTimeout(() => send(200, {}), 5000);
				response.on('close', () => clearTimeout(timer));
				return;
			}
			const table = tables.get(String(body.table ?? '').toUpperCase());
			if (!table)
				return send(400, {
					errorTypeCode: 'TABLE-NOTFOUND',
					message: `Tabellen "${String(body.table)}" findes ikke.`
				});
			if (path === '/v1/tableinfo') return send(200, tableInfo(table));
			if (path === '/v1/data') {
				if (stub.mode === 'garbage') return send(200, { dataset: { dimension: {}, value: [] } });
				return send(200, dataset(table, body, stub.value));
			}
			send(404, { message: 'Ukendt funktion' });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	stub.close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return stub;
}

/** The table information, with the fields StatBank's tableinfo gives. */
function tableInfo(table: StubTable) {
	return {
		id: table.id,
		text: table.text,
		description: table.text,
		unit: table.unit,
		suppressedDataValue: '0',
		updated: table.updated,
		active: true,
		contacts: [],
		documentation: null,
		footnote: null,
		variables: table.variables.map((v) => ({
			id: v.id,
			text: v.text,
			elimination: !v.time && v.id !== 'ContentsCode',
			time: v.time ?? false,
			values: v.values
		}))
	};
}

/** A JSON-stat 1.0 bundle for the selection, as the data call with `format: JSONSTAT` gives. */
function dataset(table: StubTable, body: Record<string, unknown>, value: StubStatbank['value']) {
	const asked = new Map(
		((body.variables ?? []) as { code: string; values: string[] }[]).map((v) => [
			v.code.toUpperCase(),
			v.values
		])
	);
	const chosen = table.variables.map((v) => {
		const wanted = asked.get(v.id.toUpperCase());
		const values =
			!wanted || wanted.includes('*')
				? v.id === 'KØN' && !wanted
					? v.values.slice(0, 1)
					: v.values
				: v.values.filter((x) => wanted.includes(x.id));
		return { ...v, values };
	});
	const dimension: Record<string, unknown> = {};
	for (const v of chosen)
		dimension[v.id] = {
			label: v.text,
			category: {
				index: Object.fromEntries(v.values.map((x, i) => [x.id, i])),
				label: Object.fromEntries(v.values.map((x) => [x.id, x.text]))
			}
		};
	const values: number[] = [];
	const [areas, sexes, , years] = chosen;
	for (const a of areas!.values)
		for (const s of sexes!.values)
			for (const y of years!.values) values.push(value(a.id, s.id, y.id));
	return {
		dataset: {
			dimension: {
				...dimension,
				id: chosen.map((v) => v.id),
				size: chosen.map((v) => v.values.length),
				role: { metric: ['ContentsCode'], time: ['Tid'], geo: ['OMRÅDE'] }
			},
			label: table.text,
			source: 'Danmarks Statistik',
			updated: table.updated,
			value: values
		}
	};
}
