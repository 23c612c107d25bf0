// PostgreSQL's text forms of tsvector and tsquery, read in JavaScript, and the part of
// ts_rank (tsrank.c, calc_rank_or) that depends only on one lexeme of one document, so the
// offer index can rank exactly as `ts_rank` does without asking the database per offer.

/** A tsquery tree as PostgreSQL prints it, limited to what offer search writes. */
export type TsQueryNode =
	| { op: 'term'; lexeme: string; prefix: boolean }
	| { op: 'and' | 'or'; left: TsQueryNode; right: TsQueryNode };

/** A query shape the index does not evaluate (phrase, negation, weights): ask the database. */
export class UnsupportedTsQuery extends Error {}

/**
 * Reads `to_tsquery(...)::text`, e.g. `( 'lektiecafé':* | 'lektiecaf':* ) & 'matematik':*`.
 * An empty string (a query of stop words only) is null.
 */
export function parseTsQuery(text: string): TsQueryNode | null {
	let at = 0;
	const skip = () => {
		while (text[at] === ' ') at++;
	};
	const operand = (): TsQueryNode => {
		skip();
		if (text[at] === '(') {
			at++;
			const inner = or();
			skip();
			if (text[at] !== ')') throw new UnsupportedTsQuery(`expected ) at ${at} in ${text}`);
			at++;
			return inner;
		}
		if (text[at] !== "'")
			throw new UnsupportedTsQuery(`unexpected ${text[at]} at ${at} in ${text}`);
		at++;
		let lexeme = '';
		for (;;) {
			const c = text[at++];
			if (c === undefined) throw new UnsupportedTsQuery(`unterminated lexeme in ${text}`);
			// Quotes and backslashes inside a lexeme are doubled.
			if ((c === "'" || c === '\\') && text[at] === c) {
				lexeme += c;
				at++;
			} else if (c === "'") break;
			else lexeme += c;
		}
		let prefix = false;
		if (text[at] === ':') {
			at++;
			while (at < text.length && /[*A-Da-d]/.test(text[at]!)) {
				if (text[at] === '*') prefix = true;
				// A weight restriction changes both matching and ranking: not evaluated here.
				else throw new UnsupportedTsQuery(`weighted operand in ${text}`);
				at++;
			}
		}
		return { op: 'term', lexeme, prefix };
	};
	const and = (): TsQueryNode => {
		let node = operand();
		for (;;) {
			skip();
			if (text[at] === '&') {
				at++;
				node = { op: 'and', left: node, right: operand() };
			} else if (text[at] === '<' || text[at] === '!')
				throw new UnsupportedTsQuery(`phrase or negation in ${text}`);
			else return node;
		}
	};
	const or = (): TsQueryNode => {
		let node = and();
		for (;;) {
			skip();
			if (text[at] !== '|') return node;
			at++;
			node = { op: 'or', left: node, right: and() };
		}
	};
	skip();
	if (at >= text.length) return null;
	const tree = or();
	skip();
	if (at < text.length) throw new UnsupportedTsQuery(`trailing ${text.slice(at)} in ${text}`);
	return tree;
}

/** The operands of a query tree, left to right. */
export function terms(node: TsQueryNode | null): { lexeme: string; prefix: boolean }[] {
	if (node === null) return [];
	if (node.op === 'term') return [node];
	return [...terms(node.left), ...terms(node.right)];
}

/** One lexeme of a document: its positions' weights, 0 = D … 3 = A, in position order. */
export interface VectorEntry {
	lexeme: string;
	weights: number[];
}

const WEIGHT_CLASS: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/** Reads `tsvector::text`, e.g. `'netværk':1A 'søvn':3A,9B 'ung':5A`. */
export function parseTsVector(text: string): VectorEntry[] {
	const entries: VectorEntry[] = [];
	let at = 0;
	while (at < text.length) {
		while (text[at] === ' ') at++;
		if (at >= text.length) break;
		if (text[at] !== "'") throw new Error(`unexpected ${text[at]} at ${at} in tsvector`);
		at++;
		let lexeme = '';
		for (;;) {
			const c = text[at++];
			if (c === undefined) throw new Error('unterminated lexeme in tsvector');
			if ((c === "'" || c === '\\') && text[at] === c) {
				lexeme += c;
				at++;
			} else if (c === "'") break;
			else lexeme += c;
		}
		const weights: number[] = [];
		if (text[at] === ':') {
			at++;
			for (;;) {
				while (text[at]! >= '0' && text[at]! <= '9') at++;
				const letter = text[at];
				if (letter !== undefined && letter in WEIGHT_CLASS) {
					weights.push(WEIGHT_CLASS[letter]!);
					at++;
				} else weights.push(0);
				if (text[at] !== ',') break;
				at++;
			}
		}
		entries.push({ lexeme, weights });
	}
	return entries;
}

/** ts_rank's default weights for D, C, B and A. */
const DEFAULT_WEIGHTS = [0.1, 0.2, 0.4, 1.0].map(Math.fround);
/** A lexeme stored without positions ranks as one position of weight D. */
const NO_POSITIONS = [0];

/**
 * What one matching lexeme adds to `ts_rank` in calc_rank_or, before the sum over a query's
 * operands is divided by their number; in PostgreSQL's float4 steps, so ties stay ties.
 */
export function entryScore(weights: readonly number[]): number {
	const positions = weights.length ? weights : NO_POSITIONS;
	let resj = 0;
	let wjm = -1;
	let jm = 0;
	for (let j = 0; j < positions.length; j++) {
		const w = DEFAULT_WEIGHTS[positions[j]!]!;
		resj = Math.fround(resj + Math.fround(w / ((j + 1) * (j + 1))));
		if (w > wjm) {
			wjm = w;
			jm = j;
		}
	}
	return (
		Math.fround(Math.fround(wjm + resj) - Math.fround(wjm / ((jm + 1) * (jm + 1)))) / 1.64493406685
	);
}

/**
 * PostgreSQL orders lexemes (and de-duplicates query operands) by their bytes; for text in
 * UTF-8 that is code point order.
 */
export function compareLexemes(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const d = a.codePointAt(i)! - b.codePointAt(i)!;
		if (d !== 0) return d;
	}
	return a.length - b.length;
}
