/**
 * Caches for public content that stay correct across processes: each entry remembers the
 * content version it was built from, and the version is re-read from the database at most once
 * per `maxStalenessMs`. After a write, readers see the change within that time.
 */
export class ContentVersion {
	private value: string | undefined;
	private readAt = 0;
	private pending: Promise<string> | undefined;

	/**
	 * @param patienceMs how long a reader that already has a version waits for a new read
	 *   before it takes the last one read; undefined: as long as the read takes. For the embedded
	 *   database, where a long import holds the only connection for its whole transaction (half
	 *   a minute for a million rows): cached pages are then served at the last version read, and
	 *   nothing the import writes is visible before it commits anyway. On PostgreSQL an import
	 *   does not hold up the read, and readers wait for it, so an approved change is seen at once.
	 */
	constructor(
		private readonly read: () => Promise<string>,
		private readonly maxStalenessMs = 1000,
		private readonly now: () => number = Date.now,
		private readonly patienceMs?: number
	) {}

	async current(): Promise<string> {
		if (this.value !== undefined && this.now() - this.readAt < this.maxStalenessMs)
			return this.value;
		this.pending ??= this.read()
			.then((value) => {
				this.value = value;
				this.readAt = this.now();
				return value;
			})
			.finally(() => {
				this.pending = undefined;
			});
		if (this.value === undefined || this.patienceMs === undefined) return this.pending;
		const known = this.value;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const patience = new Promise<string>((resolve) => {
			timer = setTimeout(() => resolve(known), this.patienceMs);
		});
		try {
			return await Promise.race([this.pending, patience]);
		} finally {
			clearTimeout(timer);
		}
	}
}

/** A bounded map that forgets the least recently used entry first. */
export class LruCache<V> {
	private readonly map = new Map<string, V>();
	constructor(private readonly capacity: number) {}

	get(key: string): V | undefined {
		const value = this.map.get(key);
		if (value === undefined) return undefined;
		this.map.delete(key);
		this.map.set(key, value);
		return value;
	}

	set(key: string, value: V): void {
		this.map.delete(key);
		this.map.set(key, value);
		if (this.map.size > this.capacity) {
			const oldest = this.map.keys().next().value;
			if (oldest !== undefined) this.map.delete(oldest);
		}
	}

	get size(): number {
		return this.map.size;
	}
}

/** Values computed from content, recomputed when the content version changes. */
export class VersionedCache<V> {
	private readonly entries: LruCache<{ version: string; value: Promise<V> }>;
	constructor(
		private readonly version: ContentVersion,
		capacity = 100
	) {
		this.entries = new LruCache(capacity);
	}

	async get(key: string, compute: () => Promise<V>): Promise<V> {
		const version = await this.version.current();
		const hit = this.entries.get(key);
		if (hit && hit.version === version) return hit.value;
		const value = compute();
		this.entries.set(key, { version, value });
		value.catch(() => {
			// Do not keep a failure: the next reader tries again.
			if (this.entries.get(key)?.value === value) this.entries.set(key, { version: '', value });
		});
		return value;
	}
}
