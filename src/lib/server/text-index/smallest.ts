/**
 * The `want` entries with the smallest keys (first, then second, then third), kept in a binary
 * heap with the largest on top: a search's best page out of many hits. Typed arrays, so no
 * number is boxed for the garbage collector, and most entries are turned away by one test.
 */
export class Smallest {
	private readonly slots: Int32Array;
	private readonly first: Float64Array;
	private readonly second: Float64Array;
	private readonly third: Float64Array;
	private size = 0;

	constructor(private readonly want: number) {
		this.slots = new Int32Array(want);
		this.first = new Float64Array(want);
		this.second = new Float64Array(want);
		this.third = new Float64Array(want);
	}

	/** Whether entry i sorts after entry j. */
	private after(i: number, j: number): boolean {
		const f = this.first;
		const s = this.second;
		if (f[i] !== f[j]) return f[i]! > f[j]!;
		if (s[i] !== s[j]) return s[i]! > s[j]!;
		return this.third[i]! > this.third[j]!;
	}

	private swap(i: number, j: number) {
		const { slots, first, second, third } = this;
		const slot = slots[i]!;
		slots[i] = slots[j]!;
		slots[j] = slot;
		const f = first[i]!;
		first[i] = first[j]!;
		first[j] = f;
		const s = second[i]!;
		second[i] = second[j]!;
		second[j] = s;
		const t = third[i]!;
		third[i] = third[j]!;
		third[j] = t;
	}

	add(slot: number, first: number, second: number, third: number) {
		if (this.want === 0) return;
		if (this.size === this.want) {
			const f = this.first[0]!;
			const s = this.second[0]!;
			if (first > f || (first === f && (second > s || (second === s && third > this.third[0]!))))
				return;
			this.slots[0] = slot;
			this.first[0] = first;
			this.second[0] = second;
			this.third[0] = third;
			for (let h = 0; ;) {
				const left = 2 * h + 1;
				const right = left + 1;
				let top = h;
				if (left < this.size && this.after(left, top)) top = left;
				if (right < this.size && this.after(right, top)) top = right;
				if (top === h) break;
				this.swap(h, top);
				h = top;
			}
		} else {
			const i = this.size++;
			this.slots[i] = slot;
			this.first[i] = first;
			this.second[i] = second;
			this.third[i] = third;
			for (let h = i; h > 0;) {
				const parent = (h - 1) >> 1;
				if (!this.after(h, parent)) break;
				this.swap(h, parent);
				h = parent;
			}
		}
	}

	/** The slots kept, smallest first. */
	sorted(): number[] {
		return Array.from({ length: this.size }, (_, i) => i)
			.sort((a, b) => (this.after(a, b) ? 1 : -1))
			.map((i) => this.slots[i]!);
	}
}
