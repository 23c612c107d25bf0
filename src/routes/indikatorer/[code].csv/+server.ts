import { downloadHandler } from '$lib/server/api/indicator-download.ts';

export const GET = downloadHandler('csv');
