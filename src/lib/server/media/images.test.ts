import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { ImageRejectedError, readImage, storeImage } from './index.ts';

const picture = (format: 'png' | 'jpeg' | 'webp' | 'gif', width = 40, height = 20) =>
	sharp({ create: { width, height, channels: 4, background: '#006ab4' } })
		.toFormat(format)
		.toBuffer();

async function rejection(promise: Promise<unknown>) {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ImageRejectedError);
	return (error as ImageRejectedError).problem;
}

describe.each(testEngines())('logo images on $name', (engine) => {
	let database: Database;
	beforeEach(async () => {
		database = await engine.open();
	});
	afterEach(async () => database.close());

	it('stores a re-encoded WebP without the upload’s metadata, scaled to fit', async () => {
		const withGps = await sharp({
			create: { width: 2000, height: 1000, channels: 3, background: '#fff' }
		})
			.jpeg()
			.withExif({ IFD0: { Copyright: 'Aalborg' }, IFD3: { GPSLatitudeRef: 'N' } })
			.toBuffer();
		expect((await sharp(withGps).metadata()).exif).toBeDefined();
		const id = await storeImage(database.db, withGps, 'partner-a');
		const stored = await readImage(database.db, id);
		expect(stored?.contentType).toBe('image/webp');
		const meta = await sharp(stored!.bytes).metadata();
		expect(meta).toMatchObject({ format: 'webp', width: 512, height: 256 });
		expect(meta.exif).toBeUndefined();
	});

	it('stores the same picture once', async () => {
		const png = await picture('png');
		expect(await storeImage(database.db, png, 'a')).toBe(await storeImage(database.db, png, 'b'));
	});

	it('refuses files that are not JPEG, PNG or WebP pictures, whatever they are called', async () => {
		const svg = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
		);
		expect(await rejection(storeImage(database.db, svg, 'a'))).toBe('format');
		expect(await rejection(storeImage(database.db, await picture('gif'), 'a'))).toBe('format');
		const html = Buffer.from('<html><body><script>alert(1)</script></body></html>');
		expect(await rejection(storeImage(database.db, html, 'a'))).toBe('not_an_image');
		expect(await rejection(storeImage(database.db, new Uint8Array(), 'a'))).toBe('empty');
		const png = await picture('png');
		expect(await rejection(storeImage(database.db, png.subarray(0, png.length / 2), 'a'))).toBe(
			'not_an_image'
		);
	});

	it('refuses oversized files and decompression bombs before decoding them', async () => {
		expect(await rejection(storeImage(database.db, new Uint8Array(3 * 1024 * 1024), 'a'))).toBe(
			'too_large'
		);
		// 10,000 × 10,000 pixels of one colour compress to a few kilobytes.
		const bomb = await sharp({
			create: { width: 10_000, height: 10_000, channels: 3, background: '#000' }
		})
			.png({ compressionLevel: 9 })
			.toBuffer();
		expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
		expect(await rejection(storeImage(database.db, bomb, 'a'))).toBe('too_many_pixels');
	});
});
