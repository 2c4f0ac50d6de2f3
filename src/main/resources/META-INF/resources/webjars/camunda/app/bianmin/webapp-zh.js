/*
 * What every Camunda webapp (Welcome, Tasklist, Cockpit, Admin) shows a person, in Chinese where the
 * webapp itself does not: the time zone in the footer (its IANA id, e.g. Asia/Shanghai, becomes
 * 北京时间), and relative dates that moment.js wrote in English before the Chinese locale file had
 * loaded ("3 days ago" becomes 3 天前, "in 7 days" 7 天后). Imported by each app's custom script.
 */

export const ZONE_NAMES = { 'Asia/Shanghai': '北京时间', 'Asia/Chongqing': '北京时间', 'Asia/Harbin': '北京时间', PRC: '北京时间',
  UTC: '世界协调时', 'Etc/UTC': '世界协调时', GMT: '格林尼治时间' };

const UNITS = { second: '秒', seconds: '秒', minute: '分钟', minutes: '分钟', hour: '小时', hours: '小时', day: '天', days: '天',
  month: '个月', months: '个月', year: '年', years: '年' };
const RELATIVE = /^(in )?(a few seconds|(a|an|\d+) (seconds?|minutes?|hours?|days?|months?|years?))( ago)?$/;

/** A relative date of moment.js's English in Chinese, or null when the text is none. */
export function relativeInChinese(text) {
  const m = text.trim().match(RELATIVE);
  if (!m || Boolean(m[1]) === Boolean(m[5])) return null;
  const span = m[2] === 'a few seconds' ? '几秒' : ((m[3] === 'a' || m[3] === 'an') ? '1' : m[3]) + ' ' + UNITS[m[4]];
  return span + (m[1] ? '后' : '前');
}

/**
 * Rewrites the text nodes of the element in place: the webapps (AngularJS, Preact) keep references
 * to their text nodes, so they are changed, never replaced.
 */
export function rewrite(element, translate) {
  element.childNodes.forEach((child) => {
    if (child.nodeType === Node.TEXT_NODE) {
      const chinese = translate(child.data);
      if (chinese && chinese !== child.data) child.data = chinese;
    }
  });
}

function chineseWithin(root) {
  root.querySelectorAll('#footer-timezone i').forEach((node) => rewrite(node, (text) => ZONE_NAMES[text.trim()]));
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT,
    { acceptNode: (node) => /\b(ago|in \w)/.test(node.data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chinese = relativeInChinese(node.data);
    if (chinese) node.data = chinese;
  }
}

/** Keeps the page Chinese as the webapp draws it; {@code also} runs on every change too (an app's own rewrites). */
export function keepChinese(also = () => {}) {
  const run = (root) => {
    chineseWithin(root);
    also(root);
  };
  run(document.documentElement);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      mutation.addedNodes.forEach((node) => {
        if (node.nodeType === Node.ELEMENT_NODE) run(node.parentElement || node);
      });
      if (mutation.type === 'characterData' && mutation.target.parentElement) {
        run(mutation.target.parentElement.parentElement || mutation.target.parentElement);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}
