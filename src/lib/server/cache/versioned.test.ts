import { describe, expect, it } from 'vitest';
import { ContentVersion, LruCache, VersionedCache } from './versioned.ts';
import { PageCache } from './page-cache.ts';

function clock() {
	let t = 0;
	return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('content-versioned caches', () => {
	it('re-reads the version only after the staleness window', async () => {
		const c = clock();
		let stored = '1';
		let reads = 0;
		const version = new ContentVersion(async () => (reads++, stored), 1000, c.now);
		expect(await version.current()).toBe('1');
		stored = '2';
		c.advance(999);
		expect(await version.current()).toBe('1');
		c.advance(1);
		expect(await version.current()).toBe('2');
		expect(reads).toBe(2);
	});

	it('answers with the last version read while a new read is held up (a long import)', async () => {
		const c = clock();
		let release: (v: string) => void = () => undefined;
		let reads = 0;
		const version = new ContentVersion(
			() => (++reads === 1 ? Promise.resolve('1') : new Promise<string>((r) => (release = r))),
			1000,
			c.now,
			20
		);
		expect(await version.current()).toBe('1');
		c.advance(5000);
		const started = performance.now();
		expect(await version.current()).toBe('1');
		expect(performance.now() - started).toBeLessThan(500);
		release('2');
		await new Promise((r) => setTimeout(r, 0));
		expect(await version.current()).toBe('2');
		expect(reads).toBe(2);
	});

	it('recomputes a value when the content version changes', async () => {
		const c = clock();
		let stored = '1';
		const cache = new VersionedCache<string>(new ContentVersion(async () => stored, 0, c.now));
		let computed = 0;
		const compute = async () => `strategi v${stored} (${++computed})`;
		expect(await cache.get('da', compute)).toBe('strategi v1 (1)');
		expect(await cache.get('da', compute)).toBe('strategi v1 (1)');
		stored = '2';
		expect(await cache.get('da', compute)).toBe('strategi v2 (2)');
	});

	it('does not keep a failed computation', async () => {
		const cache = new VersionedCache<string>(new ContentVersion(async () => '1', 0));
		await expect(
			cache.get('k', async () => Promise.reject(new Error('database gone')))
		).rejects.toThrow('database gone');
		expect(await cache.get('k', async () => 'ok')).toBe('ok');
	});

	it('forgets the least recently used entry', () => {
		const lru = new LruCache<number>(2);
		lru.set('a', 1);
		lru.set('b', 2);
		lru.get('a');
		lru.set('c', 3);
		expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
	});

	it('stores only public 200 responses and serves them until the content changes', async () => {
		let stored = '1';
		const pages = new PageCache(new ContentVersion(async () => stored, 0));
		const page = () =>
			new Response('<h1>Uddannelse for alle</h1>', {
				headers: { 'cache-control': 'public, max-age=60', 'content-type': 'text/html' }
			});
		const sent = await pages.store('/pejlemaerker/uddannelse-for-alle', page());
		expect(await sent.text()).toBe('<h1>Uddannelse for alle</h1>');
		const hit = await pages.lookup('/pejlemaerker/uddannelse-for-alle');
		expect(await hit?.text()).toBe('<h1>Uddannelse for alle</h1>');
		expect(hit?.headers.get('content-type')).toBe('text/html');
		stored = '2';
		expect(await pages.lookup('/pejlemaerker/uddannelse-for-alle')).toBeUndefined();

		await pages.store('/privat', new Response('x', { headers: { 'cache-control': 'private' } }));
		expect(await pages.lookup('/privat')).toBeUndefined();
		await pages.store(
			'/mangler',
			new Response('x', { status: 404, headers: { 'cache-control': 'public' } })
		);
		expect(await pages.lookup('/mangler')).toBeUndefined();
	});

	it('never shares a page whose Content-Security-Policy carries a nonce', async () => {
		const pages = new PageCache(new ContentVersion(async () => '1', 0));
		await pages.store(
			'/med-script',
			new Response('<script nonce="abc"></script>', {
				headers: {
					'cache-control': 'public',
					'content-security-policy': "script-src 'self' 'nonce-abc'"
				}
			})
		);
		expect(await pages.lookup('/med-script')).toBeUndefined();
	});

	it('serves only anonymous GET requests from the cache', () => {
		expect(PageCache.eligible(new Request('http://x/'))).toBe(true);
		expect(PageCache.eligible(new Request('http://x/', { method: 'POST' }))).toBe(false);
		expect(PageCache.eligible(new Request('http://x/', { headers: { cookie: 'session=1' } }))).toBe(
			false
		);
	});
});
