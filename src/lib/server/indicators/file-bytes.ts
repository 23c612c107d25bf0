import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** A file to import: bytes already in memory (an upload) or a path read as a stream (the CLI). */
export type FileBytes = Uint8Array | { path: string };

const CHUNK = 1 << 20;

export async function* chunksOf(file: FileBytes): AsyncGenerator<Uint8Array> {
	if (file instanceof Uint8Array) {
		for (let i = 0; i < file.length; i += CHUNK) yield file.subarray(i, i + CHUNK);
		return;
	}
	for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK }))
		yield chunk as Buffer;
}

export async function wholeBytes(file: FileBytes): Promise<Uint8Array> {
	return file instanceof Uint8Array ? file : new Uint8Array(await readFile(file.path));
}

export interface TextScan {
	encoding: 'UTF-8' | 'UTF-8 with BOM' | 'Windows-1252';
	/** Whether any `"` occurs: then the file needs a full CSV parser. */
	hasQuote: boolean;
	sha256: string;
	size: number;
}

/**
 * One pass over the bytes before reading rows: the checksum, and the encoding (UTF-8 if every
 * byte sequence is valid UTF-8, else Windows-1252 as Danish Excel saves "CSV").
 */
export async function scanText(file: FileBytes): Promise<TextScan> {
	const hash = createHash('sha256');
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	let valid = true;
	let hasQuote = false;
	let bom = false;
	let size = 0;
	for await (const chunk of chunksOf(file)) {
		if (size === 0) bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
		size += chunk.length;
		hash.update(chunk);
		if (!hasQuote && chunk.includes(0x22)) hasQuote = true;
		if (valid) {
			try {
				utf8.decode(chunk, { stream: true });
			} catch {
				valid = false;
			}
		}
	}
	if (valid) {
		try {
			utf8.decode();
		} catch {
			valid = false;
		}
	}
	return {
		encoding: !valid ? 'Windows-1252' : bom ? 'UTF-8 with BOM' : 'UTF-8',
		hasQuote,
		sha256: hash.digest('hex'),
		size
	};
}

/** The text of the file in pieces, decoded as `scanText` found (a BOM is dropped). */
export async function* textOf(
	file: FileBytes,
	encoding: TextScan['encoding']
): AsyncGenerator<string> {
	const decoder = new TextDecoder(encoding === 'Windows-1252' ? 'windows-1252' : 'utf-8');
	for await (const chunk of chunksOf(file)) {
		const text = decoder.decode(chunk, { stream: true });
		if (text) yield text;
	}
	const rest = decoder.decode();
	if (rest) yield rest;
}
