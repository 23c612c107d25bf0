import { m } from '$lib/paraglide/messages.js';

/** The labels of the two fields most forms have: a title and a description, each in two languages. */
export const titleLabels = () => ({ da: m.field_title_da(), en: m.field_title_en() });
export const descriptionLabels = () => ({ da: m.field_desc_da(), en: m.field_desc_en() });
