// The job search index each app instance keeps in memory, as offer search does: PostgreSQL's
// own lexemes with ts_rank's scores, every filter and count as bitsets or columns, and orders
// precomputed, so a search costs about a millisecond however many postings it hits. The
// database stays the truth: triggers number every change (migration 0018) and the index reads
// what changed since its version before it answers.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';
import type { Localized } from '../directory/schema.ts';
import {
	Bitset,
	BitsetPool,
	floats,
	ints,
	Lexicon,
	popcount,
	sharedIndex,
	Smallest,
	VersionedIndex,
	type TsQueryNode
} from '../text-index/index.ts';

/** What the index keeps of one posting for the result list. */
export interface IndexedPosting {
	id: string;
	slug: string;
	type: string;
	title: Localized;
	organization: string;
	city: string | null;
	remote: boolean;
	deadline: string | null;
	hoursPerWeek: number | null;
	englishFriendly: boolean;
	isDemo: boolean;
	/** `created_at::text`, as the database path prints it. */
	createdAt: string;
}

/** One search as the index runs it (see `searchOpportunities`). */
export interface PostingSearch {
	words: boolean;
	/** `to_tsquery('danish', text)` and `to_tsquery('english', text)`; null when empty. */
	text: [TsQueryNode | null, TsQueryNode | null];
	type: string[];
	field: string[];
	level: string[];
	englishFriendly: boolean;
	maxHours: number | undefined;
	/** Days since 1970-01-01 (UTC dates): deadlines on or after it. */
	deadlineFrom: number | undefined;
	area: string[];
	/** Open at this instant (milliseconds). */
	now: number;
	origin: { latitude: number; longitude: number } | null;
	/** Only postings within this many km of the origin, or remote. */
	km: number | undefined;
	order: 'rank' | 'newest' | 'deadline' | 'distance';
	offset: number;
	limit: number;
}

export interface PostingHit {
	posting: IndexedPosting;
	/** Kilometres from the origin (unrounded), when both are known. */
	km: number | null;
}

export interface PostingResults {
	total: number;
	types: Record<string, number>;
	fields: Record<string, number>;
	levels: Record<string, number>;
	items: PostingHit[];
}

/** km per degree of latitude: the database path's equirectangular distance uses the same. */
export const KM_PER_DEGREE = 111.195;
const NO_DEADLINE = 2 ** 31 - 1;
const DAY = 86_400_000;

/** Postings are read again one by one up to this share of the index; above it, all at once. */
const REBUILD_SHARE = 0.2;

const DIMENSIONS = ['type', 'field', 'level'] as const;
type Dimension = (typeof DIMENSIONS)[number];

export class PostingIndex extends VersionedIndex {
	areasVersion = -1;
	areas = new Map<string, { name: string; latitude: number; longitude: number }>();
	/** Per-version cache of what the database says about query texts. */
	readonly cache = new Map<string, unknown>();
	private postings: (IndexedPosting | null)[] = [];
	private slotOf = new Map<string, number>();
	private live = new Bitset(0);
	private liveCount = 0;
	private remote = new Bitset(0);
	private english = new Bitset(0);
	private byValue: Record<Dimension | 'area', Map<string, Bitset>> = {
		type: new Map(),
		field: new Map(),
		level: new Map(),
		area: new Map()
	};
	/** Each posting's kind, fields and levels as value numbers (CSR, as in the offer index). */
	private facetStart = ints();
	private facetValues = ints();
	private valueIds = new Map<string, number>();
	private valueNames: { dimension: Dimension; code: string }[] = [];
	/** Each value's dimension as a number: 0 kind, 1 field, 2 level. */
	private valueDimension = new Uint8Array(64);
	/** Columns per slot; -1 hours and NaN coordinates stand for none. */
	private hours = ints();
	private deadlineDay = ints();
	private latitude = floats();
	private longitude = floats();
	/** Microseconds since 1970, as the database keeps them. */
	private created = floats();
	private expires = floats();
	/** Slots newest first (ties by id) and each slot's place in that order; by deadline. */
	private newest: { slots: Int32Array; position: Int32Array } | null = null;
	private byDeadline: Int32Array | null = null;
	/** The postings open at one instant, kept while no posting expires in between. */
	private openCache: { from: number; until: number; bits: Bitset } | null = null;
	private pool = new BitsetPool();
	private lexicon = new Lexicon();

	get size(): number {
		return this.liveCount;
	}

	protected async currentVersion(db: Db): Promise<number> {
		const [state] = rowsOf<{ version: string }>(
			await db.execute(sql`select version from posting_index_state`)
		);
		if (!state) throw new Error('posting_index_state is empty: run the migrations');
		return Number(state.version);
	}

	protected async update(db: Db): Promise<void> {
		await db.transaction(
			async (tx) => {
				// One snapshot: the version, the list of changes and the rows agree.
				const [state] = rowsOf<{ version: string; areas_version: string }>(
					await tx.execute(sql`select version, areas_version from posting_index_state`)
				);
				const version = Number(state!.version);
				const areasVersion = Number(state!.areas_version);
				if (this.version < 0 || areasVersion !== this.areasVersion) {
					this.areas = await readAreas(tx);
					await this.rebuild(tx);
				} else {
					const changed = rowsOf<{ opportunity_id: string }>(
						await tx.execute(
							sql`select opportunity_id from posting_changes where version > ${this.version}`
						)
					).map((r) => r.opportunity_id);
					if (changed.length > Math.max(100, this.liveCount * REBUILD_SHARE))
						await this.rebuild(tx);
					else if (changed.length) await this.apply(tx, changed);
				}
				this.version = version;
				this.areasVersion = areasVersion;
				this.cache.clear();
			},
			{ isolationLevel: 'repeatable read' }
		);
	}

	private async rebuild(tx: Db) {
		this.postings = [];
		this.slotOf.clear();
		this.live = new Bitset(0);
		this.liveCount = 0;
		this.remote = new Bitset(0);
		this.english = new Bitset(0);
		for (const map of Object.values(this.byValue)) map.clear();
		this.facetStart = ints();
		this.facetValues = ints();
		this.valueIds.clear();
		this.valueNames = [];
		this.valueDimension = new Uint8Array(64);
		this.hours = ints();
		this.deadlineDay = ints();
		this.latitude = floats();
		this.longitude = floats();
		this.created = floats();
		this.expires = floats();
		this.lexicon.clear();
		for (const row of await readPostings(tx, null)) this.add(row);
		this.lexicon.sort();
	}

	private async apply(tx: Db, ids: string[]) {
		for (const id of ids) this.remove(id);
		for (const row of await readPostings(tx, ids)) this.add(row);
		// Old slots stay as dead entries in the lexicon; once they are many, start afresh.
		if (this.postings.length > 2 * this.liveCount + 1000) await this.rebuild(tx);
		else this.lexicon.sort();
	}

	private remove(id: string) {
		const slot = this.slotOf.get(id);
		if (slot === undefined) return;
		this.slotOf.delete(id);
		this.postings[slot] = null;
		this.live.clear(slot);
		this.liveCount--;
		this.changed();
	}

	private changed() {
		this.newest = null;
		this.byDeadline = null;
		this.openCache = null;
	}

	private add(row: PostingRow) {
		const slot = this.postings.length;
		const { posting } = row;
		this.postings.push(posting);
		this.slotOf.set(posting.id, slot);
		this.live.grow(slot + 1);
		this.live.set(slot);
		this.liveCount++;
		const mark = (bits: Bitset) => {
			bits.grow(slot + 1);
			bits.set(slot);
		};
		if (posting.remote) mark(this.remote);
		if (posting.englishFriendly) mark(this.english);
		// The counts read `facet_key` (type|fields|levels), as the database path groups by it.
		const [type = '', fields = '', levels = ''] = row.facetKey.split('|');
		if (this.facetStart.length === 0) this.facetStart.push(0);
		const values: [Dimension, string[]][] = [
			['type', [type]],
			['field', fields ? [...new Set(fields.split(','))] : []],
			['level', levels ? [...new Set(levels.split(','))] : []]
		];
		for (const [dimension, codes] of values)
			for (const code of codes) {
				const key = `${dimension}\u0000${code}`;
				let id = this.valueIds.get(key);
				if (id === undefined) {
					this.valueIds.set(key, (id = this.valueNames.length));
					this.valueNames.push({ dimension, code });
					if (id >= this.valueDimension.length) {
						const grown = new Uint8Array(this.valueDimension.length * 2);
						grown.set(this.valueDimension);
						this.valueDimension = grown;
					}
					this.valueDimension[id] = DIMENSIONS.indexOf(dimension);
				}
				this.facetValues.push(id);
				let bits = this.byValue[dimension].get(code);
				if (!bits) this.byValue[dimension].set(code, (bits = new Bitset(slot + 1)));
				mark(bits);
			}
		this.facetStart.push(this.facetValues.length);
		if (row.postalCode !== null) {
			let bits = this.byValue.area.get(row.postalCode);
			if (!bits) this.byValue.area.set(row.postalCode, (bits = new Bitset(slot + 1)));
			mark(bits);
		}
		this.hours.push(posting.hoursPerWeek ?? -1);
		this.deadlineDay.push(
			posting.deadline === null ? NO_DEADLINE : Date.parse(`${posting.deadline}T00:00:00Z`) / DAY
		);
		// Its own coordinates, else its postcode's centre: the database path's coalesce.
		const centre = row.postalCode === null ? undefined : this.areas.get(row.postalCode);
		this.latitude.push(row.latitude ?? centre?.latitude ?? NaN);
		this.longitude.push(row.longitude ?? centre?.longitude ?? NaN);
		this.created.push(row.createdMicros);
		this.expires.push(row.expiresMicros);
		this.lexicon.add(slot, row.vector);
		this.changed();
	}

	/** Slots newest first, ties by id (uuid order is the order of their hex text). */
	private newestOrder() {
		if (this.newest) return this.newest;
		const created = this.created.data;
		const slots: number[] = [];
		this.live.forEach((slot) => slots.push(slot));
		slots.sort((a, b) => {
			const d = created[b]! - created[a]!;
			if (d !== 0) return d;
			const ia = this.postings[a]!.id;
			const ib = this.postings[b]!.id;
			return ia < ib ? -1 : ia > ib ? 1 : 0;
		});
		const position = new Int32Array(this.postings.length);
		slots.forEach((slot, i) => (position[slot] = i));
		return (this.newest = { slots: Int32Array.from(slots), position });
	}

	/** Slots by deadline, soonest first, those without one last; then newest first. */
	private deadlineOrder(): Int32Array {
		if (this.byDeadline) return this.byDeadline;
		const { slots, position } = this.newestOrder();
		const day = this.deadlineDay.data;
		return (this.byDeadline = Int32Array.from(slots).sort(
			(a, b) => day[a]! - day[b]! || position[a]! - position[b]!
		));
	}

	/** The live postings open at an instant, from the cache while none expires in between. */
	private openAt(now: number): Bitset {
		const known = this.openCache;
		if (known && known.from <= now && now < known.until) return known.bits;
		const bits = new Bitset(this.postings.length);
		// Open while expires_at > now; the database keeps microseconds, the query milliseconds.
		const micros = now * 1000;
		const expires = this.expires.data;
		let from = -Infinity;
		let until = Infinity;
		this.live.forEach((slot) => {
			const at = expires[slot]!;
			if (at > micros) {
				bits.set(slot);
				until = Math.min(until, at / 1000);
			} else from = Math.max(from, at / 1000);
		});
		this.openCache = { from, until, bits };
		return bits;
	}

	private anyOf(map: Map<string, Bitset>, values: string[], capacity: number): Bitset {
		const bits = this.pool.take(capacity);
		for (const v of values) {
			const b = map.get(v);
			if (b) bits.or(b);
		}
		return bits;
	}

	search(q: PostingSearch): PostingResults {
		try {
			return this.run(q);
		} finally {
			this.lexicon.release();
		}
	}

	private run(q: PostingSearch): PostingResults {
		const capacity = this.postings.length;
		this.pool.reset();
		let textRank: Float32Array = new Float32Array(0);
		let textSize = 0;
		// The filters every count obeys.
		let base: Bitset;
		if (q.words) {
			const match = this.lexicon.match(q.text, [null, null], capacity, this.pool);
			base = match.hits;
			textRank = match.textRank;
			textSize = match.textSize;
			base.and(this.live);
		} else base = this.pool.take(capacity).assign(this.live);
		base.and(this.openAt(q.now));
		if (q.englishFriendly) base.and(this.english);
		if (q.area.length) base.and(this.anyOf(this.byValue.area, q.area, capacity));
		const hours = this.hours.data;
		const deadline = this.deadlineDay.data;
		const latitude = this.latitude.data;
		const longitude = this.longitude.data;
		const origin = q.origin;
		const cos2 = origin ? Math.cos((origin.latitude * Math.PI) / 180) ** 2 : 0;
		/** The squared distance in degrees of latitude, the database path's arithmetic; NaN without coordinates. */
		const d2 = (slot: number) => {
			const dy = latitude[slot]! - origin!.latitude;
			const dx = longitude[slot]! - origin!.longitude;
			return dy * dy + dx * dx * cos2;
		};
		const limit2 = origin && q.km !== undefined ? (q.km / KM_PER_DEGREE) ** 2 : null;
		const words = base.words;
		if (q.maxHours !== undefined || q.deadlineFrom !== undefined || limit2 !== null) {
			const maxHours = q.maxHours ?? Infinity;
			const byDeadline = q.deadlineFrom !== undefined;
			const from = q.deadlineFrom ?? -Infinity;
			const remote = this.remote.words;
			for (let i = 0; i < words.length; i++) {
				let word = words[i]!;
				let keep = word;
				while (word !== 0) {
					const low = word & -word;
					word ^= low;
					const slot = (i << 5) + 31 - Math.clz32(low);
					const h = hours[slot]!;
					if (
						h > maxHours ||
						(byDeadline && (deadline[slot] === NO_DEADLINE || deadline[slot]! < from)) ||
						(limit2 !== null && (remote[i]! & low) === 0 && !(d2(slot) <= limit2))
					)
						keep &= ~low;
				}
				words[i] = keep;
			}
		}

		// Each count ignores its own filter, so a reader sees what the other values hold: a
		// posting's values of one dimension are counted when it passes the other two filters.
		const byType = q.type.length ? this.anyOf(this.byValue.type, q.type, capacity).words : null;
		const byField = q.field.length ? this.anyOf(this.byValue.field, q.field, capacity).words : null;
		const byLevel = q.level.length ? this.anyOf(this.byValue.level, q.level, capacity).words : null;
		const counts = new Int32Array(this.valueNames.length);
		const dimensionOf = this.valueDimension;
		const facetStart = this.facetStart.data;
		const facetValues = this.facetValues.data;
		const hits = this.pool.take(capacity);
		const hitWords = hits.words;
		let total = 0;
		for (let i = 0; i < words.length; i++) {
			let word = words[i]!;
			if (word === 0) continue;
			const t = byType ? byType[i]! : -1;
			const f = byField ? byField[i]! : -1;
			const l = byLevel ? byLevel[i]! : -1;
			// The whole word at once for the hits; per posting only for the counts.
			hitWords[i] = word & t & f & l;
			total += popcount(hitWords[i]!);
			while (word !== 0) {
				const low = word & -word;
				word ^= low;
				const tOk = (t & low) !== 0 ? 1 : 0;
				const fOk = (f & low) !== 0 ? 1 : 0;
				const lOk = (l & low) !== 0 ? 1 : 0;
				// Bit d set: count this posting's values of dimension d (0 kind, 1 field, 2 level).
				const counted = (fOk & lOk) | ((tOk & lOk) << 1) | ((tOk & fOk) << 2);
				if (counted === 0) continue;
				const slot = (i << 5) + 31 - Math.clz32(low);
				for (let k = facetStart[slot]!, end = facetStart[slot + 1]!; k < end; k++) {
					const id = facetValues[k]!;
					if ((counted >> dimensionOf[id]!) & 1) counts[id]!++;
				}
			}
		}
		const facets = { type: {}, field: {}, level: {} } as Record<Dimension, Record<string, number>>;
		counts.forEach((n, id) => {
			if (n > 0) {
				const { dimension, code } = this.valueNames[id]!;
				facets[dimension][code] = n;
			}
		});

		const want = q.offset + q.limit;
		let chosen: number[];
		if (q.order === 'newest' || q.order === 'deadline') {
			chosen = [];
			const order = q.order === 'newest' ? this.newestOrder().slots : this.deadlineOrder();
			for (let k = 0; k < order.length && chosen.length < want; k++)
				if (hits.has(order[k]!)) chosen.push(order[k]!);
		} else {
			// Best first: rank descending, or squared distance ascending with none last; then newest.
			const position = this.newestOrder().position;
			const key =
				q.order === 'rank'
					? (slot: number) => -Math.fround(textRank[slot]! / textSize)
					: (slot: number) => {
							const d = d2(slot);
							return Number.isNaN(d) ? Infinity : d;
						};
			chosen = best(hits, want, key, position);
		}
		return {
			total,
			types: facets.type,
			fields: facets.field,
			levels: facets.level,
			items: chosen.slice(q.offset).map((slot) => {
				const d = origin ? d2(slot) : NaN;
				return {
					posting: this.postings[slot]!,
					km: Number.isNaN(d) ? null : KM_PER_DEGREE * Math.sqrt(d)
				};
			})
		};
	}
}

/** The `want` hits with the smallest keys, ties by position. */
function best(
	hits: Bitset,
	want: number,
	key: (slot: number) => number,
	position: Int32Array
): number[] {
	const page = new Smallest(Math.max(0, want));
	hits.forEach((slot) => page.add(slot, key(slot), 0, position[slot]!));
	return page.sorted();
}

interface PostingRow {
	posting: IndexedPosting;
	facetKey: string;
	postalCode: string | null;
	latitude: number | null;
	longitude: number | null;
	createdMicros: number;
	expiresMicros: number;
	vector: string;
}

async function readAreas(tx: Db) {
	const rows = rowsOf<{ postal_code: string; name: string; latitude: number; longitude: number }>(
		await tx.execute(sql`select postal_code, name, latitude, longitude from postal_areas`)
	);
	return new Map(
		rows.map((a) => [
			a.postal_code,
			{ name: a.name, latitude: Number(a.latitude), longitude: Number(a.longitude) }
		])
	);
}

/** The postings (all, or those with these ids), expired ones too: they expire while indexed. */
async function readPostings(tx: Db, ids: string[] | null): Promise<PostingRow[]> {
	const only = ids === null ? sql`` : sql`where o.id = any(${sql.param(ids)}::uuid[])`;
	const rows = rowsOf<{
		id: string;
		slug: string;
		type: string;
		title: Localized;
		organization: string;
		city: string | null;
		remote: boolean;
		deadline: string | null;
		hours_per_week: number | null;
		english_friendly: boolean;
		is_demo: boolean;
		created_at: string;
		created_micros: string;
		expires_micros: string;
		facet_key: string;
		postal_code: string | null;
		latitude: number | null;
		longitude: number | null;
		vector: string;
	}>(
		await tx.execute(sql`
			select o.id, o.slug, o.type, o.title, org.name as organization, o.city, o.remote,
				o.deadline::text as deadline, o.hours_per_week, o.english_friendly, o.is_demo,
				o.created_at::text as created_at,
				(extract(epoch from o.created_at) * 1000000)::bigint::text as created_micros,
				(extract(epoch from o.expires_at) * 1000000)::bigint::text as expires_micros,
				o.facet_key, o.postal_code, o.latitude, o.longitude, o.search_text::text as vector
			from opportunities o join organizations org on org.id = o.organization_id ${only}`)
	);
	return rows.map((r) => ({
		posting: {
			id: r.id,
			slug: r.slug,
			type: r.type,
			title: r.title,
			organization: r.organization,
			city: r.city,
			remote: r.remote,
			deadline: r.deadline,
			hoursPerWeek: r.hours_per_week,
			englishFriendly: r.english_friendly,
			isDemo: r.is_demo,
			createdAt: r.created_at
		},
		facetKey: r.facet_key,
		postalCode: r.postal_code,
		latitude: r.latitude === null ? null : Number(r.latitude),
		longitude: r.longitude === null ? null : Number(r.longitude),
		createdMicros: Number(r.created_micros),
		expiresMicros: Number(r.expires_micros),
		vector: r.vector
	}));
}

/** The database's job index, current as of this call. */
export const postingIndex = sharedIndex(() => new PostingIndex());
