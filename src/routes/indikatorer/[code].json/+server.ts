import { downloadHandler } from '$lib/server/http/indicator-download.ts';

export const GET = downloadHandler('json');
