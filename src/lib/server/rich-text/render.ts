import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** What writers may use, as told beside the field. */
export const RICH_TEXT_HELP =
	'**fed**, *kursiv*, punktlister med "- ", links som [tekst](https://…)';

// A private instance: no global options leak in from other code using marked.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4'],
	// rel is ours (added below); writers cannot set it.
	allowedAttributes: { a: ['href', 'rel'] },
	allowedSchemes: ['https', 'http', 'mailto', 'tel'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	// Anything else is shown as the text that was written, not dropped silently and not run.
	disallowedTagsMode: 'escape',
	transformTags: {
		// Headings in a description sit below the page's own h1 and h2.
		h1: 'h3',
		h2: 'h3',
		a: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, rel: 'noopener noreferrer nofollow' }
		})
	}
};

/**
 * Markdown in, safe HTML out. Raw HTML in the source is escaped (shown as typed), links keep
 * only http(s), mailto and tel addresses, and every attribute but a link's address is removed.
 */
export function renderRichText(source: string): string {
	const html = markdown.parse(source, { async: false }) as string;
	return sanitizeHtml(html, ALLOWED);
}

/** The text of a rich text without its formatting: for a page's meta description. */
export function plainText(source: string): string {
	return sanitizeHtml(renderRichText(source), { allowedTags: [], allowedAttributes: {} })
		.replace(/\s+/g, ' ')
		.trim();
}
