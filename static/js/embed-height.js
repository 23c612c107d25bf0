// In an embedded list (/indlejr/…): tells the page that frames it how tall the list is, so
// its optional script (/js/indlejr.js) can fit the frame. Nothing happens outside a frame.
(function () {
	if (window.parent === window) return;
	var send = function () {
		window.parent.postMessage(
			{ type: 'uddannelsesby:height', height: document.documentElement.scrollHeight },
			'*'
		);
	};
	window.addEventListener('load', send);
	window.addEventListener('resize', send);
})();
