import { describe, expect, it } from 'vitest';
import { attempt, bilingualValues, on } from './forms.ts';

class Gone extends Error {}
class Refused extends Error {
	constructor(readonly code: 'last' | 'other') {
		super(code);
	}
}

describe('attempt: a form action’s domain call', () => {
	it('gives the value when the call succeeds', async () => {
		expect(
			await attempt(
				async () => 42,
				on(Gone, () => 'gone')
			)
		).toEqual({ ok: true, value: 42 });
	});

	it('turns an expected error into its failure, the first that matches', async () => {
		const done = await attempt(
			async () => {
				throw new Refused('last');
			},
			on(Gone, () => 'gone'),
			on(Refused, (e) => `refused: ${e.code}`),
			on(Error, () => 'any error')
		);
		expect(done).toEqual({ ok: false, failure: 'refused: last' });
	});

	it('passes over a case whose condition does not hold, and throws what nothing expects', async () => {
		const call = () =>
			attempt(
				async () => {
					throw new Refused('other');
				},
				on(
					Refused,
					() => 'last administrator',
					(e) => e.code === 'last'
				)
			);
		await expect(call()).rejects.toThrow(Refused);
		await expect(
			attempt(
				async () => {
					throw new TypeError('a bug');
				},
				on(Gone, () => 'gone')
			)
		).rejects.toThrow(TypeError);
	});
});

describe('bilingualValues', () => {
	it('gives a bilingual text as its two form fields, English empty where there is none', () => {
		expect(bilingualValues('title', { da: 'Åbent hus', en: 'Open house' })).toEqual({
			titleDa: 'Åbent hus',
			titleEn: 'Open house'
		});
		expect(bilingualValues('desc', { da: 'Kun dansk' })).toEqual({
			descDa: 'Kun dansk',
			descEn: ''
		});
		expect(bilingualValues('note', null)).toEqual({ noteDa: '', noteEn: '' });
	});
});
