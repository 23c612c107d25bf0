// The offer map: progressive enhancement for /tilbud. Without JavaScript, or when Leaflet or
// the tiles cannot load, the list of results is the whole answer. Nothing is fetched from the
// tile server until the reader asks for the map.
(function () {
	const box = document.querySelector('[data-offer-map]');
	if (!box) return;
	const markers = JSON.parse(box.getAttribute('data-markers') || '[]');
	const tiles = box.getAttribute('data-tiles');
	if (!tiles || markers.length === 0) return;

	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'button button-secondary';
	button.textContent = box.getAttribute('data-label-show');
	const note = document.createElement('p');
	note.className = 'form-hint';
	note.setAttribute('role', 'status');
	box.append(button, note);

	function load(tag, attributes) {
		return new Promise(function (resolve, reject) {
			const element = document.createElement(tag);
			Object.assign(element, attributes);
			element.onload = resolve;
			element.onerror = reject;
			document.head.append(element);
		});
	}

	button.addEventListener('click', async function () {
		button.disabled = true;
		note.textContent = box.getAttribute('data-label-loading');
		try {
			await Promise.all([
				load('link', { rel: 'stylesheet', href: '/vendor/leaflet/leaflet.css' }),
				load('script', { src: '/vendor/leaflet/leaflet.js' })
			]);
		} catch {
			note.textContent = box.getAttribute('data-label-failed');
			button.disabled = false;
			return;
		}
		button.remove();
		note.textContent = '';
		const canvas = document.createElement('div');
		canvas.className = 'offer-map';
		canvas.setAttribute('role', 'region');
		canvas.setAttribute('aria-label', box.getAttribute('data-label-region'));
		box.prepend(canvas);
		const L = window.L;
		L.Icon.Default.imagePath = '/vendor/leaflet/images/';
		const map = L.map(canvas, { scrollWheelZoom: false });
		let failed = 0;
		L.tileLayer(tiles, {
			maxZoom: 18,
			attribution: box.getAttribute('data-attribution') || ''
		})
			.on('tileerror', function () {
				failed++;
				if (failed === 1) note.textContent = box.getAttribute('data-label-failed');
			})
			.addTo(map);
		// Leaflet names its close button in English; name it in the page's language.
		map.on('popupopen', function (event) {
			const close = event.popup.getElement().querySelector('.leaflet-popup-close-button');
			if (close) close.setAttribute('aria-label', box.getAttribute('data-label-close'));
		});
		const bounds = [];
		for (const m of markers) {
			// Built as elements, so no text from the directory is ever read as HTML.
			const link = document.createElement('a');
			link.href = m.href;
			link.textContent = m.title;
			const place = document.createElement('div');
			place.textContent = m.place;
			const popup = document.createElement('div');
			popup.append(link, place);
			L.marker([m.lat, m.lon], { title: m.title, alt: m.title }).bindPopup(popup).addTo(map);
			bounds.push([m.lat, m.lon]);
		}
		map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
	});
})();
