// Rule administration page: edit rule tables as a grid, validate, dry-run, submit for a director's approval, roll back.
// Talks to /api/rules with the Camunda webapp session (same login) and its CSRF token.
'use strict';

const state = { sets: [], set: null, files: [], fileIndex: 0, selectedRow: null, problems: [], examples: [], csrf: null, groups: [] };
// who may do what here (the server checks again): rule administrators edit and submit, directors approve and roll back in an emergency
const mayEdit = () => state.groups.includes('rule-admins') || state.groups.includes('camunda-admin');
const mayApprove = () => state.groups.includes('directors') || state.groups.includes('camunda-admin');
const $ = (id) => document.getElementById(id);

function csrfToken() { return state.csrf; }

/** The Chinese of a server message: the API says "中文 / English"; a person reads the Chinese. */
function zh(text) { return String(text || '').replace(/ \/ [\x00-\x7F]*$/, ''); }

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined && !(body instanceof FormData)) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken()) headers['X-XSRF-TOKEN'] = csrfToken();
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : (body instanceof FormData ? body : JSON.stringify(body))
  });
  if (response.status === 401) { showLogin(); throw new Error('请先登录'); }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) { const error = new Error(data && data.message ? zh(data.message) : '请求失败 (' + response.status + ')'); error.data = data; throw error; }
  return data;
}

function showLogin() { $('login').classList.remove('hidden'); $('app').classList.add('hidden'); }

// ---- CSV: exact round trip ----
// A file is read into one array of cells per line, and each line remembers its own text and line end:
// an unchanged line is written back byte for byte (a quote inside an unquoted cell such as 新生儿出生"一件事"联办,
// CRLF or LF, a BOM, the last line's end), only an edited or new line is written anew. A quote opens a
// quoted cell only at the start of the cell, as the server's CSV reader takes it.
function parseCsv(text) {
  const rows = [];
  rows.bom = text.startsWith('\uFEFF');
  if (rows.bom) text = text.slice(1);
  let i = 0;
  while (i < text.length) {
    const start = i; const row = []; let cell = ''; let quoted = false; let atCellStart = true; let eol = '';
    for (;;) {
      if (i >= text.length) { row.push(cell); break; }
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; }
        else if (ch === '"') { quoted = false; i++; }
        else { cell += ch; i++; }
      } else if (ch === '"' && atCellStart) { quoted = true; atCellStart = false; i++; }
      else if (ch === ',') { row.push(cell); cell = ''; atCellStart = true; i++; }
      else if (ch === '\r' || ch === '\n') {
        row.push(cell);
        eol = ch === '\r' && text[i + 1] === '\n' ? '\r\n' : ch;
        i += eol.length;
        break;
      } else { cell += ch; atCellStart = false; i++; }
    }
    row.raw = text.slice(start, i - eol.length);
    row.original = row.slice();
    row.eol = eol;
    rows.push(row);
  }
  rows.defaultEol = (rows.find(r => r.eol) || { eol: '\n' }).eol;
  return rows;
}

function csvCell(c) {
  return /[,\r\n]/.test(c) || c.startsWith('"') ? '"' + c.replace(/"/g, '""') + '"' : c;
}

function toCsv(rows) {
  const unchanged = (r) => r.raw !== undefined && r.length === r.original.length && r.every((c, i) => c === r.original[i]);
  let text = rows.bom ? '\uFEFF' : '';
  rows.forEach((r, index) => {
    text += unchanged(r) ? r.raw : r.map(csvCell).join(',');
    const last = index === rows.length - 1;
    // the last line keeps whether the file ended with a line break; others keep their own or the file's
    text += last ? (r.eol !== undefined ? r.eol : (rows.defaultEol || '\n')) : (r.eol || rows.defaultEol || '\n');
  });
  return text;
}

// ---- rule sets ----
async function loadSets() {
  state.sets = await api('GET', '/api/rules');
  const list = $('sets');
  list.innerHTML = '';
  for (const s of state.sets) {
    const li = document.createElement('li');
    li.dataset.name = s.name;
    li.innerHTML = `<strong></strong><small></small>`;
    li.querySelector('strong').textContent = s.title;
    li.querySelector('small').textContent = `生效第${s.published ? s.published.version : '-'}版`
      + (s.pending ? ` · 第${s.pending.version}版${s.pending.stateLabel}` : '') + (s.draft ? ` · 草稿第${s.draft.version}版` : '');
    li.onclick = () => { if (state.set && state.set.name === s.name) return; if (leaveEdits()) guarded(() => openSet(s.name)); };
    list.appendChild(li);
  }
}

/** Whether unsaved edits may be dropped: asks when there are some. */
function leaveEdits() {
  return !state.dirty || confirm('当前规则表有未保存的修改, 离开将丢失这些修改。确定离开吗?');
}
window.addEventListener('beforeunload', (event) => { if (state.dirty) { event.preventDefault(); event.returnValue = ''; } });

async function openSet(name) {
  const s = await api('GET', '/api/rules/' + encodeURIComponent(name));
  state.set = s;
  const source = s.draft || s.published;
  state.files = source.files.map(f => ({ name: f.name, rows: parseCsv(f.content) }));
  await withLayout(state.files);
  state.fileIndex = 0; state.selectedRow = null; state.problems = []; state.dirty = false;
  document.querySelectorAll('#sets li').forEach(li => li.classList.toggle('active', li.dataset.name === name));
  $('detail').classList.remove('hidden');
  $('set-title').textContent = s.title;
  $('set-description').textContent = s.description;
  const by = s.published.publishedBy || s.published.author;
  $('set-status').textContent = `生效中: v${s.published.version}(${by === 'system' ? '系统初始导入' : who(s.published, by) + ' 批准发布'}, ${fmt(s.published.publishedAt)})`
    + (s.draft ? ` · 正在编辑草稿 v${s.draft.version}` : mayEdit() ? ' · 无草稿, 编辑后保存即生成草稿' : '')
    + ` · 本节点生效版本: v${(s.installed || '').split('@v')[1] || '-'}`;
  showPending(s.pending);
  $('add-file').classList.toggle('hidden', s.fixedFiles || !mayEdit());
  $('messages').innerHTML = '';
  renderFiles(); renderGrid(); renderExamples();
  showTab('edit');
}

/** The version that waits for a director or for its effective time, above the tabs. */
function showPending(p) {
  let box = $('pending');
  if (!box) { box = document.createElement('div'); box.id = 'pending'; box.className = 'pending'; $('set-status').after(box); }
  box.classList.toggle('hidden', !p);
  if (!p) return;
  box.textContent = `v${p.version} ${p.stateLabel}: ${who(p, p.submittedBy || p.author)} 于 ${fmt(p.submittedAt)} 提交`
    + (p.basisDocument ? `, 文件依据 ${p.basisDocument}` : '')
    + (p.effectiveFrom ? `, 生效时间 ${fmt(p.effectiveFrom)}` : ', 批准后立即生效')
    + (p.state === 'SCHEDULED' ? `; ${who(p, p.decidedBy)} 已批准` : '; 负责人在任务列表中审批。');
  if (p.state === 'PENDING_APPROVAL' && mayApprove()) {
    const link = document.createElement('a'); link.href = '/camunda/app/tasklist/'; link.textContent = ' 前往任务列表审批';
    box.appendChild(link);
  }
}

/** A person of a version by name (the server names them), else the id. */
function who(version, id) { return (version && version.names && version.names[id]) || id; }

function fmt(iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : ''; }

function renderFiles() {
  const box = $('files'); box.innerHTML = '';
  state.files.forEach((f, i) => {
    const b = document.createElement('button');
    b.textContent = fileTitle(f.name); b.title = f.name; b.className = i === state.fileIndex ? 'active' : '';
    b.onclick = () => { state.fileIndex = i; state.selectedRow = null; renderFiles(); renderGrid(); };
    box.appendChild(b);
  });
  // the whole rule set as one workbook in the business layout, of the version shown (the draft, else the one in force)
  const shown = state.set.draft || state.set.published;
  $('download').href = `/api/rules/${state.set.name}/versions/${shown.version}/workbook.xlsx`;
  $('download').textContent = `下载工作簿 (第${shown.version}版)`;
}

// ---- the business grid ----
// A file is shown as the tables a person edits, in the layout the server gives (RuleTableLayout, which the workbook and
// the changes a director reads use too): in a Drools decision table the technical rows and the 互斥组 column stay hidden
// and unchanged, and the labels row is the header. A column is a dropdown of Chinese labels (the code is stored), several
// of them, a 是/否 choice, a 是 mark, a number or text. data-row and data-col are the line and column of the CSV, as the
// server's problems name them.

/** Asks the server for the tables of the files (after loading, reading a workbook or adding a file). */
async function withLayout(files) {
  const layouts = await api('POST', `/api/rules/${state.set.name}/layout`,
    { files: files.map(f => ({ name: f.name, content: toCsv(f.rows) })) });
  layouts.forEach((layout, i) => {
    files[i].tables = layout.tables.map(t => ({ ...t, columns: t.columns.map(c => ({ ...c, kind: c.kind.toLowerCase(),
      decision: t.decision })) }));
  });
}

function tablesOf(file) { return file.tables || []; }

/** A row inserted (+1) or deleted (-1) at line {@code at}: the table that holds it grows or shrinks, the later ones move. */
function shiftTables(file, at, by) {
  for (const t of tablesOf(file)) {
    if (at >= t.first && (at < t.end || (by > 0 && at === t.end))) t.end += by;
    else if (t.first > at || (by > 0 && t.first === at)) { t.first += by; t.end += by; }
  }
}

function renderGrid() {
  const file = state.files[state.fileIndex];
  const grid = $('grid'); grid.innerHTML = '';
  if (!file) return;
  const search = ($('grid-search') ? $('grid-search').value : '').trim();
  for (const [n, table] of tablesOf(file).entries()) {
    const visible = table.columns.filter(c => !c.hidden);
    const body = grid.createTBody();
    body.dataset.table = n;
    if (table.title) {
      const caption = body.insertRow().insertCell();
      caption.colSpan = visible.length + 1; caption.className = 'table-title'; caption.textContent = `规则表: ${table.title}`;
    }
    const head = body.insertRow(); head.className = 'header';
    head.appendChild(document.createElement('th')).textContent = '行';
    for (const c of visible) {
      const th = document.createElement('th'); th.textContent = c.label; th.dataset.col = c.index + 1;
      th.title = [c.help, c.kind === 'number' ? '数字' : '', c.condition ? '空白表示不限' : ''].filter(Boolean).join('; ');
      head.appendChild(th);
    }
    for (let r = table.first; r < table.end; r++) {
      const row = file.rows[r];
      if (String(row[0] || '').startsWith('#')) continue;
      if (search && !row.some(v => String(v).includes(search))) continue;
      const tr = body.insertRow(); tr.dataset.row = r + 1;
      const num = tr.insertCell(); num.className = 'rownum'; num.textContent = r + 1;
      num.onclick = () => selectRow(r);
      if (state.selectedRow === r) tr.classList.add('selected');
      for (const c of visible) {
        const td = tr.insertCell(); td.dataset.col = c.index + 1; td.className = 'kind-' + c.kind;
        td.appendChild(editor(row, r, c));
      }
    }
  }
  markProblems();
  $('legend').textContent = mayEdit() ? '点击行号选中一行后可插入或删除行; 空白条件单元格表示不限。' : '只读: 您可以查看、校验和试运行, 不能修改规则。';
}

/** The control of one cell; it writes the code into the CSV row. */
function editor(row, r, c) {
  const value = String(row[c.index] || '');
  const set = (v) => { while (row.length <= c.index) row.push(''); row[c.index] = v; state.dirty = true; };
  let control;
  if (c.kind === 'multi') return multiEditor(value, r, c, set);
  if (c.kind === 'select' || c.kind === 'boolean') {
    control = document.createElement('select');
    const choices = c.kind === 'boolean' ? { true: '是', false: '否' } : c.options;
    const entries = Object.entries(choices);
    if (c.condition || value === '' || (c.kind === 'boolean' && c.decision)) entries.unshift(['', c.condition ? '(不限)' : '(空)']);
    if (value !== '' && !(value in choices)) entries.push([value, `⚠ 无效: ${value}`]);
    for (const [code, label] of entries) {
      const option = document.createElement('option'); option.value = code; option.textContent = label;
      control.appendChild(option);
    }
    control.value = value;
    control.onchange = () => set(control.value);
  } else if (c.kind === 'flag') {
    control = document.createElement('input'); control.type = 'checkbox';
    control.checked = value.trim() !== '';
    control.onchange = () => set(control.checked ? 'X' : '');
  } else {
    control = document.createElement('input');
    if (c.kind === 'number') { control.type = 'number'; control.step = 'any'; }
    // wide enough for its text (Chinese characters are about 1em)
    else control.style.width = Math.min(30, Math.max(6, value.length + 1)) + 'em';
    control.value = value;
    control.oninput = () => set(control.value);
  }
  control.disabled = !mayEdit();
  control.title = c.label;
  control.setAttribute('aria-label', `第${r + 1}行 ${c.label}`);
  control.onfocus = () => selectRow(r, false);
  return control;
}

/** Several of the column's labels, as check boxes under a summary of the chosen names; the codes are stored joined by ;. */
function multiEditor(value, r, c, set) {
  const chosen = value.split(';').map(v => v.trim()).filter(Boolean);
  const box = document.createElement('details'); box.className = 'multi';
  const summary = document.createElement('summary');
  const shown = () => chosen.map(code => code in c.options ? c.options[code] : `⚠ 无效: ${code}`).join('、') || '(未选)';
  summary.textContent = shown(); box.appendChild(summary);
  summary.setAttribute('aria-label', `第${r + 1}行 ${c.label}`);
  const codes = [...Object.keys(c.options), ...chosen.filter(code => !(code in c.options))];
  for (const code of codes) {
    const label = document.createElement('label');
    const check = document.createElement('input'); check.type = 'checkbox'; check.value = code;
    check.checked = chosen.includes(code); check.disabled = !mayEdit();
    check.onchange = () => {
      const at = chosen.indexOf(code);
      if (check.checked && at < 0) chosen.push(code); else if (!check.checked && at >= 0) chosen.splice(at, 1);
      set(chosen.join(';')); summary.textContent = shown();
    };
    check.onfocus = () => selectRow(r, false);
    label.append(check, code in c.options ? c.options[code] : `⚠ 无效: ${code}`);
    box.appendChild(label);
  }
  return box;
}

function columnName(n) { let s = ''; while (n > 0) { const m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; }

function selectRow(r, rerender = true) {
  state.selectedRow = r;
  document.querySelectorAll('#grid tr').forEach(tr => tr.classList.toggle('selected', Number(tr.dataset.row) === r + 1));
}

function markProblems() {
  const file = state.files[state.fileIndex];
  document.querySelectorAll('#grid .error, #grid .error-row').forEach(e => e.classList.remove('error', 'error-row'));
  for (const p of state.problems) {
    if (!p.row || (p.file && file && p.file !== file.name)) continue;
    const tr = document.querySelector(`#grid tr[data-row="${p.row}"]`);
    if (!tr) continue;
    tr.classList.add('error-row');
    if (p.column) { const td = tr.querySelector(`td[data-col="${p.column}"]`); if (td) td.classList.add('error'); }
  }
}

function currentFiles() { return state.files.map(f => ({ name: f.name, content: toCsv(f.rows) })); }

/** A file by its Chinese name (事项清单, 2027年), as the server names it; a new calendar year by its year. */
function fileTitle(name) {
  const titles = state.set.fileTitles || {};
  if (titles[name]) return titles[name];
  const year = /^(\d{4})\.csv$/.exec(name);
  return year ? `${year[1]}年` : name;
}

/** 「承诺时限」列 (第6列): the business name of a CSV column of a file, as the grid heads it. */
function columnLabel(fileName, column) {
  const file = state.files.find(f => f.name === fileName);
  const c = file && tablesOf(file).flatMap(t => t.columns).find(x => x.index + 1 === column && !x.hidden);
  return c ? `「${c.label}」列(第${column}列)` : `第${column}列`;
}

function showProblems(validation) {
  const box = $('messages'); box.innerHTML = '';
  state.problems = validation.problems || [];
  if (validation.valid) {
    const ok = document.createElement('div'); ok.className = 'ok'; ok.textContent = '校验通过: ' + zh(validation.summary); box.appendChild(ok);
  }
  for (const p of state.problems) {
    const div = document.createElement('div'); div.className = 'problem';
    const where = `${p.file ? fileTitle(p.file) : ''}${p.row ? ' 第' + p.row + '行' : ''}${p.column ? ' ' + columnLabel(p.file, p.column) : ''}`;
    div.textContent = `${p.severity === 'WARNING' ? '提示' : '✗'} ${where}: ${zh(p.message)}`;
    if (p.severity === 'WARNING') div.classList.add('warning');
    div.onclick = () => {
      const i = state.files.findIndex(f => f.name === p.file);
      if (i >= 0 && i !== state.fileIndex) { state.fileIndex = i; renderFiles(); renderGrid(); }
      const cell = document.querySelector(`#grid tr[data-row="${p.row}"] td[data-col="${p.column || 1}"] input`);
      if (cell) cell.focus();
    };
    box.appendChild(div);
  }
  markProblems();
}

function say(text, ok) { const box = $('messages'); box.innerHTML = ''; const d = document.createElement('div'); d.className = ok ? 'ok' : 'problem'; d.textContent = text; box.appendChild(d); }

async function guarded(action) {
  try { await action(); } catch (e) {
    if (e.data && e.data.problems) showProblems({ valid: false, problems: e.data.problems });
    if (e.data && e.data.problems && e.data.problems.length) return;
    say('✗ ' + e.message, false);
  }
}

// ---- actions ----
$('grid-search').oninput = () => renderGrid();
$('add-row').onclick = () => {
  const file = state.files[state.fileIndex];
  const tables = tablesOf(file);
  const table = tables.find(t => state.selectedRow !== null && state.selectedRow >= t.first && state.selectedRow < t.end)
    || tables[tables.length - 1];
  if (!table) return;
  const at = state.selectedRow !== null && state.selectedRow >= table.first && state.selectedRow < table.end ? state.selectedRow + 1 : table.end;
  const width = Math.max(1, ...file.rows.slice(table.first - 1, table.end).map(r => r.length));
  const row = new Array(width).fill('');
  table.columns.filter(c => c.hidden).forEach(c => { row[c.index] = c.fixed; });
  file.rows.splice(at, 0, row); shiftTables(file, at, 1); state.dirty = true;
  state.selectedRow = at; renderGrid();
};
$('delete-row').onclick = () => {
  const file = state.files[state.fileIndex];
  if (state.selectedRow === null) { say('请先点击行号选中要删除的行', false); return; }
  file.rows.splice(state.selectedRow, 1); shiftTables(file, state.selectedRow, -1);
  state.selectedRow = null; renderGrid(); state.dirty = true;
};
$('add-file').onclick = () => guarded(async () => {
  const year = prompt('新增哪一年的日历表? (如 2027)');
  if (!year || !/^(19|20)\d{2}$/.test(year)) return;
  if (state.files.some(f => f.name === year + '.csv')) { say('该年份已存在', false); return; }
  const file = { name: year + '.csv', rows: [['date', 'kind', 'name']] };
  await withLayout([file]);
  state.files.push(file);
  state.fileIndex = state.files.length - 1; renderFiles(); renderGrid();
});
$('validate').onclick = () => guarded(async () => showProblems(await api('POST', `/api/rules/${state.set.name}/validate`, { files: currentFiles() })));
$('save').onclick = () => guarded(async () => {
  const saved = await api('PUT', `/api/rules/${state.set.name}/draft`, { files: currentFiles(), comment: '' });
  state.set.draft = saved.draft;
  state.dirty = false;
  showProblems(saved.validation);
  $('set-status').textContent = `草稿 v${saved.draft.version} 已保存` + (saved.validation.valid ? '' : ' (尚有错误, 不能发布)');
  await loadSets();
});
$('publish').onclick = () => guarded(async () => {
  const saved = await api('PUT', `/api/rules/${state.set.name}/draft`, { files: currentFiles(), comment: '' });
  state.set.draft = saved.draft;
  state.dirty = false;
  showProblems(saved.validation);
  if (!saved.validation.valid) {
    // the edit is kept as a draft, but a draft with errors is not offered for approval
    $('set-status').textContent = `草稿 v${saved.draft.version} 已保存 (尚有错误, 不能提交)`;
    await loadSets();
    return;
  }
  const request = await askSubmission('提交负责人审批', '提交审批');
  if (!request) { await loadSets(); return; }
  let submitted;
  try {
    submitted = await api('POST', `/api/rules/${state.set.name}/publish`, request);
  } catch (e) {
    // many recent cases would be decided otherwise: the administrator confirms having looked
    if (!(e.data && e.data.error === 'LARGE_CHANGE_UNCONFIRMED') || !confirm(e.message + '\n\n确认提交审批吗?')) throw e;
    submitted = await api('POST', `/api/rules/${state.set.name}/publish`, { ...request, confirmLargeChange: true });
  }
  await loadSets(); await openSet(state.set.name);
  say(`v${submitted.version} 已提交审批, 负责人批准后${submitted.effectiveFrom ? '于 ' + fmt(submitted.effectiveFrom) + ' ' : ''}生效`, true);
});

/** The submission dialog: comment (required), 文件依据, effective time in Beijing time; null when cancelled. */
function askSubmission(title, confirmText, withEffectiveTime = true) {
  const dialog = $('submit-dialog');
  $('submit-title').textContent = title; $('submit-confirm').textContent = confirmText;
  $('submit-comment').value = ''; $('submit-basis').value = ''; $('submit-effective').value = '';
  $('submit-effective').parentElement.classList.toggle('hidden', !withEffectiveTime);
  return new Promise(resolve => {
    $('submit-cancel').onclick = () => { dialog.close(); resolve(null); };
    $('submit-form').onsubmit = (event) => {
      event.preventDefault();
      const comment = $('submit-comment').value.trim();
      if (!comment) { $('submit-comment').focus(); return; }
      const request = { comment };
      if ($('submit-basis').value.trim()) request.basisDocument = $('submit-basis').value.trim();
      // the input is local wall time; the centre's time is Beijing time (UTC+8, no daylight saving)
      if (withEffectiveTime && $('submit-effective').value) request.effectiveFrom = $('submit-effective').value + ':00+08:00';
      dialog.close(); resolve(request);
    };
    dialog.showModal();
  });
}
$('discard').onclick = () => guarded(async () => {
  if (!state.set.draft) { say('没有草稿', false); return; }
  if (!confirm('放弃草稿?')) return;
  await api('DELETE', `/api/rules/${state.set.name}/draft`);
  await loadSets(); await openSet(state.set.name); say('草稿已放弃', true);
});
$('upload').onchange = () => guarded(async () => {
  const file = $('upload').files[0]; if (!file) return;
  if (!leaveEdits()) { $('upload').value = ''; return; }
  const form = new FormData(); form.append('file', file);
  const read = await api('POST', `/api/rules/${state.set.name}/workbook`, form);
  state.files = read.files.map(f => ({ name: f.name, rows: parseCsv(f.content) }));
  await withLayout(state.files);
  state.fileIndex = Math.min(state.fileIndex, state.files.length - 1); state.dirty = true;
  renderFiles(); renderGrid(); say(`已读入 ${file.name}, 请校验后保存`, true);
  $('upload').value = '';
});

// ---- dry run ----
function renderExamples() {
  const box = $('examples'); box.innerHTML = '';
  const fields = state.set.exampleFields || {};
  state.examples.forEach((ex, i) => {
    const div = document.createElement('div'); div.className = 'example';
    Object.entries(fields).forEach(([key, label]) => {
      const l = document.createElement('label'); l.textContent = label + ' ';
      const input = document.createElement('input'); input.value = ex[key] || ''; input.name = key;
      input.oninput = () => { ex[key] = input.value; };
      l.appendChild(input); div.appendChild(l);
    });
    const remove = document.createElement('button'); remove.type = 'button'; remove.textContent = '删除';
    remove.onclick = () => { state.examples.splice(i, 1); renderExamples(); };
    div.appendChild(remove); box.appendChild(div);
  });
}
$('add-example').onclick = () => { state.examples.push({}); renderExamples(); };
$('run-dry').onclick = () => guarded(async () => {
  state.report = await api('POST', `/api/rules/${state.set.name}/dry-run`,
    { files: currentFiles(), examples: state.examples, recentCases: Number($('recent').value || 0) });
  renderDryRun();
});

/** The dry run: what new registrations would get, apart from the running cases the draft moves (a calendar only). */
function renderDryRun() {
  const report = state.report;
  const box = $('dry-result'); box.innerHTML = '';
  const asked = report.lines.filter(l => l.kind !== 'RUNNING_CASE');
  const running = report.lines.length - asked.length;
  const summary = document.createElement('p');
  summary.textContent = `按草稿重算 ${asked.length} 个样本, 其中 ${asked.filter(l => l.changed).length} 个结果不同`
    + (running ? `; ${running} 件在办案件的截止时间将改排` : '');
  box.appendChild(summary);
  const note = document.createElement('p'); note.className = 'hint'; note.id = 'dry-note'; note.textContent = report.note || '';
  box.appendChild(note);
  const filter = document.createElement('label');
  const only = document.createElement('input'); only.type = 'checkbox'; only.id = 'only-changes'; only.checked = !!state.onlyChanges;
  only.onchange = () => { state.onlyChanges = only.checked; renderDryRun(); };
  filter.appendChild(only); filter.append(' 只看有变化的');
  box.appendChild(filter);
  const table = document.createElement('table'); table.className = 'list'; table.id = 'dry-table';
  const head = table.insertRow();
  ['样本', '类别', '事项', '窗口', ...report.columns.map(c => '现行: ' + c), ...report.columns.map(c => '草稿: ' + c)].forEach(h => {
    head.appendChild(document.createElement('th')).textContent = h;
  });
  for (const line of report.lines) {
    if (state.onlyChanges && !line.changed) continue;
    const tr = table.insertRow();
    if (line.changed) tr.classList.add('changed');
    [line.sample, line.kindLabel, line.item || '', line.window || ''].forEach(t => { tr.insertCell().textContent = t; });
    report.columns.forEach(c => { tr.insertCell().textContent = line.published[c] || ''; });
    if (line.error) { const td = tr.insertCell(); td.colSpan = report.columns.length; td.textContent = '出错: ' + line.error; }
    else report.columns.forEach(c => { tr.insertCell().textContent = line.draft[c] || ''; });
  }
  box.appendChild(table);
}

// ---- history and audit ----
async function renderHistory() {
  const versions = await api('GET', `/api/rules/${state.set.name}/versions`);
  const table = $('versions'); table.innerHTML = '';
  const head = table.insertRow();
  ['版本', '状态', '编写 / 提交', '审批', '生效时间', '文件依据', '说明', ''].forEach(h => head.appendChild(document.createElement('th')).textContent = h);
  versions.forEach((v, i) => {
    const tr = table.insertRow();
    tr.dataset.version = v.version;
    const drafted = who(v, v.author) + (v.submittedBy && v.submittedBy !== v.author ? ' / ' + who(v, v.submittedBy) : '') + ' ' + fmt(v.submittedAt || v.createdAt);
    const decided = v.decidedBy ? `${who(v, v.decidedBy)} ${fmt(v.decidedAt)}` + (v.decisionComment ? `: ${v.decisionComment}` : '') : '';
    const effective = v.publishedAt ? fmt(v.publishedAt) : v.effectiveFrom ? fmt(v.effectiveFrom) + ' (预定)' : '';
    [`v${v.version}`, v.stateLabel, drafted, decided, effective, v.basisDocument || '', v.comment || ''].forEach(t => tr.insertCell().textContent = t);
    const actions = tr.insertCell();
    const older = versions.slice(i + 1).find(o => o.state === 'PUBLISHED' || o.state === 'SUPERSEDED');
    if (older) {
      const diff = document.createElement('button'); diff.textContent = `与 v${older.version} 对比`;
      diff.onclick = () => guarded(() => showDiff(older.version, v.version));
      actions.appendChild(diff);
    }
    if (v.state === 'SUPERSEDED' && mayEdit()) {
      const back = document.createElement('button'); back.textContent = '申请回滚到此版本'; back.className = 'rollback';
      back.onclick = () => guarded(async () => {
        const request = await askSubmission(`申请回滚到 v${v.version}(须负责人审批)`, '提交审批');
        if (!request) return;
        const created = await api('POST', `/api/rules/${state.set.name}/rollback`, { version: v.version, ...request });
        await loadSets(); await openSet(state.set.name); showTab('history');
        say(`已提交回滚: v${created.version} 为 v${v.version} 的内容, 负责人批准后生效`, true);
      });
      actions.appendChild(back);
    }
    if (v.state === 'SUPERSEDED' && mayApprove()) {
      const back = document.createElement('button'); back.textContent = '紧急回滚(立即生效)'; back.className = 'rollback';
      back.onclick = () => guarded(async () => {
        const request = await askSubmission(`紧急回滚到 v${v.version}: 不经审批立即生效, 将记入操作记录`, '立即回滚', false);
        if (!request) return;
        const created = await api('POST', `/api/rules/${state.set.name}/emergency-rollback`, { version: v.version, ...request });
        await loadSets(); await openSet(state.set.name); showTab('history');
        say(`已紧急回滚: v${created.version} 为 v${v.version} 的内容, 立即生效`, true);
      });
      actions.appendChild(back);
    }
  });
}

/** What changed, cell by cell, in words. */
async function showDiff(from, to) {
  const changes = await api('GET', `/api/rules/${state.set.name}/changes?from=${from}&to=${to}`);
  const box = $('diff'); box.innerHTML = ''; box.classList.remove('hidden');
  const title = document.createElement('strong'); title.textContent = `v${from} → v${to}: 共 ${changes.length} 处修改`;
  box.appendChild(title);
  const list = document.createElement('ul');
  for (const change of changes) { list.appendChild(document.createElement('li')).textContent = change.text; }
  box.appendChild(list);
}

async function renderAudit() {
  const entries = await api('GET', `/api/rules/${state.set.name}/audit`);
  const table = $('audit'); table.innerHTML = '';
  const head = table.insertRow();
  ['时间', '操作', '版本', '操作人', '说明'].forEach(h => head.appendChild(document.createElement('th')).textContent = h);
  const actions = { SEED: '初始导入', SAVE_DRAFT: '保存草稿', DELETE_DRAFT: '放弃草稿', PUBLISH: '发布', ROLLBACK: '回滚',
    SUBMIT: '提交审批', SUBMIT_ROLLBACK: '申请回滚', APPROVE: '批准', REJECT: '驳回', TAKE_EFFECT: '到时生效',
    EMERGENCY_ROLLBACK: '紧急回滚', UPGRADE: '版本升级' };
  for (const e of entries) {
    const tr = table.insertRow();
    [fmt(e.at), actions[e.action] || e.action, e.version ? 'v' + e.version : '', e.actorName || e.actor, e.comment || ''].forEach(t => tr.insertCell().textContent = t);
  }
}

function showTab(name) {
  document.querySelectorAll('.tabs button').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach(t => t.classList.toggle('hidden', t.id !== 'tab-' + name));
  if (name === 'history') guarded(renderHistory);
  if (name === 'audit') guarded(renderAudit);
}
document.querySelectorAll('.tabs button').forEach(b => b.onclick = () => showTab(b.dataset.tab));

(async function start() {
  try {
    const session = await api('GET', '/api/session');
    state.csrf = session.csrfToken;
    state.groups = session.groups || [];
    // read-only users (supervisors, directors) see no edit controls
    document.querySelectorAll('#tab-edit .toolbar button, #tab-edit .toolbar .upload').forEach(el => el.classList.toggle('hidden', !mayEdit()));
    $('user').textContent = session.name;
    await loadSets();
    $('app').classList.remove('hidden');
    const params = new URLSearchParams(location.search);
    if (params.get('set')) await openSet(params.get('set'));
  } catch (e) {
    if (!$('login').classList.contains('hidden')) return;
    document.body.insertAdjacentHTML('beforeend', '<p class="problem">无法加载规则集: ' + e.message.replace(/</g, '&lt;') + '</p>');
  }
})();
