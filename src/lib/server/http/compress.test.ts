import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptedEncodings, compressFeed } from './compress.ts';

const feed = () =>
	new Response('<feed>' + '<entry>Studiejob</entry>'.repeat(50) + '</feed>', {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8' }
	});
const asking = (encoding?: string) =>
	new Request('http://localhost/job/feed.atom', {
		headers: encoding === undefined ? {} : { 'accept-encoding': encoding }
	});

describe('compressed feeds', () => {
	it('reads accept-encoding, q=0 refusing an encoding', () => {
		expect([...acceptedEncodings('gzip, deflate, br;q=0')]).toEqual(['gzip', 'deflate']);
		expect([...acceptedEncodings(' BR ; q=0.5 ')]).toEqual(['br']);
		expect(acceptedEncodings(null).size).toBe(0);
	});

	it('sends Brotli where accepted, else gzip, and the same text either way', async () => {
		const plain = await feed().text();
		const br = await compressFeed(asking('gzip, br'), feed());
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toBe('accept-encoding');
		const brBody = Buffer.from(await br.arrayBuffer());
		expect(brBody.length).toBeLessThan(plain.length / 5);
		expect(Number(br.headers.get('content-length'))).toBe(brBody.length);
		expect(brotliDecompressSync(brBody).toString()).toBe(plain);
		const gz = await compressFeed(asking('gzip'), feed());
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);
	});

	it('sends the plain text to a client that accepts neither, and leaves pages alone', async () => {
		const plain = await compressFeed(asking(), feed());
		expect(plain.headers.has('content-encoding')).toBe(false);
		expect(plain.headers.get('vary')).toBe('accept-encoding');
		expect(await plain.text()).toContain('<feed>');
		const page = new Response('<html></html>', { headers: { 'content-type': 'text/html' } });
		expect(await compressFeed(asking('br'), page)).toBe(page);
	});
});
