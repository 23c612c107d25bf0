/** The links a page of results needs: the search without its page number. */
export interface PageLinks {
	/** The search's parameters without `page` (for feeds and saved searches). */
	rest: string;
	/** The same, ready for a page number: `…&page=` (or `page=`). */
	pageQuery: string;
	pages: number;
}

/** The pagination of a search: the query string without `page`, and the number of pages. */
export function pageLinks(search: string, total: number, pageSize: number): PageLinks {
	const params = new URLSearchParams(search);
	params.delete('page');
	const rest = params.toString();
	return {
		rest,
		pageQuery: rest ? `${rest}&page=` : 'page=',
		pages: Math.max(1, Math.ceil(total / pageSize))
	};
}
