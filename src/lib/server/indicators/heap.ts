import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps a long write from growing the heap. V8 collects its old generation late once a process
 * has had a large heap (after a million-row import, say): rows of a download that lived a little
 * too long then piled up as garbage to 600 MB, and the collection that finally came paused the
 * server for 1.8 s. `step()` collects whenever the heap has grown by `slackBytes` since the
 * write began or since the last collection; in a process whose heap is small V8 collects first
 * and this never runs. The collector is V8's own, reached the way Jest's leak detector does.
 */
export class HeapCeiling {
	private floor = getHeapStatistics().used_heap_size;
	collections = 0;

	constructor(private readonly slackBytes = 64 * 2 ** 20) {}

	step(): void {
		if (getHeapStatistics().used_heap_size - this.floor < this.slackBytes) return;
		collectGarbage();
		this.collections++;
		this.floor = getHeapStatistics().used_heap_size;
	}
}

let collector: (() => void) | undefined;

/** A full collection by V8's own collector. */
export function collectGarbage(): void {
	if (!collector) {
		setFlagsFromString('--expose-gc');
		collector = runInNewContext('gc') as () => void;
	}
	collector();
}
