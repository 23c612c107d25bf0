import { expect, it } from 'vitest';
import { collectGarbage, HeapCeiling } from './heap.ts';

it('HeapCeiling collects once the heap has grown by its slack, and not before', () => {
	// The floor is measured on a collected heap: garbage left by earlier tests in this worker would
	// otherwise count in the floor, and V8 could collect it while the arrays below are made, so the
	// heap would grow by less than it holds (CI saw this once).
	collectGarbage();
	const ceiling = new HeapCeiling(32 * 2 ** 20);
	ceiling.step();
	expect(ceiling.collections).toBe(0);
	// 64 MB that V8 has no reason to collect yet: arrays of a megabyte each, held, then let go.
	let held: number[][] = [];
	for (let i = 0; i < 64; i++) held.push(new Array<number>(2 ** 17).fill(i));
	ceiling.step();
	expect(ceiling.collections).toBe(1);
	held = [];
	expect(held).toHaveLength(0);
	ceiling.step();
	expect(ceiling.collections).toBe(1);
});
