// Supervisor dashboard: ECharts charts from /api/supervision/dashboard (same login as Cockpit), for the
// six months up to the one picked; every chart prints its numbers, every value axis starts at zero.
'use strict';

async function get(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
  if (!response.ok) {
    const error = new Error(response.status === 401 ? '请先登录' : response.status === 403 ? '仅督查和中心领导可查看' : '加载失败 ' + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

const charts = {};

function chart(id, option) {
  if (charts[id]) charts[id].dispose();
  const instance = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
  instance.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' }, grid: { left: 60, right: 30, top: 40, bottom: 40 } }, option));
  charts[id] = instance;
  return instance;
}

window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));

/** 2026-11-30 → 11月30日起 */
function week(monday) {
  return Number(monday.slice(5, 7)) + '月' + Number(monday.slice(8, 10)) + '日起';
}

function monthLabel(month) {
  return month.slice(0, 4) + '年' + Number(month.slice(5, 7)) + '月';
}

async function show(month) {
  const data = await get('/api/supervision/dashboard?months=6' + (month ? '&month=' + encodeURIComponent(month) : ''));
  const name = (id) => data.windowNames[id] || id;
  const last = data.months[data.months.length - 1];
  document.getElementById('month').value = last;
  document.getElementById('span').textContent = monthLabel(data.months[0]) + '至' + monthLabel(last);
  document.getElementById('charts').classList.remove('hidden');

  chart('on-time', {
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: data.months.map(monthLabel) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: Object.entries(data.onTimeRateByWindow).map(([window, rates]) => ({ name: name(window), type: 'line', data: rates,
      connectNulls: true, label: { show: true, formatter: p => p.value == null ? '' : p.value + '%' } }))
  });
  chart('overdue', {
    xAxis: { type: 'category', data: data.weeks.map(week), axisLabel: { interval: 'auto', rotate: 30 } },
    yAxis: { type: 'value', min: 0, minInterval: 1 },
    grid: { left: 50, right: 20, top: 30, bottom: 60 },
    series: [{ name: '超期案件(按办结时限所在周)', type: 'bar', data: data.overduePerWeek, itemStyle: { color: '#c9302c' },
      label: { show: true, position: 'top', formatter: p => p.value ? String(p.value) : '' } }]
  });
  document.getElementById('ranking-title').textContent = '月度考核窗口排名' + (data.rankingMonth ? ' (' + monthLabel(data.rankingMonth) + ')' : ' (尚无考核)');
  const ranking = data.ranking.slice().reverse();
  chart('ranking', {
    grid: { left: 110, right: 50, top: 20, bottom: 30 },
    xAxis: { type: 'value', min: 0, max: v => Math.max(100, Math.ceil(v.max)) },
    yAxis: { type: 'category', data: ranking.map(r => name(r.window)) },
    series: [{ name: '得分', type: 'bar', data: ranking.map(r => Number(r.score.toFixed(2))), label: { show: true, position: 'right' } }]
  });
  const open = Object.entries(data.openAccountabilityByWindow);
  const total = open.reduce((sum, [, n]) => sum + n, 0);
  document.getElementById('accountability-title').textContent = '待审核的问责记录(按窗口, 共' + total + '条)';
  chart('accountability', {
    tooltip: { trigger: 'item' },
    series: [{ name: '待审核', type: 'pie', radius: ['35%', '65%'], label: { show: true, formatter: '{b}: {c}条' },
      data: open.length ? open.map(([window, n]) => ({ name: name(window), value: n })) : [{ name: '无待审核记录', value: 0 }] }]
  });
  const rated = data.satisfaction;
  document.getElementById('satisfaction-title').textContent = '好差评 (' + monthLabel(last) + ')';
  chart('satisfaction', {
    legend: { top: 0 },
    xAxis: { type: 'category', data: rated.map(w => w.windowName) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '满意率', type: 'bar', data: rated.map(w => w.rate), label: { show: true, position: 'top',
        formatter: p => rated[p.dataIndex].rate + '% (' + rated[p.dataIndex].satisfied + '/' + rated[p.dataIndex].ratings + ')' } },
      { name: '差评整改率', type: 'bar', data: rated.map(w => w.rectificationRate), label: { show: true, position: 'top',
        formatter: p => rated[p.dataIndex].rectificationRate == null ? '无差评' : rated[p.dataIndex].rectificationRate + '% ('
          + rated[p.dataIndex].rectified + '/' + rated[p.dataIndex].badConfirmed + ')' } }]
  });
  document.getElementById('satisfaction-empty').classList.toggle('hidden', rated.length > 0);
}

(async function start() {
  try {
    const session = await get('/api/session');
    document.getElementById('user').textContent = session.name;
    const picker = document.getElementById('month');
    picker.addEventListener('change', () => show(picker.value).catch(fail));
    await show(new URLSearchParams(location.search).get('month'));
  } catch (e) {
    fail(e);
  }
})();

function fail(e) {
  const box = document.getElementById('message');
  box.classList.remove('hidden');
  box.innerHTML = e.status === 401 ? '请先<a href="/camunda/app/welcome/default/#!/login">登录</a>后再打开本页。' : e.message.replace(/</g, '&lt;');
}
