/**
 * LIX (läsbarhetsindex, Björnsson 1968), the readability measure Danish plain-language guidance
 * uses: words per sentence plus the percentage of long words (more than six letters). Under 25
 * is very easy, 25-34 easy, 35-44 middle (newspapers), 45-54 hard, 55 and more very hard.
 */
export function words(text: string): string[] {
	return text
		.replace(/\{[^}]*\}/g, 'x') // a placeholder stands for one short word
		.replace(/https?:\/\/\S+/g, 'link')
		.split(/[\s/–—-]+/)
		.map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
		.filter(Boolean);
}

export function sentenceCount(text: string): number {
	// A sentence ends in . ! ? : or ; followed by a space or the end (not "f.eks." inside words).
	return Math.max(1, (text.match(/[.!?:;]+(?=\s|$)/g) ?? []).length);
}

export function lix(texts: string | string[]): number {
	const all = Array.isArray(texts) ? texts : [texts];
	let wordTotal = 0;
	let sentences = 0;
	let long = 0;
	for (const text of all) {
		const w = words(text);
		wordTotal += w.length;
		sentences += sentenceCount(text);
		long += w.filter((x) => x.length > 6).length;
	}
	if (wordTotal === 0) return 0;
	return wordTotal / sentences + (100 * long) / wordTotal;
}
