import { downloadHandler } from '$lib/server/indicators/download-route.ts';

export const GET = downloadHandler('xlsx');
