// Progressive enhancement for the indicator upload form: shows how much of the file has been
// sent and then that the server is checking it. Without this script the form posts normally.
(function () {
	var form = document.querySelector('form[data-upload-progress]');
	if (!form || !window.XMLHttpRequest || !window.FormData) return;
	var bar = document.getElementById('upload-progress');
	var status = document.getElementById('upload-status');
	form.addEventListener('submit', function (event) {
		event.preventDefault();
		var request = new XMLHttpRequest();
		request.open('POST', form.action);
		request.setRequestHeader('accept', 'text/html');
		bar.hidden = false;
		request.upload.onprogress = function (e) {
			if (!e.lengthComputable) return;
			var percent = Math.round((e.loaded / e.total) * 100);
			bar.value = percent;
			status.textContent = form.getAttribute('data-sending').replace('{percent}', percent);
		};
		request.upload.onload = function () {
			bar.removeAttribute('value');
			status.textContent = form.getAttribute('data-checking');
		};
		request.onload = function () {
			if (request.responseURL && request.responseURL !== location.href)
				history.replaceState(null, '', request.responseURL);
			document.open();
			document.write(request.responseText);
			document.close();
		};
		request.onerror = function () {
			form.submit();
		};
		request.send(new FormData(form));
	});
})();
