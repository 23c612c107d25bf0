// Progressive enhancement for the area page (/indikatorer/omraader/<code>): a field that shows
// only the areas whose name contains what is typed. Without this script every area is listed
// and the field stays hidden. Hidden areas keep their checked state and are sent with the form.
(function () {
	var form = document.querySelector('form[data-area-filter]');
	if (!form) return;
	var field = form.querySelector('[data-area-filter-field]');
	var input = form.querySelector('#area-filter');
	var status = field.querySelector('[role=status]');
	var items = form.querySelectorAll('[data-area]');
	var parts = form.querySelectorAll('[data-area-part]');
	field.hidden = false;
	var fold = function (text) {
		return text.toLocaleLowerCase('da').trim();
	};
	input.addEventListener('input', function () {
		var wanted = fold(input.value);
		var shown = 0;
		for (var i = 0; i < items.length; i++) {
			var match = fold(items[i].getAttribute('data-area')).indexOf(wanted) !== -1;
			items[i].hidden = !match;
			if (match) shown++;
		}
		for (var j = 0; j < parts.length; j++) {
			parts[j].hidden = !parts[j].querySelector('[data-area]:not([hidden])');
		}
		status.textContent =
			wanted === ''
				? ''
				: shown === 1
					? status.getAttribute('data-one')
					: status.getAttribute('data-many').replace('{count}', String(shown));
	});
	// Enter in the field filters; it does not send the form.
	input.addEventListener('keydown', function (event) {
		if (event.key === 'Enter') event.preventDefault();
	});
})();
