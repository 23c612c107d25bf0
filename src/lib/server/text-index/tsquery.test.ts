import { describe, expect, it } from 'vitest';
import { entryScore, parseTsQuery, parseTsVector, UnsupportedTsQuery } from './tsquery.ts';

describe('PostgreSQL text search forms read in JavaScript', () => {
	it('reads to_tsquery output with prefixes, AND, OR and parentheses', () => {
		expect(parseTsQuery("( 'lektiecafé':* | 'lektiecaf':* ) & 'matematik':*")).toEqual({
			op: 'and',
			left: {
				op: 'or',
				left: { op: 'term', lexeme: 'lektiecafé', prefix: true },
				right: { op: 'term', lexeme: 'lektiecaf', prefix: true }
			},
			right: { op: 'term', lexeme: 'matematik', prefix: true }
		});
		expect(parseTsQuery('')).toBeNull();
		expect(parseTsQuery("'it''s'")).toEqual({ op: 'term', lexeme: "it's", prefix: false });
	});
	it('refuses phrase, negation and weights, which go to the database instead', () => {
		for (const text of ["'13' <-> 'årig'", "!'stress'", "'stress':*A"])
			expect(() => parseTsQuery(text)).toThrow(UnsupportedTsQuery);
	});
	it('reads a tsvector with weights and positions', () => {
		expect(parseTsVector("'netværk':1A 'søvn':3A,9B 'ung':5")).toEqual([
			{ lexeme: 'netværk', weights: [3] },
			{ lexeme: 'søvn', weights: [3, 2] },
			{ lexeme: 'ung', weights: [0] }
		]);
	});
	it('scores a lexeme as ts_rank does (values printed by PostgreSQL 15)', () => {
		// ts_rank('a:1A,3B b:2B c:5', 'a:*') = 0.66871977
		expect(Math.fround(entryScore([3, 2]))).toBe(Math.fround(0.66871977));
		// ts_rank('a:1A,3B b:2B c:5', 'a:* | b | zz') = 0.30396354: (a + b) / 3 operands
		expect(Math.fround(Math.fround(entryScore([3, 2]) + entryScore([2])) / 3)).toBe(
			Math.fround(0.30396354)
		);
	});
});
