/*
 * Cockpit dashboard plugin "时限监控" (time-limit board): running cases by SLA state per window and
 * case type, the cases at warning or overdue with a link to their process instance, each case's
 * escalation history and 督办 state, the 督办单 a supervisor issues from here, and the register of
 * all orders. Data from Bianmin's /api (same session as Cockpit).
 */
import { keepChinese } from '../../../bianmin/webapp-zh.js';

const STATES = [['onTime', '正常'], ['warning', '即将超期'], ['overdue', '已超期'], ['paused', '暂停计时']];
const CASE_TYPES = { IMMEDIATE: '即办件', COMMITTED: '承诺件', FORWARDED: '上报件', JOINT: '联办件', PETITION: '信访件' };
const ORDER_STATES = [['', '全部状态'], ['OPEN', '待回复'], ['ESCALATED', '逾期未回复, 已报中心领导'], ['REPLIED', '已回复'], ['CLOSED', '案件已结束, 未回复']];

function escape(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
}

function duration(minutes) {
  if (!minutes) return '';
  const days = Math.floor(minutes / 450);
  const rest = minutes % 450;
  return (days ? days + '个工作日' : '') + (rest ? Math.floor(rest / 60) + '小时' + (rest % 60) + '分' : '');
}

let csrf = null;

/** API messages are "中文 / English": a person reads the Chinese part. */
async function api(method, path, body) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    if (!csrf) csrf = (await api('GET', '/api/session')).csrfToken;
    headers['X-XSRF-TOKEN'] = csrf;
  }
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error((data && data.message ? String(data.message).split(' / ')[0] : '请求失败') + ' (' + response.status + ')');
  }
  return data;
}

function countTable(title, rows) {
  return `<h4>${title}</h4><table class="table table-condensed bianmin-counts"><thead><tr><th></th>`
    + STATES.map(([, label]) => `<th>${label}</th>`).join('') + '</tr></thead><tbody>'
    + rows.map(r => `<tr><th>${escape(r.name)}</th>` + STATES.map(([key]) =>
      `<td class="${key}">${r[key]}</td>`).join('') + '</tr>').join('') + '</tbody></table>';
}

function orderForm(node, caseNumber, people) {
  const box = node.querySelector('.bianmin-order-box');
  box.innerHTML = `<form class="bianmin-order-form" data-case="${escape(caseNumber)}"><h4>下达督办单: ${escape(caseNumber)}</h4>
    <p><label>督办要求<br><textarea name="instruction" rows="3" cols="60"></textarea></label></p>
    <p><label>责任人 <select name="to"><option value="">默认: 当前办理人, 无人办理时为窗口A岗</option>
      ${people.map(([id, name]) => `<option value="${escape(id)}">${escape(name)}</option>`).join('')}</select></label>
    <label>回复时限(工作日, 不填按规则) <input name="days" type="number" min="1" max="20"></label></p>
    <p><button type="submit" class="btn btn-primary">下达</button> <button type="button" class="btn btn-default bianmin-cancel">取消</button>
    <span class="text-danger bianmin-order-error" role="alert"></span></p></form>`;
  const form = box.querySelector('form');
  form.querySelector('.bianmin-cancel').addEventListener('click', () => { box.innerHTML = ''; });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await api('POST', '/api/cases/' + encodeURIComponent(caseNumber) + '/supervision-orders', { instruction: data.get('instruction'),
        to: data.get('to') || null, replyWithinWorkingDays: data.get('days') === '' ? null : Number(data.get('days')) });
      await load(node, false);
      node.querySelector('.bianmin-order-box').innerHTML = `<p class="text-success bianmin-order-done">已向责任人下达督办单: ${escape(caseNumber)}</p>`;
    } catch (e) {
      form.querySelector('.bianmin-order-error').textContent = e.message;
    }
  });
}

async function register(node) {
  const box = node.querySelector('.bianmin-register');
  const filter = box.querySelector('form');
  const query = new URLSearchParams();
  ['state', 'window', 'month'].forEach(k => { const v = filter.elements[k].value; if (v) query.set(k, v); });
  const rows = await api('GET', '/api/supervision-orders?' + query);
  box.querySelector('.bianmin-export').href = '/api/supervision-orders/export.xlsx?' + query;
  box.querySelector('tbody').innerHTML = rows.length ? rows.map(o => `<tr data-order="${o.id}"><td>${o.id}</td>
      <td><a href="/cases/${escape(o.caseNumber)}" target="_blank">${escape(o.caseNumber)}</a></td><td>${escape(o.windowName)}</td>
      <td>${escape(time(o.issuedAt))} ${escape(o.issuedByName)}</td><td>${escape(o.instruction)}</td>
      <td>${escape(o.toName)}, ${escape(time(o.replyDue))}前</td><td>${escape(o.stateLabel)}${o.repliedLate ? '(逾期回复)' : ''}</td>
      <td>${escape(o.replyText || '')}${o.secondNote ? ' ; 二次督办: ' + escape(o.secondNote) : ''}</td></tr>`).join('')
    : '<tr><td colspan="8">无</td></tr>';
}

async function load(node, withRegister = true) {
  let board;
  try {
    board = await api('GET', '/api/supervision/sla-board');
  } catch (e) {
    node.querySelector('.bianmin-board-body').innerHTML = `<p class="text-danger">无法加载时限监控: ${escape(e.message)}</p>`;
    return;
  }
  const t = board.totals;
  const atRisk = board.atRisk.map(c => `<tr class="${c.state === 'OVERDUE' ? 'danger' : 'warning'}" data-case="${escape(c.caseNumber)}">
      <td>${c.processInstanceId ? `<a href="#/process-instance/${escape(c.processInstanceId)}/runtime">${escape(c.caseNumber)}</a>` : escape(c.caseNumber)}</td>
      <td>${escape(c.itemName)}</td><td>${escape(c.windowName)}</td><td>${escape(CASE_TYPES[c.caseType] || c.caseType)}</td>
      <td>${escape((c.assigneeNames || []).join('、') || '未认领')}</td><td>${escape(time(c.deadline))}</td>
      <td>${c.state === 'OVERDUE' ? '已超期 ' + escape(duration(c.workingMinutesOverdue)) : '即将超期'}</td>
      <td class="bianmin-supervision" data-supervision="${escape(c.supervision)}">${escape(c.supervisionLabel)}</td>
      <td><a href="" class="bianmin-order">下达督办单</a> <a href="" class="bianmin-history">督办记录</a>
        <a href="/cases/${escape(c.caseNumber)}" target="_blank">办件详情</a></td></tr>`).join('');
  const windows = board.byWindow.map(w => [w.key, w.name]);
  node.querySelector('.bianmin-board-body').innerHTML = `
    <p class="bianmin-totals">运行中案件: 正常 <strong>${t.ON_TIME}</strong> · 即将超期 <strong class="text-warning">${t.WARNING}</strong>
      · 已超期 <strong class="text-danger">${t.OVERDUE}</strong> · 暂停计时 <strong>${t.PAUSED}</strong>
      <small>(统计时间 ${escape(time(board.at))})</small></p>
    <div class="row"><div class="col-md-6">${countTable('按窗口', board.byWindow)}</div>
      <div class="col-md-6">${countTable('按办件类型', board.byCaseType)}</div></div>
    <h4>即将超期和已超期的案件</h4>
    ${atRisk ? `<table class="table table-condensed bianmin-at-risk"><thead><tr><th>案件编号</th><th>事项</th><th>窗口</th>
      <th>办件类型</th><th>办理人</th><th>办结时限</th><th>状态</th><th>督办</th><th></th></tr></thead><tbody>${atRisk}</tbody></table>`
      : '<p>暂无即将超期或已超期的案件。</p>'}
    <div class="bianmin-order-box"></div>
    <div class="bianmin-history-box"></div>`;
  let people = null;
  node.querySelectorAll('.bianmin-order').forEach(link => link.addEventListener('click', async event => {
    event.preventDefault();
    if (!people) {
      const roster = await api('GET', '/api/roster').catch(() => []);
      const seen = new Set();
      people = roster.flatMap(p => [[p.a, p.aName], [p.b, p.bName]]).filter(([id]) => id && !seen.has(id) && seen.add(id));
    }
    orderForm(node, link.closest('tr').dataset.case, people);
  }));
  node.querySelectorAll('.bianmin-history').forEach(link => link.addEventListener('click', async event => {
    event.preventDefault();
    const caseNumber = link.closest('tr').dataset.case;
    const history = await api('GET', '/api/supervision/cases/' + encodeURIComponent(caseNumber) + '/escalations');
    node.querySelector('.bianmin-history-box').innerHTML = `<h4>${escape(caseNumber)} 督办记录</h4><ul>`
      + (history.length ? history.map(e => `<li>${escape(time(e.occurredAt))} ${escape(e.label)} ${escape(e.staffName || '')} ${escape(e.note || '')}</li>`).join('')
        : '<li>无</li>') + '</ul>';
  }));
  const filter = node.querySelector('.bianmin-register form');
  if (withRegister && filter && !filter.dataset.ready) {
    filter.dataset.ready = 'true';
    filter.elements.window.innerHTML = '<option value="">全部窗口</option>'
      + windows.map(([id, name]) => `<option value="${escape(id)}">${escape(name)}</option>`).join('');
    filter.addEventListener('submit', event => { event.preventDefault(); register(node); });
  }
  await register(node);
}

// the footer's time zone and moment's relative dates in Chinese, as in the other webapps
keepChinese();

export default [{
  id: 'bianmin-time-limit-board',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    node.innerHTML = `<section class="bianmin-time-limit-board"><h3>时限监控</h3>
      <div class="bianmin-board-body"><p>加载中…</p></div>
      <section class="bianmin-register"><h3>督办单登记簿</h3>
        <form class="form-inline"><select name="state" class="form-control">${ORDER_STATES.map(([v, l]) => `<option value="${v}">${l}</option>`).join('')}</select>
          <select name="window" class="form-control"><option value="">全部窗口</option></select>
          <label>月份 <input name="month" type="month" class="form-control"></label>
          <button type="submit" class="btn btn-default">查询</button> <a class="bianmin-export btn btn-default" href="/api/supervision-orders/export.xlsx">导出电子表格</a></form>
        <table class="table table-condensed bianmin-orders"><thead><tr><th>编号</th><th>案件编号</th><th>窗口</th><th>下达</th><th>督办要求</th>
          <th>责任人, 回复时限</th><th>状态</th><th>回复</th></tr></thead><tbody></tbody></table></section></section>`;
    load(node);
  }
}];
