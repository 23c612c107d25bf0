import { createHash, createHmac } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { unlock, waitForLock } from 'fs-native-extensions';

/** RFC 4648 base32, as authenticator apps read the secret. */
function base32Decode(text: string): Buffer {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const char of text.replace(/=+$/, '').toUpperCase())
		bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
	const bytes = [];
	for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
	return Buffer.from(bytes);
}

/** The code an authenticator app shows now (RFC 6238: SHA-1, 30 s, 6 digits). */
export function totp(secretBase32: string, at = Date.now()): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
	const digest = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
	const offset = digest[digest.length - 1]! & 0x0f;
	const code = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
	return String(code).padStart(6, '0');
}

/**
 * A code no earlier sign-in has used: the server accepts each time step once per account, and
 * no step older than the last one used. Test workers run in parallel processes, so the last
 * step used per secret is kept in a file under `.e2e/`, read and written under an OS lock.
 * When the current and the next step are both taken, this waits for the next period.
 */
export async function unusedTotp(secretBase32: string): Promise<string> {
	mkdirSync('.e2e', { recursive: true });
	const file = join(
		'.e2e',
		`totp-${createHash('sha256').update(secretBase32).digest('hex').slice(0, 16)}`
	);
	const fd = openSync(file, 'a+');
	await waitForLock(fd);
	try {
		const last = Number(readFileSync(file, 'utf8').trim() || '0');
		for (;;) {
			const current = Math.floor(Date.now() / 30_000);
			const step = Math.max(last + 1, current);
			if (step <= current + 1) {
				ftruncateSync(fd, 0);
				writeSync(fd, String(step), 0);
				return totp(secretBase32, step * 30_000);
			}
			await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 100));
		}
	} finally {
		unlock(fd);
		closeSync(fd);
	}
}
