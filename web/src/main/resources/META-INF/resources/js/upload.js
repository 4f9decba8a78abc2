// CSV upload with a progress bar, and an import job followed in place. Without JavaScript the form posts normally:
// a small file's outcome comes back on the form, a large file's job status page refreshes itself until it is done.
(function () {
  if (!window.XMLHttpRequest || !window.FormData || !window.DOMParser) return;

  function parse(html) { return new DOMParser().parseFromString(html, 'text/html'); }

  // Reads the job's status page every second and replaces #import-status until the job is done.
  function follow(status) {
    if (!status || status.getAttribute('data-done') === 'true') return;
    var url = status.getAttribute('data-url');
    setTimeout(function () {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.onload = function () {
        var fresh = xhr.status === 200 ? parse(xhr.responseText).getElementById('import-status') : null;
        var current = document.getElementById('import-status');
        if (!fresh || !current) {
          if (current) current.insertAdjacentHTML('beforeend', '<p class="notice error" role="alert">Không đọc được tiến độ (mã ' + xhr.status + '): tải lại trang để xem.</p>');
          return;
        }
        current.parentNode.replaceChild(document.importNode(fresh, true), current);
        follow(document.getElementById('import-status'));
      };
      xhr.onerror = function () {
        var current = document.getElementById('import-status');
        if (current) current.insertAdjacentHTML('beforeend', '<p class="notice error" role="alert">Mất kết nối: tải lại trang để xem tiến độ.</p>');
      };
      xhr.send();
    }, 1000);
  }

  // on the job's own status page
  follow(document.getElementById('import-status'));

  var form = document.getElementById('csv-form');
  if (!form) return;
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var box = document.getElementById('csv-progress');
    var bar = document.getElementById('csv-bar');
    var label = document.getElementById('csv-progress-label');
    var result = document.getElementById('import-result');
    box.hidden = false; bar.value = 0; label.textContent = 'Đang tải lên…';
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); label.textContent = 'Đang tải lên… ' + bar.value + '%'; }
    };
    xhr.upload.onload = function () { bar.removeAttribute('value'); label.textContent = 'Đang kiểm tra tệp…'; };
    xhr.onload = function () {
      box.hidden = true;
      var doc = parse(xhr.responseText);
      // a large file: the answer is its job's status page (after the redirect); follow it here
      var status = doc.getElementById('import-status');
      if (status) {
        result.innerHTML = '';
        result.appendChild(document.importNode(status, true));
        follow(document.getElementById('import-status'));
        return;
      }
      var fresh = doc.getElementById('import-result');
      if (fresh) { result.innerHTML = fresh.innerHTML; }
      else { result.textContent = 'Không nhận được kết quả (mã ' + xhr.status + ').'; }
    };
    xhr.onerror = function () { box.hidden = true; result.textContent = 'Mất kết nối khi tải lên.'; };
    xhr.send(new FormData(form));
  });
})();
