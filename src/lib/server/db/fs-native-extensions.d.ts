// The part of fs-native-extensions (an exclusive OS file lock) that lock.ts uses.
declare module 'fs-native-extensions' {
	export function tryLock(
		fd: number,
		offset?: number,
		length?: number,
		options?: { shared?: boolean }
	): boolean;
	export function waitForLock(
		fd: number,
		offset?: number,
		length?: number,
		options?: { shared?: boolean }
	): Promise<void>;
	export function unlock(fd: number, offset?: number, length?: number): void;
}
