// Resumable chunked upload of a record's file (REC-5): start a session, send 8 MiB chunks with Upload-Offset,
// ask the server for its offset (HEAD) after a broken connection and go on from there, then post the metadata.
(function () {
    'use strict';
    var CHUNK = 8 * 1024 * 1024;
    var MAX_RETRIES = 8;

    function fieldName(name) {
        // Input.StartedAt -> startedAt
        var n = name.replace(/^Input\./, '');
        return n.charAt(0).toLowerCase() + n.slice(1);
    }

    function metadata(form) {
        var data = {};
        Array.prototype.forEach.call(form.elements, function (el) {
            if (!el.name || el.name.indexOf('Input.') !== 0) return;
            var key = fieldName(el.name);
            if (el.type === 'checkbox') { data[key] = el.checked; return; }
            if (el.type === 'hidden' && (el.value === 'false' || el.value === 'true')) return;
            if (el.value === '') { data[key] = null; return; }
            if (key === 'collectorOfficerId') { data[key] = parseInt(el.value, 10); return; }
            // datetime-local gives minutes only; the server reads zone-less times as China Standard Time.
            data[key] = el.type === 'datetime-local' && el.value.length === 16 ? el.value + ':00' : el.value;
        });
        return data;
    }

    function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

    function init(form) {
        var caseId = form.getAttribute('data-case-id');
        var fileInput = form.querySelector('input[type=file]');
        var status = form.querySelector('[data-upload-status]');
        var bar = form.querySelector('[data-testid=upload-progress]');
        var percent = form.querySelector('[data-upload-percent]');
        var message = form.querySelector('[data-upload-message]');
        var errorBox = form.querySelector('[data-testid=upload-errors]');
        var button = form.querySelector('button[type=submit]');
        var current = null; // {file, uploadId}

        function progress(done, total) {
            var p = total === 0 ? 100 : Math.floor(done * 100 / total);
            bar.value = p;
            percent.textContent = p + '%';
        }

        function showErrors(messages) {
            errorBox.innerHTML = '';
            var ul = document.createElement('ul');
            ul.className = 'mb-0';
            messages.forEach(function (m) { var li = document.createElement('li'); li.textContent = m; ul.appendChild(li); });
            errorBox.appendChild(ul);
            errorBox.classList.remove('d-none');
        }

        async function problemMessages(response) {
            try {
                var p = await response.json();
                if (p.errors && p.errors.length) return p.errors.map(function (e) { return e.message; });
                return [p.detail || p.title || ('错误 ' + response.status)];
            } catch (e) { return ['错误 ' + response.status]; }
        }

        async function serverOffset(uploadId) {
            var r = await fetch('/api/v1/uploads/' + uploadId, { method: 'HEAD', credentials: 'same-origin', cache: 'no-store' });
            if (!r.ok) throw new Error('上传会话已失效，请重新选择文件上传');
            return parseInt(r.headers.get('Upload-Offset'), 10);
        }

        async function send(file, uploadId) {
            var offset = await serverOffset(uploadId);
            var failures = 0;
            progress(offset, file.size);
            while (offset < file.size) {
                var chunk = file.slice(offset, Math.min(offset + CHUNK, file.size));
                try {
                    var r = await fetch('/api/v1/uploads/' + uploadId, {
                        method: 'PATCH', credentials: 'same-origin',
                        headers: { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
                        body: chunk
                    });
                    if (r.status === 204 || r.status === 409) {
                        // 409: the server holds a different offset (or is still receiving an earlier chunk); go on from there.
                        if (r.status === 409) await sleep(500);
                        offset = parseInt(r.headers.get('Upload-Offset'), 10);
                        failures = 0;
                        message.textContent = '';
                    } else {
                        throw new Error((await problemMessages(r)).join('；'));
                    }
                } catch (e) {
                    if (++failures > MAX_RETRIES) throw new Error('网络中断，已重试多次仍未成功；请稍后再点“上传并登记”，将从中断处继续');
                    message.textContent = '网络中断，正在重试（第 ' + failures + ' 次）…';
                    await sleep(Math.min(30000, 1000 * Math.pow(2, failures - 1)));
                    offset = await serverOffset(uploadId);
                }
                progress(offset, file.size);
            }
        }

        form.addEventListener('submit', async function (ev) {
            var file = fileInput.files && fileInput.files[0];
            if (!file || !window.fetch) return; // the plain form post handles it
            ev.preventDefault();
            errorBox.classList.add('d-none');
            status.classList.remove('d-none');
            button.disabled = true;
            try {
                if (!current || current.file !== file) {
                    var start = await fetch('/api/v1/cases/' + caseId + '/uploads', {
                        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
                        body: JSON.stringify({ fileName: file.name, size: file.size, contentType: file.type || 'application/octet-stream' })
                    });
                    if (!start.ok) { showErrors(await problemMessages(start)); return; }
                    current = { file: file, uploadId: (await start.json()).uploadId };
                }
                await send(file, current.uploadId);
                message.textContent = '正在校验并登记…';
                var done = await fetch('/api/v1/uploads/' + current.uploadId + '/complete', {
                    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify(metadata(form))
                });
                if (done.status === 201) { window.location.href = '/cases/' + caseId + '/records'; return; }
                if (done.status === 404) current = null;
                showErrors(await problemMessages(done));
                message.textContent = '';
            } catch (e) {
                showErrors([e.message]);
            } finally {
                button.disabled = false;
            }
        });
    }

    document.querySelectorAll('form[data-upload]').forEach(init);
})();
