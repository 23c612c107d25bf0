// The offer search index each app instance keeps in memory: PostgreSQL's own lexemes (the
// `danish` and `english` configurations) with ts_rank's scores precomputed, and every filter
// and facet as a bitset, so a search costs about a millisecond however many offers it hits.
// The database stays the truth: triggers number every change (migration 0017) and the index
// reads what changed since its version before it answers.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';
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
import { danishSortKey, englishSortKey } from './sort-key.ts';

interface Place {
	name: string;
	postalCode: string;
	city: string;
	latitude: number | null;
	longitude: number | null;
}

interface Schedule {
	/** Bit 0 = Monday … bit 6 = Sunday. */
	days: number;
	/** Seconds after local midnight. */
	opens: number;
	closes: number;
	validFrom: number | null;
	validTo: number | null;
}

/** What the index keeps of one offer, for filters, ranking and the result list. */
export interface IndexedOffer {
	id: string;
	slug: string;
	name: { da: string; en?: string };
	organization: string;
	categories: string[];
	audiences: string[];
	languages: string[];
	postalCodes: string[];
	url: string | null;
	isDemo: boolean;
	isFree: boolean;
	minimumAge: number | null;
	maximumAge: number | null;
	/** `offers.search_folded`: names folded for the "name starts with the query" bonus. */
	folded: string;
	/** Ordered by name, as the nearest-place choice breaks ties. */
	places: Place[];
	schedules: Schedule[];
}

export interface Vocabulary {
	synonyms: Map<string, string[]>;
	categories: { code: string; da: string; en: string | null }[];
	postalAreas: Map<string, { name: string; latitude: number; longitude: number }>;
}

/** One search as the index runs it: trees from to_tsquery, filters, order and page. */
export interface IndexSearch {
	words: boolean;
	/** `to_tsquery('danish', text)` and `to_tsquery('english', text)`; null when empty. */
	text: [TsQueryNode | null, TsQueryNode | null];
	/** The same for the words as typed (ranked above synonyms and corrections). */
	typed: [TsQueryNode | null, TsQueryNode | null];
	namedCategories: string[];
	prefix: string;
	category: string[];
	audience: string[];
	lang: string[];
	free: boolean;
	age: number | undefined;
	area: string[];
	/** Weekday (0 = Monday) and seconds after midnight in Copenhagen, and the instant, for "open now". */
	openAt: { day: number; seconds: number; time: number } | null;
	origin: { latitude: number; longitude: number } | null;
	byDistance: boolean;
	locale: 'da' | 'en';
	offset: number;
	limit: number;
}

export interface IndexHit {
	offer: IndexedOffer;
	place: Place | null;
	km: number | null;
}

export interface IndexResults {
	total: number;
	facets: {
		category: Record<string, number>;
		audience: Record<string, number>;
		language: Record<string, number>;
		area: Record<string, number>;
	};
	items: IndexHit[];
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const seconds = (time: string) => {
	const [h, m, s] = time.split(':').map(Number);
	return h! * 3600 + m! * 60 + (s ?? 0);
};

const RAD = Math.PI / 180;

/**
 * Great-circle distance in km (haversine), the same formula and steps as the database path;
 * the cosines of the two latitudes may be given, as computed here.
 */
function kilometres(
	origin: { latitude: number; longitude: number },
	latitude: number,
	longitude: number,
	cosOrigin = Math.cos(origin.latitude * RAD),
	cosLatitude = Math.cos(latitude * RAD)
) {
	return (
		2 *
		6371 *
		Math.asin(
			Math.sqrt(
				Math.pow(Math.sin(((latitude - origin.latitude) * RAD) / 2), 2) +
					cosOrigin *
						cosLatitude *
						Math.pow(Math.sin(((longitude - origin.longitude) * RAD) / 2), 2)
			)
		)
	);
}

/** Offers are read again one by one up to this share of the index; above it, all at once. */
const REBUILD_SHARE = 0.2;

export class OfferIndex extends VersionedIndex {
	vocabularyVersion = -1;
	vocabulary: Vocabulary = { synonyms: new Map(), categories: [], postalAreas: new Map() };
	private offers: (IndexedOffer | null)[] = [];
	private slotOf = new Map<string, number>();
	private live = new Bitset(0);
	private free = new Bitset(0);
	private byValue = {
		category: new Map<string, Bitset>(),
		audience: new Map<string, Bitset>(),
		language: new Map<string, Bitset>(),
		area: new Map<string, Bitset>()
	};
	/**
	 * Columns per slot, read in slot order while counting and ranking: every facet value of an
	 * offer as a number (CSR: values from facetStart[slot] to facetStart[slot + 1]), the age
	 * range, the name folded for the prefix bonus and the coordinates of its places.
	 */
	private facetStart = ints();
	private facetValues = ints();
	private valueIds = new Map<string, number>();
	private valueNames: { dimension: keyof IndexResults['facets']; code: string }[] = [];
	private minimumAge = ints();
	private maximumAge = ints();
	private folded: string[] = [];
	/**
	 * Both halves of every folded name (`search_folded` is "folded | ascii"), sorted, so the
	 * offers whose name starts with the query are a range found by binary search; new offers
	 * wait in a short unsorted tail. Names that themselves contain "|" are tested one by one.
	 */
	private nameKeys: string[] = [];
	private nameSlots = new Int32Array(0);
	private nameTail: { key: string; slot: number }[] = [];
	private oddNames: number[] = [];
	private placeStart = ints();
	private placeLatitude = floats();
	private placeLongitude = floats();
	private placeCosine = floats();
	/**
	 * The offers open at one moment, kept while no opening, closing or validity boundary of any
	 * schedule lies between that moment and the one asked about (and the offers are unchanged).
	 */
	private openCache: {
		day: number;
		seconds: [number, number];
		time: [number, number];
		bits: Bitset;
	} | null = null;
	private pool = new BitsetPool();
	private lexicon = new Lexicon();
	/** Slots in alphabetical order of their title per language, and each slot's place in it. */
	private order: Record<'da' | 'en', { slots: number[]; position: Int32Array } | null> = {
		da: null,
		en: null
	};
	/** Per-version caches of what the database says about words (stems, corrections). */
	readonly cache = new Map<string, unknown>();
	private liveCount = 0;

	get size(): number {
		return this.liveCount;
	}

	protected async currentVersion(db: Db): Promise<number> {
		const [state] = rowsOf<{ version: string }>(
			await db.execute(sql`select version from search_index_state`)
		);
		if (!state) throw new Error('search_index_state is empty: run the migrations');
		return Number(state.version);
	}

	protected async update(db: Db): Promise<void> {
		await db.transaction(
			async (tx) => {
				// One snapshot: the version, the list of changes and the rows agree.
				const [now] = rowsOf<{ version: string; vocabulary_version: string }>(
					await tx.execute(sql`select version, vocabulary_version from search_index_state`)
				);
				const version = Number(now!.version);
				const vocabularyVersion = Number(now!.vocabulary_version);
				if (vocabularyVersion !== this.vocabularyVersion)
					this.vocabulary = await readVocabulary(tx);
				if (this.version < 0) await this.rebuild(tx);
				else {
					const changed = rowsOf<{ offer_id: string }>(
						await tx.execute(
							sql`select offer_id from search_changes where version > ${this.version}`
						)
					).map((r) => r.offer_id);
					if (changed.length > Math.max(100, this.liveCount * REBUILD_SHARE))
						await this.rebuild(tx);
					else if (changed.length) await this.apply(tx, changed);
				}
				this.version = version;
				this.vocabularyVersion = vocabularyVersion;
				this.cache.clear();
			},
			{ isolationLevel: 'repeatable read' }
		);
	}

	private async rebuild(tx: Db) {
		this.offers = [];
		this.slotOf.clear();
		this.live = new Bitset(0);
		this.free = new Bitset(0);
		for (const map of Object.values(this.byValue)) map.clear();
		this.lexicon.clear();
		this.liveCount = 0;
		this.facetStart = ints();
		this.facetValues = ints();
		this.valueIds.clear();
		this.valueNames = [];
		this.minimumAge = ints();
		this.maximumAge = ints();
		this.folded = [];
		this.nameKeys = [];
		this.nameSlots = new Int32Array(0);
		this.nameTail = [];
		this.oddNames = [];
		this.placeStart = ints();
		this.placeLatitude = floats();
		this.placeLongitude = floats();
		this.placeCosine = floats();
		for (const [offer, vector] of await readOffers(tx, null)) this.add(offer, vector);
		this.sortOrders();
	}

	private async apply(tx: Db, ids: string[]) {
		for (const id of ids) this.remove(id);
		for (const [offer, vector] of await readOffers(tx, ids)) this.add(offer, vector);
		// Old slots stay as dead entries in the postings; once they are many, start afresh.
		if (this.offers.length > 2 * this.liveCount + 1000) await this.rebuild(tx);
		else this.sortOrders();
	}

	private remove(id: string) {
		const slot = this.slotOf.get(id);
		if (slot === undefined) return;
		this.slotOf.delete(id);
		this.offers[slot] = null;
		this.live.clear(slot);
		this.liveCount--;
		this.openCache = null;
	}

	private add(offer: IndexedOffer, vector: string) {
		const slot = this.offers.length;
		this.offers.push(offer);
		this.slotOf.set(offer.id, slot);
		this.live.grow(slot + 1);
		this.live.set(slot);
		this.liveCount++;
		const mark = (map: Map<string, Bitset>, values: string[]) => {
			for (const value of values) {
				let bits = map.get(value);
				if (!bits) map.set(value, (bits = new Bitset(slot + 1)));
				bits.grow(slot + 1);
				bits.set(slot);
			}
		};
		if (this.facetStart.length === 0) this.facetStart.push(0);
		if (this.placeStart.length === 0) this.placeStart.push(0);
		for (const dimension of ['category', 'audience', 'language', 'area'] as const) {
			const values =
				dimension === 'category'
					? offer.categories
					: dimension === 'audience'
						? offer.audiences
						: dimension === 'language'
							? offer.languages
							: offer.postalCodes;
			for (const code of new Set(values)) {
				const key = `${dimension}\u0000${code}`;
				let id = this.valueIds.get(key);
				if (id === undefined) {
					this.valueIds.set(key, (id = this.valueNames.length));
					this.valueNames.push({ dimension, code });
				}
				this.facetValues.push(id);
			}
		}
		this.facetStart.push(this.facetValues.length);
		this.minimumAge.push(offer.minimumAge ?? 0);
		this.maximumAge.push(offer.maximumAge ?? 200);
		this.folded.push(offer.folded);
		const halves = offer.folded.split(' | ');
		if (halves.length === 2 && !offer.folded.includes('|', offer.folded.indexOf(' | ') + 2)) {
			for (const key of halves) this.nameTail.push({ key, slot });
		} else this.oddNames.push(slot);
		for (const place of offer.places)
			if (place.latitude !== null && place.longitude !== null) {
				this.placeLatitude.push(place.latitude);
				this.placeLongitude.push(place.longitude);
				this.placeCosine.push(Math.cos(place.latitude * RAD));
			}
		this.placeStart.push(this.placeLatitude.length);
		mark(this.byValue.category, offer.categories);
		mark(this.byValue.audience, offer.audiences);
		mark(this.byValue.language, offer.languages);
		mark(this.byValue.area, offer.postalCodes);
		if (offer.isFree) {
			this.free.grow(slot + 1);
			this.free.set(slot);
		}
		this.lexicon.add(slot, vector);
		this.order.da = null;
		this.order.en = null;
		this.openCache = null;
	}

	private sortOrders() {
		if (this.nameTail.length > 2000 || this.nameKeys.length === 0) {
			const all = this.nameTail;
			this.nameKeys.forEach((key, i) => all.push({ key, slot: this.nameSlots[i]! }));
			all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.slot - b.slot));
			this.nameKeys = all.map((e) => e.key);
			this.nameSlots = Int32Array.from(all, (e) => e.slot);
			this.nameTail = [];
		}
		this.lexicon.sort();
	}

	/** Slots by title in a language (Danish: æ, ø, å after z); built when first asked after a change. */
	private orderFor(locale: 'da' | 'en') {
		const known = this.order[locale];
		if (known) return known;
		const keys: string[] = [];
		const slots: number[] = [];
		this.offers.forEach((offer, slot) => {
			if (!offer) return;
			slots.push(slot);
			keys[slot] =
				locale === 'da'
					? danishSortKey(offer.name.da)
					: englishSortKey(offer.name.en ?? offer.name.da);
		});
		slots.sort((a, b) => {
			const ka = keys[a]!;
			const kb = keys[b]!;
			return ka < kb ? -1 : ka > kb ? 1 : a - b;
		});
		const position = new Int32Array(this.offers.length);
		slots.forEach((slot, i) => (position[slot] = i));
		return (this.order[locale] = { slots, position });
	}

	search(q: IndexSearch): IndexResults {
		try {
			return this.run(q);
		} finally {
			this.lexicon.release();
		}
	}

	private run(q: IndexSearch): IndexResults {
		const capacity = this.offers.length;
		this.pool.reset();
		let hits: Bitset;
		let textRank: Float32Array = new Float32Array(0);
		let typedRank = textRank;
		let textSize = 0;
		let typedSize = 0;
		let named: Bitset | null = null;
		if (q.words) {
			const match = this.lexicon.match(q.text, q.typed, capacity, this.pool);
			({ hits, textRank, typedRank, textSize, typedSize } = match);
			if (q.namedCategories.length) {
				named = this.anyOf(this.byValue.category, q.namedCategories, capacity);
				hits.or(named);
			}
			hits.and(this.live);
		} else hits = this.pool.take(capacity).assign(this.live);
		if (q.category.length) hits.and(this.anyOf(this.byValue.category, q.category, capacity));
		if (q.audience.length) hits.and(this.anyOf(this.byValue.audience, q.audience, capacity));
		if (q.lang.length) hits.and(this.anyOf(this.byValue.language, q.lang, capacity));
		if (q.area.length) hits.and(this.anyOf(this.byValue.area, q.area, capacity));
		if (q.free) hits.and(this.free);

		if (q.openAt) hits.and(this.openAt(q.openAt));
		// Age is checked per offer; what remains is the result set.
		if (q.age !== undefined) {
			const minimum = this.minimumAge.data;
			const maximum = this.maximumAge.data;
			const age = q.age;
			hits.forEach((slot) => {
				if (minimum[slot]! > age || maximum[slot]! < age) hits.clear(slot);
			});
		}

		const counts = new Int32Array(this.valueNames.length);
		const facetStart = this.facetStart.data;
		const facetValues = this.facetValues.data;
		let total = 0;
		const words = hits.words;
		for (let i = 0; i < words.length; i++) {
			let word = words[i]!;
			if (word === 0) continue;
			total += popcount(word);
			while (word !== 0) {
				const low = word & -word;
				const slot = (i << 5) + 31 - Math.clz32(low);
				word ^= low;
				for (let k = facetStart[slot]!, end = facetStart[slot + 1]!; k < end; k++)
					counts[facetValues[k]!]!++;
			}
		}
		const facets: IndexResults['facets'] = { category: {}, audience: {}, language: {}, area: {} };
		counts.forEach((n, id) => {
			if (n > 0) {
				const { dimension, code } = this.valueNames[id]!;
				facets[dimension][code] = n;
			}
		});

		const order = this.orderFor(q.locale);
		const want = q.offset + q.limit;
		const origin = q.origin;
		let chosen: number[];
		if (!q.words && !q.byDistance) {
			// Every rank is 0: the first hits in alphabetical order are the page.
			chosen = [];
			for (const slot of order.slots) {
				if (chosen.length >= want) break;
				if (hits.has(slot)) chosen.push(slot);
			}
		} else
			chosen = this.best(q, hits, want, order.position, {
				textRank,
				typedRank,
				textSize,
				typedSize,
				named
			});
		return {
			total,
			facets,
			items: chosen.slice(q.offset).map((slot) => this.hit(this.offers[slot]!, origin))
		};
	}

	/** The best `want` hits in the database path's order: [distance, nulls last,] rank descending, then title. */
	private best(
		q: IndexSearch,
		hits: Bitset,
		want: number,
		position: Int32Array,
		r: {
			textRank: Float32Array;
			typedRank: Float32Array;
			textSize: number;
			typedSize: number;
			named: Bitset | null;
		}
	): number[] {
		const page = new Smallest(Math.max(0, want));
		const byDistance = q.byDistance;
		const { textRank, typedRank, textSize, typedSize } = r;
		const withWords = q.words;
		const inCategory = r.named ? r.named.words : null;
		const named = withWords ? this.namesStartingWith(q.prefix, this.offers.length).words : null;
		const origin = q.origin;
		const measure = byDistance && origin !== null;
		const placeStart = this.placeStart.data;
		const latitude = this.placeLatitude.data;
		const longitude = this.placeLongitude.data;
		const cosine = this.placeCosine.data;
		const cosOrigin = origin ? Math.cos(origin.latitude * RAD) : 0;
		const words = hits.words;
		for (let i = 0; i < words.length; i++) {
			let word = words[i]!;
			while (word !== 0) {
				const low = word & -word;
				word ^= low;
				const bit = 31 - Math.clz32(low);
				const slot = (i << 5) + bit;
				let rank = 0;
				if (withWords) {
					rank =
						(textSize ? Math.fround(textRank[slot]! / textSize) : 0) +
						0.5 * (typedSize ? Math.fround(typedRank[slot]! / typedSize) : 0) +
						(inCategory !== null && (inCategory[i]! & low) !== 0 ? 0.3 : 0) +
						((named![i]! & low) !== 0 ? 0.5 : 0);
				}
				// Nulls last: an offer without a located place sorts after every distance.
				let km = Infinity;
				if (measure)
					for (let k = placeStart[slot]!, end = placeStart[slot + 1]!; k < end; k++) {
						const d = kilometres(origin, latitude[k]!, longitude[k]!, cosOrigin, cosine[k]!);
						if (d < km) km = d;
					}
				// [Distance, nulls last,] rank descending, then title.
				page.add(slot, byDistance ? km : 0, -rank, position[slot]!);
			}
		}
		return page.sorted();
	}

	/** Offers whose folded name starts with `prefix` (the database path's two LIKE tests). */
	private namesStartingWith(prefix: string, capacity: number): Bitset {
		const bits = this.pool.take(capacity);
		// Keys that start with the prefix lie between it and its successor (last letter + 1).
		const first = (bound: string) => {
			let lo = 0;
			let hi = this.nameKeys.length;
			while (lo < hi) {
				const mid = (lo + hi) >>> 1;
				if (this.nameKeys[mid]! < bound) lo = mid + 1;
				else hi = mid;
			}
			return lo;
		};
		if (prefix.length) {
			const successor =
				prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
			const slots = this.nameSlots;
			for (let i = first(prefix), end = first(successor); i < end; i++) bits.set(slots[i]!);
		}
		for (const { key, slot } of this.nameTail) if (key.startsWith(prefix)) bits.set(slot);
		for (const slot of this.oddNames) {
			const folded = this.folded[slot]!;
			if (folded.startsWith(prefix) || folded.includes(`| ${prefix}`)) bits.set(slot);
		}
		return bits;
	}

	/** The live offers open at a moment, from the cache while no boundary lies in between. */
	private openAt(at: { day: number; seconds: number; time: number }): Bitset {
		const known = this.openCache;
		if (
			known &&
			known.day === at.day &&
			known.seconds[0] <= at.seconds &&
			at.seconds < known.seconds[1] &&
			known.time[0] <= at.time &&
			at.time < known.time[1]
		)
			return known.bits;
		const bits = new Bitset(this.offers.length);
		let from = 0;
		let until = 86_400;
		let since = -Infinity;
		let before = Infinity;
		const today = 1 << at.day;
		this.live.forEach((slot) => {
			const schedules = this.offers[slot]!.schedules;
			for (const s of schedules) {
				if (s.days & today)
					for (const edge of [s.opens, s.closes])
						if (edge <= at.seconds) from = Math.max(from, edge);
						else until = Math.min(until, edge);
				for (const edge of [s.validFrom, s.validTo])
					if (edge !== null)
						if (edge <= at.time) since = Math.max(since, edge);
						else before = Math.min(before, edge);
			}
			if (isOpen(schedules, at)) bits.set(slot);
		});
		this.openCache = { day: at.day, seconds: [from, until], time: [since, before], bits };
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

	/** The offer with its nearest place (to the origin; otherwise the first by name). */
	private hit(offer: IndexedOffer, origin: IndexSearch['origin']): IndexHit {
		let place: Place | null = null;
		let km: number | null = null;
		for (const p of offer.places) {
			const d =
				origin && p.latitude !== null && p.longitude !== null
					? kilometres(origin, p.latitude, p.longitude)
					: null;
			if (place === null || (d !== null && (km === null || d < km))) {
				place = p;
				km = d;
			}
		}
		return { offer, place, km };
	}
}

function isOpen(schedules: Schedule[], at: { day: number; seconds: number; time: number }) {
	return schedules.some(
		(s) =>
			(s.days & (1 << at.day)) !== 0 &&
			at.seconds >= s.opens &&
			at.seconds < s.closes &&
			(s.validFrom === null || s.validFrom <= at.time) &&
			(s.validTo === null || s.validTo > at.time)
	);
}

async function readVocabulary(tx: Db): Promise<Vocabulary> {
	const synonyms = rowsOf<{ term: string; expansions: string[] }>(
		await tx.execute(sql`select term, expansions from search_synonyms`)
	);
	const categories = rowsOf<{ code: string; da: string; en: string | null }>(
		await tx.execute(
			sql`select code, name->>'da' as da, name->>'en' as en from taxonomy_terms where vocabulary = 'category'`
		)
	);
	const areas = rowsOf<{ postal_code: string; name: string; latitude: number; longitude: number }>(
		await tx.execute(sql`select postal_code, name, latitude, longitude from postal_areas`)
	);
	return {
		synonyms: new Map(synonyms.map((r) => [r.term, r.expansions])),
		categories,
		postalAreas: new Map(
			areas.map((a) => [
				a.postal_code,
				{ name: a.name, latitude: Number(a.latitude), longitude: Number(a.longitude) }
			])
		)
	};
}

/** The offers (all, or those with these ids) with their places, hours and lexemes. */
async function readOffers(tx: Db, ids: string[] | null): Promise<[IndexedOffer, string][]> {
	const only = (column: string) =>
		ids === null ? sql`` : sql`where ${sql.raw(column)} = any(${sql.param(ids)}::uuid[])`;
	const rows = rowsOf<{
		id: string;
		slug: string;
		name: { da: string; en?: string };
		organization: string;
		categories: string[];
		audiences: string[];
		languages: string[];
		postal_codes: string[];
		url: string | null;
		is_demo: boolean;
		is_free: boolean;
		minimum_age: number | null;
		maximum_age: number | null;
		folded: string;
		vector: string;
	}>(
		await tx.execute(sql`
			select o.id, o.slug, o.name, org.name as organization, o.categories, o.audiences, o.languages,
				o.postal_codes, o.url, o.is_demo, o.is_free, o.minimum_age, o.maximum_age,
				o.search_folded as folded, o.search_text::text as vector
			from offers o join organizations org on org.id = o.organization_id ${only('o.id')}`)
	);
	const places = rowsOf<Place & { offer_id: string }>(
		await tx.execute(sql`
			select ol.offer_id, l.name, l.postal_code as "postalCode", l.city, l.latitude, l.longitude
			from offer_locations ol join locations l on l.id = ol.location_id ${only('ol.offer_id')}
			order by ol.offer_id, l.name`)
	);
	const schedules = rowsOf<{
		offer_id: string;
		byday: string;
		opens_at: string;
		closes_at: string;
		valid_from: string | Date | null;
		valid_to: string | Date | null;
	}>(
		await tx.execute(sql`
			select offer_id, byday, opens_at::text, closes_at::text, valid_from, valid_to
			from schedules ${only('offer_id')}`)
	);
	const placesOf = new Map<string, Place[]>();
	for (const { offer_id, ...place } of places) {
		const list = placesOf.get(offer_id) ?? [];
		list.push({
			...place,
			latitude: place.latitude === null ? null : Number(place.latitude),
			longitude: place.longitude === null ? null : Number(place.longitude)
		});
		placesOf.set(offer_id, list);
	}
	const instant = (v: string | Date | null) => (v === null ? null : new Date(v).getTime());
	const schedulesOf = new Map<string, Schedule[]>();
	for (const s of schedules) {
		const list = schedulesOf.get(s.offer_id) ?? [];
		let days = 0;
		DAYS.forEach((code, i) => {
			if (s.byday.includes(code)) days |= 1 << i;
		});
		list.push({
			days,
			opens: seconds(s.opens_at),
			closes: seconds(s.closes_at),
			validFrom: instant(s.valid_from),
			validTo: instant(s.valid_to)
		});
		schedulesOf.set(s.offer_id, list);
	}
	return rows.map((r) => [
		{
			id: r.id,
			slug: r.slug,
			name: r.name,
			organization: r.organization,
			categories: r.categories,
			audiences: r.audiences,
			languages: r.languages,
			postalCodes: r.postal_codes,
			url: r.url,
			isDemo: r.is_demo,
			isFree: r.is_free,
			minimumAge: r.minimum_age,
			maximumAge: r.maximum_age,
			folded: r.folded,
			places: placesOf.get(r.id) ?? [],
			schedules: schedulesOf.get(r.id) ?? []
		},
		r.vector
	]);
}

// Made once: building an Intl.DateTimeFormat costs more than a whole search.
const COPENHAGEN = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Copenhagen',
	weekday: 'short',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** Weekday (0 = Monday), seconds after midnight and the instant, in Copenhagen, for "open now". */
export function copenhagenClock(now: Date): { day: number; seconds: number; time: number } {
	const parts = Object.fromEntries(COPENHAGEN.formatToParts(now).map((p) => [p.type, p.value]));
	const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!);
	return {
		day,
		seconds:
			Number(parts.hour) * 3600 +
			Number(parts.minute) * 60 +
			Number(parts.second) +
			now.getUTCMilliseconds() / 1000,
		time: now.getTime()
	};
}

/** The database's offer index, current as of this call. */
export const offerIndex = sharedIndex(() => new OfferIndex());
