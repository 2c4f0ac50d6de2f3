// 办件详情: the case file from GET /api/cases/{n} (same login as Tasklist), with the forms of the actions the viewer may take.
'use strict';

const caseNumber = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
const { api, time } = caseFiles;

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

function list(id, pairs) {
  const dl = document.getElementById(id);
  dl.replaceChildren();
  pairs.filter(([, value]) => value !== undefined && value !== null && value !== '').forEach(([label, value]) => {
    dl.append(el('dt', label));
    const dd = el('dd');
    if (value instanceof Node) dd.append(value); else dd.textContent = value;
    dl.append(dd);
  });
}

function rows(id, items, cells) {
  const body = document.getElementById(id);
  body.replaceChildren();
  if (!items.length) {
    const tr = el('tr'); tr.append(el('td', '无', { colspan: '4' })); body.append(tr); return;
  }
  items.forEach(item => {
    const tr = el('tr');
    cells(item).forEach(cell => { const td = el('td'); if (cell instanceof Node) td.append(cell); else td.textContent = cell || ''; tr.append(td); });
    body.append(tr);
  });
}

function render(d) {
  document.getElementById('title-number').textContent = d.caseNumber;
  document.title = '办件详情 ' + d.caseNumber + ' - 便民服务中心';
  list('summary-list', [['案件编号', d.caseNumber], ['办理事项', d.itemName], ['办件类型', d.caseTypeLabel], ['受理结论', d.dispositionLabel],
    ['办理状态', d.stateLabel], ['办理窗口', d.windowName], ['承办部门', d.departmentName], ['登记人', d.registeredByName],
    ['收件时间', time(d.receivedAt)], ['登记时间', time(d.registeredAt)], ['承诺时限', d.timeLimit], ['说明', d.reason]]);
  const sla = d.sla || {};
  const state = sla.stateLabel ? el('span', sla.stateLabel, { class: 'state ' + sla.state }) : null;
  list('sla-list', [['办结时限', time(sla.deadline) + (sla.provisional ? '(暂按法定节假日计算)' : '')], ['预警时间', time(sla.warnAt)],
    ['时限状态', state], ['已暂停计时', sla.pausedMinutes ? sla.pausedMinutes + '个工作分钟' : '无'], ['延期', d.extensionLabel],
    ['滞办告知', d.delayNoticeIssued ? '已出具' : '未出具'],
    ['补正期限', d.supplementDue ? time(d.supplementDue) + '前, 逾期未补正的终止办理' : null]]);
  const a = d.applicant || {};
  list('applicant-list', [['姓名', a.name], ['身份证号', a.idNumber], ['联系电话', a.phone], ['单位', a.organization],
    ['', a.masked ? '非本窗口案件, 个人信息已脱敏' : null]]);
  const names = ms => ms.map(m => m.name + (m.main ? '(主件)' : '')).join('、') || '无';
  list('materials-list', [['已收材料', names(d.materialsReceived || [])], ['待补正材料', names(d.missingMaterials || [])]]);
  rows('notice-rows', d.notices || [], n => [n.title + (n.sequence > 1 ? '(第' + n.sequence + '份)' : ''), time(n.issuedAt),
    el('a', '打印', { href: n.url, target: '_blank', 'data-notice': n.type })]);
  rows('task-rows', d.openTasks || [], t => [t.name, t.assigneeName || (t.assignee ? t.assignee : '待认领'), time(t.due)]);
  rows('order-rows', d.supervisionOrders || [], o => [time(o.issuedAt) + ' ' + o.issuedByName, o.instruction,
    o.toName + ', ' + time(o.replyDue) + '前', o.stateLabel + (o.repliedLate ? '(逾期回复)' : ''),
    [o.replyText ? time(o.repliedAt) + ' ' + o.replyText : '', o.secondNote ? '二次督办(' + o.secondByName + '): ' + o.secondNote : '']
      .filter(Boolean).join(' ; ')]);
  rows('timeline-rows', d.timeline || [], e => {
    const what = e.link ? el('a', e.label, { href: e.link, target: '_blank' }) : e.label;
    return [time(e.at), what, e.byName || (e.by ? e.by : '系统'), e.note];
  });
  const trace = el('ul');
  (d.ruleTrace || []).forEach(r => trace.append(el('li', r.ruleSetTitle + '(' + r.version.replace(/^.*@/, '') + ')第' + r.row + '行「'
    + r.rule + '」' + (r.basis ? ', 依据: ' + r.basis : ''))));
  list('rules-list', [['决定本案的规则', (d.ruleTrace || []).length ? trace : (d.firedRules || []).join('、')], ['说明依据', d.basis]]);
  renderActions(d);
}

// ---- actions: each opens its form with the case filled in ----

const forms = {
  supplement: d => ({ title: '接收补正材料', path: 'supplements', fields: (d.missingMaterials || []).map(m =>
      ({ name: 'materials', type: 'checkbox', value: m.code, label: m.name })), body: f => ({ materials: f.getAll('materials') }) }),
  extension: d => ({ title: '申请延期(须中心领导批准; ' + d.extensionLabel + ')', path: 'extensions', fields: [
      { name: 'days', type: 'number', label: '延长工作日数', min: 1 }, { name: 'reason', type: 'textarea', label: '延期理由' }],
      body: f => ({ days: f.get('days') === '' ? null : Number(f.get('days')), reason: f.get('reason') }) }),
  delay: () => ({ title: '申请滞办告知(须中心领导批准)', path: 'delay-notices', fields: [
      { name: 'until', type: 'date', label: '滞办至' }, { name: 'reason', type: 'textarea', label: '滞办原因' },
      { name: 'contact', type: 'text', label: '申请人联系方式(可选)' }],
      body: f => ({ until: f.get('until'), reason: f.get('reason'), contact: f.get('contact') || null }) }),
  proxy: d => ({ title: '委托代办', path: 'proxy', fields: [{ name: 'proxy', type: 'select', label: '代办员', options: d.proxyOptions || [] },
      { name: 'note', type: 'textarea', label: '备注(可选)' }],
      body: f => ({ proxy: f.get('proxy'), deliverTo: d.department, note: f.get('note') || null }) }),
  'supervision-order': d => ({ title: '下达督办单', path: 'supervision-orders', fields: [
      { name: 'instruction', type: 'textarea', label: '督办要求' },
      { name: 'to', type: 'select', label: '责任人', options: [{ value: '', label: '默认: 当前办理人, 无人办理时为窗口A岗' }]
        .concat(d.proxyOptions || []) },
      { name: 'replyWithinWorkingDays', type: 'number', label: '回复时限(工作日, 不填按规则)', min: 1 }],
      body: f => ({ instruction: f.get('instruction'), to: f.get('to') || null,
        replyWithinWorkingDays: f.get('replyWithinWorkingDays') === '' ? null : Number(f.get('replyWithinWorkingDays')) }) }),
  withdrawal: () => ({ title: '登记撤回申请', path: 'withdrawal', fields: [{ name: 'reason', type: 'textarea', label: '撤回原因(可选)' }],
      body: f => ({ reason: f.get('reason') || null }) }),
  evaluation: () => ({ title: '登记好差评', path: 'evaluation', fields: [{ name: 'rating', type: 'select', label: '评价', options:
      [['5', '非常满意'], ['4', '满意'], ['3', '基本满意'], ['2', '不满意'], ['1', '非常不满意']].map(([value, label]) => ({ value, label })) },
      { name: 'comment', type: 'textarea', label: '意见(可选)' }], body: f => ({ rating: Number(f.get('rating')), comment: f.get('comment') || null }) })
};

// a notice whose deadline a calendar change moved: issued again with the deadline now
['acceptance', 'extension'].forEach(type => {
  forms['reissue-' + type] = () => ({ title: '重新出具告知单(办结时限已因工作日历调整而改变)', path: 'notices/reissue', fields: [],
    body: () => ({ type }) });
});

function renderActions(d) {
  const buttons = document.getElementById('action-buttons');
  buttons.replaceChildren();
  const actions = d.actions || [];
  if (!actions.length) buttons.append(el('span', '当前没有您可办理的操作'));
  actions.forEach(action => {
    const button = el('button', action.label, { type: 'button', 'data-action': action.action });
    button.addEventListener('click', () => openForm(d, action.action));
    buttons.append(button);
  });
}

async function openForm(d, action) {
  if ((action === 'proxy' || action === 'supervision-order') && !d.proxyOptions) {
    const roster = await api('GET', '/api/roster').catch(() => []);
    const seen = new Set();
    d.proxyOptions = roster.flatMap(p => [[p.a, p.aName], [p.b, p.bName]]).filter(([id]) => id && !seen.has(id) && seen.add(id))
      .map(([value, label]) => ({ value, label: label || value }));
  }
  const spec = forms[action](d);
  const form = el('form', null, { class: 'action', 'data-form': action });
  form.append(el('h3', spec.title));
  spec.fields.forEach(field => {
    const label = el('label');
    let input;
    if (field.type === 'textarea') input = el('textarea', null, { name: field.name, rows: '3' });
    else if (field.type === 'select') {
      input = el('select', null, { name: field.name });
      field.options.forEach(o => input.append(el('option', o.label, { value: o.value })));
    } else {
      input = el('input', null, { name: field.name, type: field.type });
      if (field.value) input.value = field.value;
      if (field.min) input.min = field.min;
    }
    if (field.type === 'checkbox') { label.append(input, ' ' + field.label); } else { label.append(field.label + ': ', input); }
    form.append(label);
  });
  const submit = el('button', '提交', { type: 'submit' });
  const cancel = el('button', '取消', { type: 'button' });
  cancel.addEventListener('click', () => form.remove());
  const error = el('p', null, { class: 'error', role: 'alert' });
  form.append(submit, ' ', cancel, error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await api('POST', '/api/cases/' + encodeURIComponent(caseNumber) + '/' + spec.path, spec.body(new FormData(form)));
      form.remove();
      const result = document.getElementById('action-result');
      result.className = 'ok';
      result.textContent = spec.title.replace(/\(.*\)$/, '') + ': 已提交';
      await load();
    } catch (e) {
      error.textContent = e.message;
      submit.disabled = false;
    }
  });
  document.getElementById('action-form').replaceChildren(form);
}

async function load() {
  render(await api('GET', '/api/cases/' + encodeURIComponent(caseNumber)));
}

(async function start() {
  try {
    await caseFiles.session();
    await load();
    document.getElementById('file').classList.remove('hidden');
  } catch (e) {
    caseFiles.fail(e, '案件 ' + caseNumber + ' 不存在');
  }
})();
