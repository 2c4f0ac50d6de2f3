// 案件查询: GET /api/cases with the search form's fields; each case links to its file (办件详情).
'use strict';

const SIZE = 20;
let page = 0;

const { api, time } = caseFiles;

function cell(content) {
  const td = document.createElement('td');
  if (content instanceof Node) td.append(content); else td.textContent = content || '';
  return td;
}

async function search() {
  const form = new FormData(document.getElementById('query'));
  const params = new URLSearchParams();
  for (const [key, value] of form.entries()) if (value) params.set(key, value);
  params.set('page', page);
  params.set('size', SIZE);
  const error = document.getElementById('query-error');
  error.textContent = '';
  try {
    const answer = await api('GET', '/api/cases?' + params);
    const body = document.getElementById('results');
    body.replaceChildren();
    answer.items.forEach(item => {
      const link = document.createElement('a');
      link.href = '/cases/' + encodeURIComponent(item.caseNumber);
      link.textContent = item.caseNumber;
      const tr = document.createElement('tr');
      tr.append(cell(link), cell(item.itemName), cell(item.applicant.name), cell(item.windowName), cell(item.stateLabel),
        cell(time(item.registeredAt)), cell(time(item.deadline)));
      body.append(tr);
    });
    document.getElementById('total').textContent = '共 ' + answer.total + ' 件';
    const pages = Math.max(1, Math.ceil(answer.total / SIZE));
    document.getElementById('page').textContent = '第 ' + (page + 1) + ' / ' + pages + ' 页';
    document.getElementById('previous').disabled = page === 0;
    document.getElementById('next').disabled = page + 1 >= pages;
  } catch (e) {
    error.textContent = e.message;
  }
}

document.getElementById('query').addEventListener('submit', event => { event.preventDefault(); page = 0; search(); });
document.getElementById('previous').addEventListener('click', () => { page = Math.max(0, page - 1); search(); });
document.getElementById('next').addEventListener('click', () => { page++; search(); });

(async function start() {
  try {
    await caseFiles.session();
    document.getElementById('search').classList.remove('hidden');
    const q = new URLSearchParams(location.search).get('q');
    if (q) document.querySelector('input[name=q]').value = q;
    await search();
  } catch (e) {
    caseFiles.fail(e);
  }
})();
