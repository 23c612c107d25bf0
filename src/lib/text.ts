/** Control characters (C0, DEL, C1) have no place in names, titles or paths typed into forms. */
export function hasControlCharacters(text: string): boolean {
	return /\p{Cc}/u.test(text);
}
