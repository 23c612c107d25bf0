// Embeds: the compact lists under /indlejr/… that schools and libraries frame on their own
// pages. Only these may be framed, by any site; every other page refuses all framing.

/** Whether a route (its Danish path) is an embed page, which any site may frame. */
export function isEmbedRoute(route: string): boolean {
	return route.startsWith('/indlejr/');
}

/** Lets any site frame the answer: `frame-ancestors *`, and no X-Frame-Options. */
export function allowFraming(headers: Headers): void {
	headers.delete('x-frame-options');
	const csp = headers.get('content-security-policy');
	if (csp)
		headers.set(
			'content-security-policy',
			csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *')
		);
}

/** How many items an embed shows (`antal`): 5 unless asked, between 1 and 20. */
export function embedCount(url: URL): number {
	const asked = Number(url.searchParams.get('antal'));
	return Number.isInteger(asked) && asked >= 1 && asked <= 20 ? asked : 5;
}
