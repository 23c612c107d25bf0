import { describe, expect, it } from 'vitest';
import { embedChoice, embedCode } from './embed-builder.ts';

const at = (query: string) => new URL(`https://uddannelsesby.example/indlejr?${query}`);

describe('the embed builder', () => {
	it('keeps the filters of a pasted search, whose list it then is, without its page', () => {
		const { choice, problem } = embedChoice(
			at(
				`liste=job&sprog=en&antal=4&hoejde=600&filtre=${encodeURIComponent('https://uddannelsesby.example/en/events?kind=brobygning&page=3')}`
			)
		);
		expect(problem).toBeUndefined();
		expect(choice).toEqual({
			list: 'arrangementer',
			language: 'en',
			count: 4,
			height: 600,
			search: 'kind=brobygning'
		});
		const code = embedCode(choice, 'https://uddannelsesby.example', 'Events – Uddannelsesby');
		expect(code.src).toBe('https://uddannelsesby.example/en/embed/events?kind=brobygning&antal=4');
		expect(code.link).toBe('https://uddannelsesby.example/en/events?kind=brobygning');
		expect(code.snippet).toContain(
			'<iframe data-uddannelsesby src="https://uddannelsesby.example/en/embed/events?kind=brobygning&amp;antal=4" title="Events – Uddannelsesby" width="100%" height="600"'
		);
	});

	it('embeds the programme list with its filters', () => {
		const { choice, problem } = embedChoice(
			at(`filtre=${encodeURIComponent('/uddannelser?level=eud&su=true')}`)
		);
		expect(problem).toBeUndefined();
		expect(choice).toMatchObject({ list: 'uddannelser', search: 'level=eud&su=true' });
		expect(embedCode({ ...choice, language: 'en' }, 'https://u.example', 'Programmes').src).toBe(
			'https://u.example/en/embed/programmes?level=eud&su=true&antal=5'
		);
	});

	it('refuses another site’s address or a page that is not a list, and keeps sane sizes', () => {
		expect(embedChoice(at('filtre=https%3A%2F%2Fexample.org%2Fjob')).problem).toBe('filters');
		expect(embedChoice(at('filtre=%2Fstrategi')).problem).toBe('filters');
		expect(embedChoice(at('antal=500&hoejde=10&liste=ingen')).choice).toMatchObject({
			list: 'arrangementer',
			count: 5,
			height: 500
		});
		// A title with quotes cannot break out of its attribute.
		const { snippet } = embedCode(
			embedChoice(at('liste=tilbud')).choice,
			'https://uddannelsesby.example',
			'"><script>alert(1)</script>'
		);
		expect(snippet).not.toContain('"><script>');
	});
});
