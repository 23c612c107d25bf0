/** A set of slots (small integers), one bit each. */
export class Bitset {
	words: Uint32Array;
	constructor(capacity: number) {
		this.words = new Uint32Array(Math.ceil(capacity / 32) || 1);
	}
	grow(capacity: number) {
		const need = Math.ceil(capacity / 32);
		if (need <= this.words.length) return;
		const words = new Uint32Array(Math.max(need, this.words.length * 2));
		words.set(this.words);
		this.words = words;
	}
	set(slot: number) {
		this.words[slot >>> 5]! |= 1 << (slot & 31);
	}
	clear(slot: number) {
		this.words[slot >>> 5]! &= ~(1 << (slot & 31));
	}
	has(slot: number): boolean {
		return ((this.words[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0;
	}
	/** In place: this ∧ other (a missing word of the other is 0). */
	and(other: Bitset): this {
		const w = this.words;
		const o = other.words;
		for (let i = 0; i < w.length; i++) w[i] = w[i]! & (o[i] ?? 0);
		return this;
	}
	/** In place: this ∨ other, within this set's capacity (no slot lies beyond it). */
	or(other: Bitset): this {
		const w = this.words;
		const o = other.words;
		for (let i = 0, n = Math.min(w.length, o.length); i < n; i++) w[i] = w[i]! | o[i]!;
		return this;
	}
	/** Becomes a copy of `other` within this set's capacity. */
	assign(other: Bitset): this {
		const w = this.words;
		const o = other.words;
		if (o.length >= w.length) w.set(o.subarray(0, w.length));
		else {
			w.set(o);
			w.fill(0, o.length);
		}
		return this;
	}
	/** Calls `visit` with every slot in the set, in increasing order. */
	forEach(visit: (slot: number) => void) {
		const w = this.words;
		for (let i = 0; i < w.length; i++) {
			let word = w[i]!;
			while (word !== 0) {
				const low = word & -word;
				visit((i << 5) + 31 - Math.clz32(low));
				word ^= low;
			}
		}
	}
}

/** Set bits in a 32-bit word. */
export function popcount(x: number): number {
	x -= (x >>> 1) & 0x55555555;
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Sets a search borrows and gives back when it ends: a search runs to its end without
 * awaiting, so one pool per index serves every search, and none allocates its sets.
 */
export class BitsetPool {
	private sets: Bitset[] = [];
	private used = 0;
	/** Gives every set back; called as a search begins. */
	reset() {
		this.used = 0;
	}
	/** An empty set for this search only. */
	take(capacity: number): Bitset {
		const need = Math.ceil(capacity / 32) || 1;
		let bits = this.sets[this.used];
		if (!bits || bits.words.length !== need) this.sets[this.used] = bits = new Bitset(capacity);
		else bits.words.fill(0);
		this.used++;
		return bits;
	}
}

/** An append-only column of numbers (slots are only ever appended). */
export class Column<T extends Int32Array | Float64Array> {
	length = 0;
	constructor(
		public data: T,
		private readonly make: (n: number) => T
	) {}
	push(value: number) {
		if (this.length === this.data.length) {
			const data = this.make(this.data.length * 2 || 64);
			data.set(this.data);
			this.data = data;
		}
		this.data[this.length++] = value;
	}
}
export const ints = () => new Column(new Int32Array(64), (n) => new Int32Array(n));
export const floats = () => new Column(new Float64Array(64), (n) => new Float64Array(n));
