import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '../db/index.ts';
import { media } from './schema.ts';

export const IMAGE_LIMITS = {
	/** Largest upload accepted, in bytes. */
	maxBytes: 2 * 1024 * 1024,
	/** Largest decoded picture, in pixels: refuses decompression bombs before decoding them. */
	maxPixels: 25_000_000,
	/** Logos are shown small; larger pictures are scaled down to fit this box. */
	maxSide: 512,
	formats: ['jpeg', 'png', 'webp'] as const
};

export type ImageProblem = 'empty' | 'too_large' | 'not_an_image' | 'format' | 'too_many_pixels';

export class ImageRejectedError extends Error {
	constructor(
		readonly problem: ImageProblem,
		detail: string
	) {
		super(detail);
		this.name = 'ImageRejectedError';
	}
}

/**
 * Decodes an upload, refuses anything that is not a JPEG, PNG or WebP picture within the limits
 * (SVG is refused: it can carry script), and stores a freshly encoded WebP without metadata
 * (EXIF, GPS positions, comments), turned upright. Returns the stored image's id.
 */
export async function storeImage(tx: Db, bytes: Uint8Array, actorId: string): Promise<string> {
	if (bytes.byteLength === 0) throw new ImageRejectedError('empty', 'The file is empty.');
	if (bytes.byteLength > IMAGE_LIMITS.maxBytes)
		throw new ImageRejectedError(
			'too_large',
			`The file is ${bytes.byteLength} bytes; at most ${IMAGE_LIMITS.maxBytes} are accepted.`
		);
	let format: string | undefined;
	let width = 0;
	let height = 0;
	try {
		const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
		format = meta.format;
		width = meta.width ?? 0;
		height = meta.height ?? 0;
	} catch {
		throw new ImageRejectedError('not_an_image', 'The file is not a picture we can read.');
	}
	if (!IMAGE_LIMITS.formats.includes(format as (typeof IMAGE_LIMITS.formats)[number]))
		throw new ImageRejectedError(
			'format',
			`The file is ${format ?? 'of an unknown kind'}; JPEG, PNG and WebP are accepted.`
		);
	if (width * height > IMAGE_LIMITS.maxPixels || width === 0 || height === 0)
		throw new ImageRejectedError(
			'too_many_pixels',
			`The picture is ${width}×${height} pixels; at most ${IMAGE_LIMITS.maxPixels} pixels are accepted.`
		);
	let output: { data: Buffer; info: sharp.OutputInfo };
	try {
		output = await sharp(bytes, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'error' })
			.rotate()
			.resize({
				width: IMAGE_LIMITS.maxSide,
				height: IMAGE_LIMITS.maxSide,
				fit: 'inside',
				withoutEnlargement: true
			})
			.webp({ quality: 85, alphaQuality: 100 })
			.toBuffer({ resolveWithObject: true });
	} catch {
		throw new ImageRejectedError('not_an_image', 'The picture is damaged and cannot be read.');
	}
	const sha256 = createHash('sha256').update(output.data).digest('hex');
	const [existing] = await tx.select({ id: media.id }).from(media).where(eq(media.sha256, sha256));
	if (existing) return existing.id;
	const [row] = await tx
		.insert(media)
		.values({
			sha256,
			contentType: 'image/webp',
			bytes: output.data,
			width: output.info.width,
			height: output.info.height,
			createdBy: actorId
		})
		.returning({ id: media.id });
	return row!.id;
}

export async function readImage(db: Db, id: string) {
	const [row] = await db
		.select({ bytes: media.bytes, contentType: media.contentType, sha256: media.sha256 })
		.from(media)
		.where(eq(media.id, id));
	return row;
}
