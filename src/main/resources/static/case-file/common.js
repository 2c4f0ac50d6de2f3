// Shared by 案件查询 and 办件详情: the API call with the webapps' login, Chinese messages and dates.
'use strict';

const caseFiles = (() => {
  let csrf = null;

  /** API messages are "中文 / English": a person reads the Chinese part. */
  function chinese(message) { return message ? String(message).split(' / ')[0] : null; }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers['X-XSRF-TOKEN'] = csrf;
    const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error(response.status === 401 ? '请先登录' : chinese(data && data.message) || ('请求失败 ' + response.status));
      error.status = response.status;
      throw error;
    }
    return data;
  }

  /** Logs the page in: the user's name into {@code #user}, the CSRF token for what it posts. */
  async function session() {
    const s = await api('GET', '/api/session');
    csrf = s.csrfToken;
    document.getElementById('user').textContent = s.name;
    return s;
  }

  /** 2026-12-16T17:30+08:00 → 2026年12月16日 17:30 */
  function time(iso) {
    const m = iso && /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
    return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}:${m[5]}` : (iso || '');
  }

  /** Shows why the page cannot open: a login link for 401, the message otherwise. */
  function fail(e, notFound) {
    const box = document.getElementById('message');
    box.classList.remove('hidden');
    if (e.status === 401) {
      const link = document.createElement('a');
      link.href = '/camunda/app/welcome/default/#!/login';
      link.textContent = '登录';
      box.append('请先', link, '后再打开本页。');
    } else {
      box.textContent = e.status === 404 && notFound ? notFound : e.message;
    }
  }

  return { api, session, time, fail };
})();
