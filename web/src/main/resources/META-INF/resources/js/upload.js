// CSV upload with a progress bar. Without JavaScript the form posts normally and the page shows the same result.
(function () {
  var form = document.getElementById('csv-form');
  if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) return;
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var box = document.getElementById('csv-progress');
    var bar = document.getElementById('csv-bar');
    var label = document.getElementById('csv-progress-label');
    box.hidden = false; bar.value = 0; label.textContent = 'Đang tải lên…';
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); label.textContent = 'Đang tải lên… ' + bar.value + '%'; }
    };
    xhr.upload.onload = function () { bar.removeAttribute('value'); label.textContent = 'Đang kiểm tra và nhập số liệu…'; };
    xhr.onload = function () {
      var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var fresh = doc.getElementById('import-result');
      if (fresh) { document.getElementById('import-result').innerHTML = fresh.innerHTML; }
      else { document.getElementById('import-result').textContent = 'Không nhận được kết quả (mã ' + xhr.status + ').'; }
      box.hidden = true;
    };
    xhr.onerror = function () { box.hidden = true; document.getElementById('import-result').textContent = 'Mất kết nối khi tải lên.'; };
    xhr.send(new FormData(form));
  });
})();
