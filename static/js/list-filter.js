// Progressive enhancement for long lists of checkboxes (the areas of an indicator, the partners
// of a partnership): a field that shows only the items whose name contains what is typed.
// Without this script every item is listed and the field stays hidden. Hidden items keep their
// checked state and are sent with the form.
//
// Markup: a container with `data-list-filter`; inside it the field (`data-list-filter-field`,
// hidden) with a search input and a `role=status` line whose `data-one` and `data-many`
// ("{count} … shown") say how many are shown; items with `data-filter-name`; and groups of
// items with `data-filter-part`, hidden when none of their items is shown.
(function () {
	var fold = function (text) {
		return text.toLocaleLowerCase('da').trim();
	};
	var lists = document.querySelectorAll('[data-list-filter]');
	for (var l = 0; l < lists.length; l++) enhance(lists[l]);

	function enhance(list) {
		var field = list.querySelector('[data-list-filter-field]');
		var input = field.querySelector('input[type=search]');
		var status = field.querySelector('[role=status]');
		var items = list.querySelectorAll('[data-filter-name]');
		var parts = list.querySelectorAll('[data-filter-part]');
		field.hidden = false;
		input.addEventListener('input', function () {
			var wanted = fold(input.value);
			var shown = 0;
			for (var i = 0; i < items.length; i++) {
				var match = fold(items[i].getAttribute('data-filter-name')).indexOf(wanted) !== -1;
				items[i].hidden = !match;
				if (match) shown++;
			}
			for (var j = 0; j < parts.length; j++) {
				parts[j].hidden = !parts[j].querySelector('[data-filter-name]:not([hidden])');
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
	}
})();
