import type { PageServerLoad } from './$types';
import { embedProgrammes } from '../embed.server.ts';

export const load: PageServerLoad = (event) => embedProgrammes(event);
