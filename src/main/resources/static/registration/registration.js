// 首问、投诉与预约登记: the forms for POST /api/inquiries, /api/complaints and /api/appointments. A refusal
// ("field: 中文 / English") is shown beside the field it names; nothing typed is lost.
'use strict';

const { api, time } = caseFiles;

/** 2026-12-03T09:30 (a datetime-local input) → 2026-12-03T09:30:00+08:00, in the browser's zone. */
function offsetTime(local) {
  if (!local) return null;
  const minutes = -new Date(local).getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const pad = n => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return local + ':00' + sign + pad(minutes / 60) + ':' + pad(minutes % 60);
}

const blank = v => (v === '' || v === undefined ? null : v);

/** The forms: their fields (name = the request's field as the server names it in a refusal) and the request. */
function forms(roster) {
  const windows = [...new Map(roster.map(p => [p.window, p.windowName || p.window])).entries()]
    .map(([value, label]) => ({ value, label }));
  const people = [...new Map(roster.flatMap(p => [[p.a, p.aName], [p.b, p.bName]]).filter(([id]) => id)).entries()]
    .map(([value, label]) => ({ value, label: label || value }));
  const optional = list => [{ value: '', label: '(不选)' }, ...list];
  return {
    inquiry: {
      title: '首问登记', path: '/api/inquiries',
      hint: '来访或来电咨询的, 首问人当场登记; 不能当场答复的转交相关窗口或人员, 由其答复。',
      fields: [
        { name: 'channel', label: '咨询方式', type: 'select', required: true, options: [{ value: 'WINDOW', label: '窗口来访' }, { value: 'PHONE', label: '电话咨询' }] },
        { name: 'askedAt', label: '咨询时间(不填即为现在)', type: 'datetime-local' },
        { name: 'name', label: '咨询人姓名', type: 'text', required: true },
        { name: 'organization', label: '单位', type: 'text' },
        { name: 'phone', label: '联系电话', type: 'tel' },
        { name: 'matter', label: '咨询事项', type: 'textarea', required: true },
        { name: 'answer', label: '答复结果', type: 'textarea' },
        { name: 'referredTo', label: '转交窗口', type: 'select', options: optional(windows) },
        { name: 'referredPerson', label: '转交人员', type: 'select', options: optional(people) }
      ],
      body: f => ({ channel: f.get('channel'), askedAt: offsetTime(f.get('askedAt')), name: f.get('name'),
        organization: blank(f.get('organization')), phone: blank(f.get('phone')), matter: f.get('matter'),
        answer: blank(f.get('answer')), referredTo: blank(f.get('referredTo')), referredPerson: blank(f.get('referredPerson')) }),
      done: r => `已登记首问 第${r.id}号` + (r.referredTo || r.referredPerson ? ', 已转交办理' : '')
    },
    complaint: {
      title: '投诉登记', path: '/api/complaints',
      hint: '投诉人可匿名; 投诉由督查分派调查, 并在规定时限内答复投诉人。',
      fields: [
        { name: 'channel', label: '投诉方式', type: 'select', required: true, options: [
          { value: 'WINDOW', label: '窗口' }, { value: 'PHONE', label: '电话' }, { value: 'LETTER', label: '信函' },
          { value: 'EMAIL', label: '电子邮件' }, { value: 'PORTAL', label: '网上' }, { value: 'HOTLINE', label: '热线' }] },
        { name: 'complainant.name', label: '投诉人姓名', type: 'text' },
        { name: 'complainant.phone', label: '投诉人电话', type: 'tel' },
        { name: 'aboutWindow', label: '被投诉窗口', type: 'select', options: optional(windows) },
        { name: 'aboutStaff', label: '被投诉人员', type: 'select', options: optional(people) },
        { name: 'caseNumber', label: '相关案件编号', type: 'text' },
        { name: 'matter', label: '投诉内容', type: 'textarea', required: true }
      ],
      body: f => ({ channel: f.get('channel'),
        complainant: blank(f.get('complainant.name')) || blank(f.get('complainant.phone'))
          ? { name: blank(f.get('complainant.name')), phone: blank(f.get('complainant.phone')) } : null,
        aboutWindow: blank(f.get('aboutWindow')), aboutStaff: blank(f.get('aboutStaff')), caseNumber: blank(f.get('caseNumber')),
        matter: f.get('matter') }),
      done: r => `已登记投诉 第${r.id}号, 答复期限 ${time(r.replyDue)}`
    },
    appointment: {
      title: '预约登记', path: '/api/appointments',
      hint: '预约时间须在工作日办公时间内; 非工作时间的紧急预约须勾选「紧急」, 由中心领导审批。',
      fields: [
        { name: 'channel', label: '预约方式', type: 'select', required: true, options: [
          { value: 'PHONE', label: '电话' }, { value: 'LETTER', label: '信函' }, { value: 'EMAIL', label: '电子邮件' },
          { value: 'PORTAL', label: '网上' }, { value: 'WINDOW', label: '窗口' }] },
        { name: 'applicantName', label: '申请人姓名', type: 'text', required: true },
        { name: 'phone', label: '联系电话', type: 'tel', required: true },
        { name: 'window', label: '预约窗口', type: 'select', options: optional(windows) },
        { name: 'person', label: '预约人员', type: 'select', options: optional(people) },
        { name: 'at', label: '预约时间', type: 'datetime-local', required: true },
        { name: 'matter', label: '办理事项', type: 'textarea', required: true },
        { name: 'urgent', label: '紧急(非工作时间)', type: 'checkbox' }
      ],
      body: f => ({ channel: f.get('channel'), applicantName: f.get('applicantName'), phone: f.get('phone'),
        window: blank(f.get('window')), person: blank(f.get('person')), at: offsetTime(f.get('at')), matter: f.get('matter'),
        urgent: f.get('urgent') === 'on' }),
      done: r => `已登记预约 第${r.id}号: ${time(r.at)} ${r.windowName || ''}` + (r.stateLabel ? ', ' + r.stateLabel : '')
    }
  };
}

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  return node;
}

function showBeside(form, field, message) {
  form.querySelectorAll('.field-error').forEach(note => note.remove());
  const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
  if (!input) return false;
  const note = element('div', message, { class: 'field-error', role: 'alert' });
  input.closest('label').append(note);
  input.focus();
  return true;
}

function render(spec, key) {
  const form = element('form', null, { class: 'register', 'data-form': key });
  form.append(element('h2', spec.title), element('p', spec.hint, { class: 'hint' }));
  for (const field of spec.fields) {
    const label = element('label');
    const name = element('span', field.label, { class: 'name' + (field.required ? ' required' : '') });
    let input;
    if (field.type === 'select') {
      input = element('select', null, { name: field.name });
      field.options.forEach(o => input.append(element('option', o.label, { value: o.value })));
    } else if (field.type === 'textarea') {
      input = element('textarea', null, { name: field.name, rows: '3' });
    } else {
      input = element('input', null, { name: field.name, type: field.type });
    }
    if (field.required) input.required = true;
    if (field.type === 'tel') {
      input.addEventListener('input', () => {
        const bad = !/^[0-9\-\s]*$/.test(input.value);
        label.querySelectorAll('.field-error').forEach(note => note.remove());
        if (bad) label.append(element('div', '电话号码只能填写数字和短横线(-)', { class: 'field-error', role: 'alert' }));
      });
    }
    label.append(name, input);
    form.append(label);
  }
  const submit = element('button', '登记', { type: 'submit' });
  const error = element('p', null, { class: 'error', role: 'alert' });
  form.append(submit, error);
  form.addEventListener('invalid', event => {
    event.preventDefault();
    const input = event.target;
    showBeside(form, input.name, '此项必填');
  }, true);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    form.querySelectorAll('.field-error').forEach(note => note.remove());
    submit.disabled = true;
    try {
      const result = await api('POST', spec.path, spec.body(new FormData(form)));
      const done = document.getElementById('done');
      done.textContent = spec.done(result);
      done.classList.remove('hidden');
      form.reset();
    } catch (e) {
      const named = /^([A-Za-z][\w.]*): (.*)$/s.exec(e.message);
      if (!(named && showBeside(form, named[1], named[2]))) error.textContent = e.message;
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

(async function start() {
  try {
    await caseFiles.session();
    const roster = await api('GET', '/api/roster').catch(() => []);
    const all = forms(roster);
    const tabs = document.getElementById('tabs');
    const show = key => {
      tabs.querySelectorAll('button').forEach(b => b.classList.toggle('active', b.dataset.form === key));
      document.getElementById('form-box').replaceChildren(render(all[key], key));
      document.getElementById('done').classList.add('hidden');
      history.replaceState(null, '', '#' + key);
    };
    Object.entries(all).forEach(([key, spec]) => {
      const button = element('button', spec.title, { type: 'button', 'data-form': key });
      button.addEventListener('click', () => show(key));
      tabs.append(button);
    });
    document.getElementById('registration').classList.remove('hidden');
    show(all[location.hash.slice(1)] ? location.hash.slice(1) : 'inquiry');
  } catch (e) {
    caseFiles.fail(e);
  }
})();
