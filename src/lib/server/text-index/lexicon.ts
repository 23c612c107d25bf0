import { Bitset, type BitsetPool } from './bitset.ts';
import { compareLexemes, entryScore, parseTsVector, terms, type TsQueryNode } from './tsquery.ts';

interface Postings {
	slots: number[];
	scores: number[];
}

/** The slots a query matches, with each slot's summed scores (see `Lexicon.match`). */
export interface TextMatch {
	hits: Bitset;
	/** Per slot: the sum of `entryScore` over the matched lexemes of the `text` trees. */
	textRank: Float32Array;
	/** The same for the `typed` trees. */
	typedRank: Float32Array;
	/** Distinct operands of each pair of trees: ts_rank divides the sum by this. */
	textSize: number;
	typedSize: number;
}

/**
 * PostgreSQL's lexemes of every slot (from `tsvector::text`) with ts_rank's score of each
 * precomputed, so a query (trees read from `to_tsquery(...)::text`) is matched and ranked as
 * ts_rank (calc_rank_or) does, without asking the database per document.
 */
export class Lexicon {
	private postings = new Map<string, Postings>();
	/** The lexemes in PostgreSQL's order, for prefix ranges; sorted again when new ones arrive. */
	private lexemes: string[] = [];
	private sorted = true;
	// Reused between searches (a search runs to its end without awaiting): no large allocation
	// per search for the garbage collector, and zero wherever the last match did not write.
	private textScratch = new Float32Array(0);
	private typedScratch = new Float32Array(0);
	private touched: number[][] = [];

	clear() {
		this.postings.clear();
		this.lexemes = [];
		this.sorted = true;
	}

	/** Adds a slot's document (`tsvector::text`); slots are added in increasing order. */
	add(slot: number, vector: string) {
		for (const entry of parseTsVector(vector)) {
			let list = this.postings.get(entry.lexeme);
			if (!list) {
				this.postings.set(entry.lexeme, (list = { slots: [], scores: [] }));
				this.lexemes.push(entry.lexeme);
				this.sorted = false;
			}
			list.slots.push(slot);
			list.scores.push(entryScore(entry.weights));
		}
	}

	/** Call after adding, before matching. */
	sort() {
		if (!this.sorted) {
			this.lexemes.sort(compareLexemes);
			this.sorted = true;
		}
	}

	/** The lexemes an operand matches: itself, or with `:*` every lexeme it starts. */
	private lexemesOf(lexeme: string, prefix: boolean): string[] {
		if (!prefix) return this.postings.has(lexeme) ? [lexeme] : [];
		const list = this.lexemes;
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (compareLexemes(list[mid]!, lexeme) < 0) lo = mid + 1;
			else hi = mid;
		}
		const found: string[] = [];
		for (let i = lo; i < list.length && list[i]!.startsWith(lexeme); i++) found.push(list[i]!);
		return found;
	}

	/**
	 * The slots matching `text[0] || text[1]` (to_tsquery in two configurations), with the sums
	 * ts_rank divides by the number of distinct operands; `typed` is ranked the same way and
	 * matches nothing of its own. Dead slots may be among the hits: the caller masks them.
	 * Call `release` when the search is done with the ranks.
	 */
	match(
		text: [TsQueryNode | null, TsQueryNode | null],
		typed: [TsQueryNode | null, TsQueryNode | null],
		capacity: number,
		pool: BitsetPool
	): TextMatch {
		if (this.textScratch.length < capacity) {
			this.textScratch = new Float32Array(capacity * 2);
			this.typedScratch = new Float32Array(capacity * 2);
		}
		const textRank = this.textScratch;
		const typedRank = this.typedScratch;
		// ts_rank sums over the query's distinct operands in PostgreSQL's order, each over the
		// lexemes it matches in the document's order; the same order here keeps float4 sums equal.
		const textItems = distinctItems([...terms(text[0]), ...terms(text[1])]);
		const typedItems = distinctItems([...terms(typed[0]), ...terms(typed[1])]);
		const all = [...new Map([...textItems, ...typedItems]).values()].sort((a, b) =>
			compareLexemes(a.lexeme, b.lexeme)
		);
		const itemBits = new Map<string, Bitset>();
		for (const item of all) {
			const bits = pool.take(capacity);
			const inText = textItems.has(item.lexeme);
			const inTyped = typedItems.has(item.lexeme);
			for (const lexeme of this.lexemesOf(item.lexeme, item.prefix)) {
				const list = this.postings.get(lexeme)!;
				const slots = list.slots;
				const scores = list.scores;
				this.touched.push(slots);
				for (let k = 0; k < slots.length; k++) {
					const slot = slots[k]!;
					bits.set(slot);
					if (inText) textRank[slot] = textRank[slot]! + scores[k]!;
					if (inTyped) typedRank[slot] = typedRank[slot]! + scores[k]!;
				}
			}
			itemBits.set(item.lexeme, bits);
		}
		const evaluate = (node: TsQueryNode | null): Bitset => {
			if (node === null) return pool.take(capacity);
			if (node.op === 'term') return pool.take(capacity).assign(itemBits.get(node.lexeme)!);
			const left = evaluate(node.left);
			return node.op === 'and' ? left.and(evaluate(node.right)) : left.or(evaluate(node.right));
		};
		return {
			hits: evaluate(text[0]).or(evaluate(text[1])),
			textRank,
			typedRank,
			textSize: textItems.size,
			typedSize: typedItems.size
		};
	}

	/** Zeroes what the last match wrote in the rank arrays. */
	release() {
		const textRank = this.textScratch;
		const typedRank = this.typedScratch;
		for (const slots of this.touched)
			for (let k = 0; k < slots.length; k++) {
				textRank[slots[k]!] = 0;
				typedRank[slots[k]!] = 0;
			}
		this.touched = [];
	}
}

/** A query's operands, each string once (as ts_rank counts them), keyed by lexeme. */
function distinctItems(items: { lexeme: string; prefix: boolean }[]) {
	const map = new Map<string, { lexeme: string; prefix: boolean }>();
	for (const item of items) if (!map.has(item.lexeme)) map.set(item.lexeme, item);
	return map;
}
