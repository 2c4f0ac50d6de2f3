/*
 * Camunda Forms in Chinese, and errors beside the field they concern (Tasklist custom script).
 *
 * form-js (the renderer of Camunda Forms inside Tasklist 7.24) has no translation of its own texts,
 * so this script rewrites them where they appear: validation messages, placeholders, the date
 * picker's month and weekday names. It checks as the clerk types what can be checked on the spot
 * (the GB 11643 check character of an ID number, the characters of a phone number), and when the
 * server refuses a form (a 400 naming a field, e.g. "applicant.idNumber: 身份证号码无效…") it shows
 * the Chinese part of the refusal beside that field and keeps everything typed.
 */
import { keepChinese, rewrite } from '../../bianmin/webapp-zh.js';

const FIXED = {
  'Field is required.': '此项必填',
  'Field must be a valid email.': '请填写有效的电子邮箱',
  'Field must be a valid phone number.': '请填写有效的电话号码',
  'Field must be a valid URL.': '请填写有效的网址',
  'Value is not a number.': '请填写数字',
  'No results': '无匹配项',
  'Search': '搜索',
  'Select': '请选择',
  'mm/dd/yyyy': '年-月-日',
  'hh:mm': '时:分'
};
const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, (n) => `至少填写${n}个字`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `不能超过${n}个字`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `不能小于${n}`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `不能大于${n}`]
];
/** What a pattern means, by the field's key (form-js would show the regular expression itself). */
const PATTERN_MEANING = {
  applicantIdNumber: '身份证号码应为18位: 17位数字加1位校验码(数字或X)',
  applicantPhone: '电话号码只能填写数字和短横线(-)'
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const WEEKDAYS = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六' };
/** The request fields the server names in a refusal, by the form field that holds them. */
const SERVER_FIELDS = {
  'applicant.idNumber': 'applicantIdNumber', 'applicant.phone': 'applicantPhone', 'applicant.name': 'applicantName',
  'applicant.organization': 'applicantOrganization', from: 'leaveFrom', until: 'leaveUntil'
};

function fieldKey(element) {
  const field = element.closest('.fjs-form-field');
  const input = field && field.querySelector('[id^="fjs-form-"]');
  return input ? input.id.replace(/^fjs-form-[^-]+-/, '').replace(/-(display|search|date|time)$/, '') : null;
}

function translateText(text, element) {
  const trimmed = text.trim();
  if (FIXED[trimmed]) return FIXED[trimmed];
  const pattern = trimmed.match(/^Field must match pattern (.*)\.$/);
  if (pattern) return PATTERN_MEANING[fieldKey(element)] || '格式不正确';
  for (const [regex, chinese] of PATTERNS) {
    const match = trimmed.match(regex);
    if (match) return chinese(match[1]);
  }
  return null;
}

function translateWithin(root) {
  root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error li, .fjs-dropdownlist-empty, .fjs-select-placeholder')
    .forEach((node) => rewrite(node, (text) => translateText(text, node)));
  root.querySelectorAll('.fjs-container input[placeholder], .fjs-container textarea[placeholder]').forEach((input) => {
    const chinese = FIXED[input.getAttribute('placeholder')];
    if (chinese) input.setAttribute('placeholder', chinese);
  });
  root.querySelectorAll('.flatpickr-calendar .cur-month, .flatpickr-calendar option.flatpickr-monthDropdown-month')
    .forEach((node) => rewrite(node, (text) => {
      const month = MONTHS.indexOf(text.trim());
      return month >= 0 ? (month + 1) + '月' : null;
    }));
  root.querySelectorAll('.flatpickr-calendar .flatpickr-weekday').forEach((node) => rewrite(node, (text) => WEEKDAYS[text.trim()]));
}

/** The date picker (flatpickr, which form-js attaches to the date input) in Chinese, weeks from Monday. */
const CHINESE_CALENDAR = {
  firstDayOfWeek: 1,
  weekdays: { shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] },
  months: { shorthand: MONTHS.map((_, i) => (i + 1) + '月'), longhand: MONTHS.map((_, i) => (i + 1) + '月') },
  rangeSeparator: ' 至 ', weekAbbreviation: '周', scrollTitle: '滚动切换', toggleTitle: '点击切换', yearAriaLabel: '年',
  monthAriaLabel: '月', hourAriaLabel: '时', minuteAriaLabel: '分', time_24hr: true
};
function localiseCalendars(root) {
  root.querySelectorAll('input.flatpickr-input').forEach((input) => {
    const picker = input._flatpickr;
    if (picker && !picker.bianminLocalised) {
      picker.bianminLocalised = true;
      picker.set('locale', CHINESE_CALENDAR);
      // dates are written and typed year first (2026-12-08), as Chinese forms write them, not month/day/year
      picker.set('dateFormat', 'Y-m-d');
      if (picker.selectedDates.length) picker.setDate(picker.selectedDates[0], false);
    }
  });
}

/** The message of this script beside a field (one per field and kind), or none when text is null. */
function showBeside(input, kind, text) {
  const field = input.closest('.fjs-form-field');
  if (!field) return;
  let note = field.querySelector(`.bianmin-field-error[data-kind="${kind}"]`);
  if (!text) {
    if (note) note.remove();
    return;
  }
  if (!note) {
    note = document.createElement('div');
    note.className = 'bianmin-field-error';
    note.setAttribute('data-kind', kind);
    note.setAttribute('role', 'alert');
    field.appendChild(note);
  }
  note.textContent = text;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumberProblem(value) {
  const id = value.trim().toUpperCase();
  if (!id) return null;
  if (!/^\d{0,17}$|^\d{17}[0-9X]$/.test(id)) return '身份证号码应为18位: 17位数字加1位校验码(数字或X)';
  if (id.length < 18) return null; // still typing
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17] ? null : '身份证号码校验码不符(GB 11643), 请核对号码';
}

function phoneProblem(value) {
  return /^[0-9\-\s]*$/.test(value) ? null : '电话号码只能填写数字和短横线(-)';
}

// form-js may attach the picker after the input is in the page: at the latest, when it gets the focus
document.addEventListener('focusin', (event) => {
  if (event.target instanceof HTMLInputElement) localiseCalendars(event.target.parentElement || document);
}, true);

document.addEventListener('input', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.id.startsWith('fjs-form-')) return;
  if (input.id.endsWith('IdNumber')) showBeside(input, 'typing', idNumberProblem(input.value));
  if (input.id.endsWith('Phone')) showBeside(input, 'typing', phoneProblem(input.value));
  showBeside(input, 'server', null); // the refusal was about the value as it was
}, true);

/**
 * A refusal of the server in a Tasklist notification: "Cannot instantiate process definition …:
 * <field>: 中文 / English". The notification keeps the Chinese reason only; the field shows it too.
 */
function placeRefusal(alert) {
  const messageNode = alert.querySelector('.message');
  if (!messageNode || alert.dataset.bianminPlaced === messageNode.textContent) return;
  const reason = messageNode.textContent.trim().replace(/^Cannot [a-z ]+[^\s:]*(?::\d+:[\w-]+)?: /i, '');
  const named = reason.match(/^([A-Za-z][\w.]*): (.*)$/s);
  const message = (named ? named[2] : reason).split(' / ')[0].trim();
  if (!/[\u4e00-\u9fff]/.test(message)) return; // not one of Bianmin's refusals
  messageNode.textContent = message;
  alert.dataset.bianminPlaced = message;
  if (!named) return;
  const key = SERVER_FIELDS[named[1]] || named[1];
  const scope = alert.closest('.modal') || document;
  const input = scope.querySelector(['', '-display', '-date']
    .map((suffix) => `[id^="fjs-form-"][id$="-${key}${suffix}"]`).join(', '));
  if (input) {
    showBeside(input, 'typing', null); // the server's reason says it all
    showBeside(input, 'server', message);
    input.scrollIntoView({ block: 'center' });
    if (typeof input.focus === 'function') input.focus();
  }
}

// the footer's time zone and moment's relative dates (shared with the other webapps), then this app's own rewrites
keepChinese((root) => {
  translateWithin(root);
  localiseCalendars(root);
  (root.matches('.alert-danger') ? [root] : root.querySelectorAll('.alert-danger')).forEach(placeRefusal);
});

export default [];
