/*
 * Tasklist's header links to Bianmin's own pages a clerk needs beside her tasks: 案件查询 and 首问、投诉与预约登记
 * (placed before 发起流程, in the same style).
 */
const LINKS = [['/cases/', '案件查询', 'glyphicon-search'], ['/registration/', '登记咨询投诉预约', 'glyphicon-edit']];

function addLinks() {
  const start = document.querySelector('li.start-process-action');
  if (!start || document.querySelector('li.bianmin-link')) return;
  for (const [href, text, icon] of LINKS) {
    const item = document.createElement('li');
    item.className = 'bianmin-link';
    const link = document.createElement('a');
    link.href = href;
    const glyph = document.createElement('span');
    glyph.className = 'glyphicon ' + icon;
    link.append(glyph, ' ' + text);
    item.append(link);
    start.parentNode.insertBefore(item, start);
  }
}

new MutationObserver(addLinks).observe(document.documentElement, { childList: true, subtree: true });

export default [];
