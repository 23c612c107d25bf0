import { AsyncLocalStorage } from 'node:async_hooks';
import {
	getServerAsyncLocalStorage,
	overwriteServerAsyncLocalStorage
} from '$lib/paraglide/runtime.js';
import type { Locale } from '$lib/i18n/routes.ts';

/**
 * Runs `work` with Paraglide's messages (`m.…()`) in `locale` for this request.
 *
 * Paraglide's `paraglideMiddleware` does the same and more that this site does not use: it
 * decides the locale from its own URL patterns (ours are in i18n/routes.ts and already decided
 * `locale`), may redirect, and builds two copies of the request for frameworks that need a new
 * one, which SvelteKit does not. The copies were about 5 % of a page's time.
 */
export function withMessageLocale<T>(locale: Locale, origin: string, work: () => T): T {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(storage);
	}
	return storage.run({ locale, origin }, work) as T;
}
