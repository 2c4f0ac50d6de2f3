// Supervisor dashboard: four ECharts charts from /api/supervision/dashboard (same login as Cockpit).
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

function chart(id, option) {
  const instance = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
  instance.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' }, grid: { left: 60, right: 20, top: 40, bottom: 40 } }, option));
  window.addEventListener('resize', () => instance.resize());
  return instance;
}

(async function start() {
  try {
    const session = await get('/api/session');
    document.getElementById('user').textContent = session.name;
    const data = await get('/api/supervision/dashboard?months=6');
    const name = (id) => data.windowNames[id] || id;
    document.getElementById('charts').classList.remove('hidden');

    chart('on-time', {
      legend: { top: 0, type: 'scroll' },
      xAxis: { type: 'category', data: data.months },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: Object.entries(data.onTimeRateByWindow).map(([window, rates]) => ({ name: name(window), type: 'line', data: rates, connectNulls: true }))
    });
    chart('overdue', {
      xAxis: { type: 'category', data: data.weeks.map(w => w.slice(5) + '周') },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '超期案件', type: 'bar', data: data.overduePerWeek, itemStyle: { color: '#c9302c' } }]
    });
    document.getElementById('ranking-title').textContent = '月度考核窗口排名' + (data.rankingMonth ? ' (' + data.rankingMonth + ')' : ' (尚无考核)');
    const ranking = data.ranking.slice().reverse();
    chart('ranking', {
      grid: { left: 110, right: 30, top: 20, bottom: 30 },
      xAxis: { type: 'value', min: (v) => Math.max(0, Math.floor(v.min - 5)) },
      yAxis: { type: 'category', data: ranking.map(r => name(r.window)) },
      series: [{ name: '得分', type: 'bar', data: ranking.map(r => Number(r.score.toFixed(2))), label: { show: true, position: 'right' } }]
    });
    const open = Object.entries(data.openAccountabilityByWindow);
    chart('accountability', {
      tooltip: { trigger: 'item' },
      series: [{ name: '待审核', type: 'pie', radius: ['35%', '65%'],
        data: open.length ? open.map(([window, n]) => ({ name: name(window), value: n })) : [{ name: '无待审核记录', value: 0 }] }]
    });
  } catch (e) {
    const box = document.getElementById('message');
    box.classList.remove('hidden');
    box.innerHTML = e.status === 401 ? '请先<a href="/camunda/app/welcome/default/#!/login">登录</a>后再打开本页。' : e.message.replace(/</g, '&lt;');
  }
})();
