import { m } from '$lib/paraglide/messages.js';

/**
 * A message chosen on the server and rendered in the reader's language: form actions return
 * keys, not text, so one action serves both languages.
 */
export type MessageKey = keyof typeof m;
export interface Msg {
	key: MessageKey;
	params?: Record<string, string | number>;
}

export function msg(key: MessageKey, params?: Record<string, string | number>): Msg {
	return params ? { key, params } : { key };
}

export function translate(message: Msg): string {
	const render = m[message.key] as (params?: Record<string, string | number>) => string;
	return render(message.params ?? {});
}
