import type { PageServerLoad } from './$types';
import { embedJobs } from '../embed.server.ts';

export const load: PageServerLoad = (event) => embedJobs(event);
