// 月度考核汇总表: the month's sheet from /api/assessments (same login as Tasklist): assessors see every
// line with its rule, correct with a reason and publish; staff see their own published line and appeal.
'use strict';

const { api, time } = caseFiles;
let session = null;

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

function row(cells) {
  const tr = el('tr');
  cells.forEach(cell => { const td = el('td'); if (cell instanceof Node) td.append(cell); else td.textContent = cell == null ? '' : cell; tr.append(td); });
  return tr;
}

const watcher = () => session.groups.some(g => g === 'supervisors' || g === 'directors' || g === 'camunda-admin');
const points = p => (p > 0 ? '+' : '') + Number(p);

function lastMonth() {
  const d = new Date(Date.now() + 8 * 3600 * 1000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

function monthTitle(month) {
  return month.slice(0, 4) + '年' + Number(month.slice(5, 7)) + '月 窗口工作人员月度考核汇总表';
}

async function load(month) {
  document.getElementById('month').value = month;
  document.getElementById('xlsx').href = '/api/assessments/' + month + '/export.xlsx';
  document.getElementById('message').classList.add('hidden');
  document.getElementById('sheet').classList.remove('hidden');
  let sheet;
  try {
    sheet = await api('GET', '/api/assessments/' + month);
  } catch (e) {
    document.getElementById('title').textContent = monthTitle(month);
    document.getElementById('state-line').textContent = e.status === 404 ? e.message : '';
    ['people', 'windows', 'appeals'].forEach(id => document.getElementById(id).replaceChildren());
    document.getElementById('compute').classList.toggle('hidden', !(e.status === 404 && watcher() && !/尚未发布/.test(e.message)));
    document.getElementById('manage').classList.add('hidden');
    document.getElementById('appeals-section').classList.add('hidden');
    if (e.status !== 404) throw e;
    return;
  }
  document.getElementById('compute').classList.add('hidden');
  document.getElementById('title').textContent = sheet.title;
  const stateLine = document.getElementById('state-line');
  stateLine.replaceChildren(el('span', sheet.stateLabel, { class: sheet.state === 'PUBLISHED' ? '' : 'draft' }),
    sheet.publishedAt ? '(' + time(sheet.publishedAt) + ' ' + (sheet.publishedByName || '') + '发布)' : '',
    ' · 计算时间 ' + time(sheet.computedAt) + ' · 依据规则 ' + sheet.ruleVersion.replace(/^.*@v/, '考核规则第') + (/@v/.test(sheet.ruleVersion) ? '版' : ''));
  const people = document.getElementById('people');
  people.replaceChildren();
  sheet.staff.forEach(s => {
    const lines = el('ul', null, { class: 'lines' });
    s.lines.forEach(l => lines.append(el('li', points(l.points) + ' ' + l.description + (l.rule ? ' (' + l.rule.replace(/^.*\/ /, '') + ')' : ''))));
    if (!s.lines.length) lines.append(el('li', '无加扣分'));
    people.append(row([s.name, s.windowName, Number(s.score), lines]));
  });
  const windows = document.getElementById('windows');
  windows.replaceChildren();
  sheet.windows.forEach(w => windows.append(row([w.rank, w.name, Number(w.score), w.redFlag ? '是' : '', w.awardEligible ? '保留' : '取消'])));

  const manage = document.getElementById('manage');
  manage.classList.toggle('hidden', !watcher());
  document.getElementById('correction').classList.toggle('hidden', sheet.state === 'PUBLISHED');
  document.getElementById('publish').classList.toggle('hidden', sheet.state === 'PUBLISHED');
  const select = document.querySelector('#correction select');
  select.replaceChildren(...sheet.staff.map(s => el('option', s.name + (s.windowName ? ' (' + s.windowName + ')' : ''), { value: s.staff })));

  const appealsSection = document.getElementById('appeals-section');
  appealsSection.classList.toggle('hidden', sheet.state !== 'PUBLISHED');
  if (sheet.state === 'PUBLISHED') {
    const appeals = await api('GET', '/api/assessments/' + month + '/appeals');
    const body = document.getElementById('appeals');
    body.replaceChildren();
    if (!appeals.length) body.append(row(['无', '', '', '']));
    appeals.forEach(a => body.append(row([a.staffName, a.text, a.stateLabel, a.answer ? a.answer + (a.points ? ' (更正' + points(a.points) + '分)' : '') : ''])));
    document.getElementById('appeal').classList.toggle('hidden', watcher() || !sheet.staff.length);
  }
}

(async function start() {
  try {
    session = await caseFiles.session();
    const picker = document.getElementById('month');
    picker.addEventListener('change', () => load(picker.value).catch(fail));
    document.getElementById('run').addEventListener('click', async () => {
      try { await api('POST', '/api/assessments/' + picker.value + '/run'); await load(picker.value); } catch (e) { fail(e); }
    });
    document.getElementById('publish').addEventListener('click', async () => {
      try { await api('POST', '/api/assessments/' + picker.value + '/publish'); await load(picker.value); }
      catch (e) { document.getElementById('manage-error').textContent = e.message; }
    });
    document.getElementById('correction').addEventListener('submit', async event => {
      event.preventDefault();
      const f = new FormData(event.target);
      try {
        await api('POST', '/api/assessments/' + picker.value + '/corrections', { staff: f.get('staff'),
          points: f.get('points') === '' ? null : Number(f.get('points')), reason: f.get('reason') });
        event.target.reset();
        document.getElementById('manage-error').textContent = '';
        await load(picker.value);
      } catch (e) { document.getElementById('manage-error').textContent = e.message; }
    });
    document.getElementById('appeal').addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await api('POST', '/api/assessments/' + picker.value + '/appeals', { text: new FormData(event.target).get('text') });
        event.target.reset();
        document.getElementById('appeal-error').textContent = '';
        await load(picker.value);
      } catch (e) { document.getElementById('appeal-error').textContent = e.message; }
    });
    await load(new URLSearchParams(location.search).get('month') || lastMonth());
  } catch (e) {
    fail(e);
  }
})();

function fail(e) {
  const box = document.getElementById('message');
  box.classList.remove('hidden');
  if (e.status === 401) {
    box.replaceChildren('请先', el('a', '登录', { href: '/camunda/app/welcome/default/#!/login' }), '后再打开本页。');
  } else {
    box.textContent = e.message;
  }
}
