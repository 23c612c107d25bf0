// Rich text: partners write descriptions in a small Markdown subset; what is shown is HTML
// sanitised by an allow-list, so no text from a form can run script or restyle a page.
export { plainText, renderRichText, RICH_TEXT_HELP } from './render.ts';
