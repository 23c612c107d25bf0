import type { PageServerLoad } from './$types';
import { loadEventList } from '../event-list.server.ts';

export const load: PageServerLoad = (event) => loadEventList(event, true);
