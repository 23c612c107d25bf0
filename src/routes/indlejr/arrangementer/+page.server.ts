import type { PageServerLoad } from './$types';
import { embedEvents } from '../embed.server.ts';

export const load: PageServerLoad = (event) => embedEvents(event);
