import { JSDOM } from 'jsdom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderRichText } from './render.ts';

describe('renderRichText', () => {
	it('renders the Markdown subset partners are told about', () => {
		const html = renderRichText(
			'Vi tilbyder **gratis** lektiehjælp.\n\n- mandag\n- onsdag\n\nSe [vores side](https://example.dk).'
		);
		expect(html).toContain('<strong>gratis</strong>');
		expect(html).toContain('<li>mandag</li>');
		expect(html).toContain('<a href="https://example.dk" rel="noopener noreferrer nofollow">');
	});

	it('shows raw HTML as text instead of running it', () => {
		const html = renderRichText('Hej <script>alert(1)</script> <img src=x onerror=alert(2)>');
		expect(html).not.toMatch(/<script|<img/i);
		expect(html).toContain('&lt;script&gt;');
	});

	it('drops javascript: and data: links but keeps the link text', () => {
		for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x']) {
			const html = renderRichText(`[klik](${href})`);
			expect(html).not.toMatch(/javascript:|data:/i);
			expect(html).toContain('klik');
		}
	});

	it('turns page-level headings into sub-headings', () => {
		expect(renderRichText('# Overskrift')).toBe('<h3>Overskrift</h3>\n');
	});

	const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4'];

	it('never lets a tag, event handler or script address through, whatever is written', () => {
		const hostile = fc.oneof(
			fc.string({ unit: 'binary' }),
			fc.constantFrom(
				'<script>x</script>',
				'<a href="javascript:x">y</a>',
				'<svg onload=x>',
				'[a](javascript:x)',
				'<iframe src=x>',
				'<style>body{}</style>',
				'"><img src=x onerror=y>',
				'<a href="https://x" onclick="y">z</a>'
			)
		);
		fc.assert(
			fc.property(fc.array(hostile, { maxLength: 6 }), (parts) => {
				const html = renderRichText(parts.join(' '));
				// Judged as a browser reads it: what is escaped is text, whatever it says.
				const body = new JSDOM(`<body>${html}</body>`).window.document.body;
				for (const element of body.querySelectorAll('*')) {
					expect(ALLOWED_TAGS).toContain(element.tagName.toLowerCase());
					for (const { name, value } of element.attributes) {
						expect(['href', 'rel']).toContain(name);
						if (name === 'href') expect(value).toMatch(/^(https?:|mailto:|tel:|[^:]*$)/i);
					}
				}
			})
		);
	});
});
