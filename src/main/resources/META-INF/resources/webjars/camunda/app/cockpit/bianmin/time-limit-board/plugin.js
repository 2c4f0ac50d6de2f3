/*
 * Cockpit dashboard plugin "时限监控" (time-limit board): running cases by SLA state per window and
 * case type, the cases at warning or overdue with a link to their process instance, and each case's
 * escalation history. Data from Bianmin's /api/supervision (same session as Cockpit).
 */
import { keepChinese } from '../../../bianmin/webapp-zh.js';

const STATES = [['onTime', '正常'], ['warning', '即将超期'], ['overdue', '已超期'], ['paused', '暂停计时']];
const CASE_TYPES = { IMMEDIATE: '即办件', COMMITTED: '承诺件', FORWARDED: '上报件', JOINT: '联办件', PETITION: '信访件' };

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

function countTable(title, rows) {
  return `<h4>${title}</h4><table class="table table-condensed bianmin-counts"><thead><tr><th></th>`
    + STATES.map(([, label]) => `<th>${label}</th>`).join('') + '</tr></thead><tbody>'
    + rows.map(r => `<tr><th>${escape(r.name)}</th>` + STATES.map(([key]) =>
      `<td class="${key}">${r[key]}</td>`).join('') + '</tr>').join('') + '</tbody></table>';
}

async function load(node) {
  const response = await fetch('/api/supervision/sla-board', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    node.querySelector('.bianmin-board-body').innerHTML = `<p class="text-danger">无法加载时限监控 (${response.status})</p>`;
    return;
  }
  const board = await response.json();
  const t = board.totals;
  const atRisk = board.atRisk.map(c => `<tr class="${c.state === 'OVERDUE' ? 'danger' : 'warning'}" data-case="${escape(c.caseNumber)}">
      <td>${c.processInstanceId ? `<a href="#/process-instance/${escape(c.processInstanceId)}/runtime">${escape(c.caseNumber)}</a>` : escape(c.caseNumber)}</td>
      <td>${escape(c.itemName)}</td><td>${escape(c.windowName)}</td><td>${escape(CASE_TYPES[c.caseType] || c.caseType)}</td>
      <td>${escape(c.assignees.join(', ') || '未认领')}</td><td>${escape(time(c.deadline))}</td>
      <td>${c.state === 'OVERDUE' ? '已超期 ' + escape(duration(c.workingMinutesOverdue)) : '即将超期'}</td>
      <td><a href="" class="bianmin-history">督办记录</a> <a href="/cases/${escape(c.caseNumber)}" target="_blank">办件详情</a></td></tr>`).join('');
  node.querySelector('.bianmin-board-body').innerHTML = `
    <p class="bianmin-totals">运行中案件: 正常 <strong>${t.ON_TIME}</strong> · 即将超期 <strong class="text-warning">${t.WARNING}</strong>
      · 已超期 <strong class="text-danger">${t.OVERDUE}</strong> · 暂停计时 <strong>${t.PAUSED}</strong>
      <small>(统计时间 ${escape(time(board.at))})</small></p>
    <div class="row"><div class="col-md-6">${countTable('按窗口', board.byWindow)}</div>
      <div class="col-md-6">${countTable('按办件类型', board.byCaseType)}</div></div>
    <h4>即将超期和已超期的案件</h4>
    ${atRisk ? `<table class="table table-condensed bianmin-at-risk"><thead><tr><th>案件编号</th><th>事项</th><th>窗口</th>
      <th>办件类型</th><th>办理人</th><th>办结时限</th><th>状态</th><th></th></tr></thead><tbody>${atRisk}</tbody></table>`
      : '<p>暂无即将超期或已超期的案件。</p>'}
    <div class="bianmin-history-box"></div>`;
  node.querySelectorAll('.bianmin-history').forEach(link => link.addEventListener('click', async event => {
    event.preventDefault();
    const caseNumber = link.closest('tr').dataset.case;
    const history = await fetch('/api/supervision/cases/' + encodeURIComponent(caseNumber) + '/escalations',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(r => r.json());
    node.querySelector('.bianmin-history-box').innerHTML = `<h4>${escape(caseNumber)} 督办记录</h4><ul>`
      + (history.length ? history.map(e => `<li>${escape(time(e.occurredAt))} ${escape(e.label)} ${escape(e.staffName || '')} ${escape(e.note || '')}</li>`).join('')
        : '<li>无</li>') + '</ul>';
  }));
}

// the footer's time zone and moment's relative dates in Chinese, as in the other webapps
keepChinese();

export default [{
  id: 'bianmin-time-limit-board',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    node.innerHTML = `<section class="bianmin-time-limit-board"><h3>时限监控</h3>
      <div class="bianmin-board-body"><p>加载中…</p></div></section>`;
    load(node);
  }
}];
