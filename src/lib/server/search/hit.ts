/** What a hit of every kind's search has, whatever else the kind adds. */
export interface Hit {
	id: string;
	slug: string;
	/** In the reader's language, or in Danish where there is no translation. */
	title: string;
	/** Set when the English title is missing and the Danish one is shown. */
	untranslated: boolean;
	isDemo: boolean;
}
