// For a page that frames an Uddannelsesby list: fits each frame marked data-uddannelsesby to
// the height its list reports (embed-height.js inside the frame). Optional: without it the
// frame keeps the height the snippet gives it.
(function () {
	window.addEventListener('message', function (event) {
		var data = event.data;
		if (!data || data.type !== 'uddannelsesby:height' || typeof data.height !== 'number') return;
		var frames = document.querySelectorAll('iframe[data-uddannelsesby]');
		for (var i = 0; i < frames.length; i++)
			if (frames[i].contentWindow === event.source)
				frames[i].style.height = Math.min(Math.max(Math.ceil(data.height), 80), 5000) + 'px';
	});
})();
