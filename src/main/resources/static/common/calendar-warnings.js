// The calendar's warnings (a missing official holiday schedule, provisional years with open cases) as a banner
// above the rules page and the dashboard; the Chinese half of each message is shown.
'use strict';
(function () {
  async function show() {
    const box = document.getElementById('calendar-warnings');
    if (!box) return;
    const response = await fetch('/api/calendar/warnings', { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
    if (!response.ok) return;
    const warnings = await response.json();
    if (!warnings.length) return;
    box.textContent = '';
    const title = document.createElement('strong');
    title.textContent = '工作日历提醒';
    box.appendChild(title);
    const list = document.createElement('ul');
    warnings.forEach(w => {
      const item = document.createElement('li');
      item.textContent = w.message.split(' / ')[0];
      list.appendChild(item);
    });
    box.appendChild(list);
    Object.assign(box.style, { background: '#fcf8e3', border: '1px solid #f0c36d', color: '#6b4f00', padding: '8px 16px', margin: '8px 16px' });
    box.classList.remove('hidden');
  }
  document.addEventListener('DOMContentLoaded', () => { show().catch(() => {}); });
})();
