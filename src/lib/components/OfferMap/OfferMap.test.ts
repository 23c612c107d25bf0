import { expect, it } from 'vitest';
import { rendered } from '../testing.ts';
import OfferMap from './OfferMap.svelte';

it('OfferMap: hands the places and its labels to the map script, escaped', () => {
	const markers = [
		{ title: 'Klub "Ung"', href: '/tilbud/klub', place: 'Hasseris', lat: 57.03, lon: 9.88 }
	];
	const page = rendered(OfferMap, {
		tiles: 'https://tiles.example/{z}/{x}/{y}.png',
		attribution: '© OpenStreetMap',
		markers
	});
	const box = page.querySelector<HTMLElement>('[data-offer-map]')!;
	expect(JSON.parse(box.dataset.markers!)).toEqual(markers);
	expect(box.dataset.tiles).toBe('https://tiles.example/{z}/{x}/{y}.png');
	expect(box.dataset.labelShow).toBeTruthy();
});
