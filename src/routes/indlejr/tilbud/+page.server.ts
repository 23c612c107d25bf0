import type { PageServerLoad } from './$types';
import { embedOffers } from '../embed.server.ts';

export const load: PageServerLoad = (event) => embedOffers(event);
