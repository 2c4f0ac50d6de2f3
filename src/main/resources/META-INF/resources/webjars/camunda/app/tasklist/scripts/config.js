/*
 * Bianmin override of the Camunda 7.24 webapp configuration (the original is in
 * camunda-webapp-webjar-7.24.0.jar under META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js;
 * Copyright Camunda Services GmbH, Apache License 2.0). Served instead of it because
 * src/main/resources comes first on the classpath.
 *
 * Chinese first: a browser whose first language is zh (zh-CN, zh-TW, ...) gets ../locales/zh.json,
 * every other browser English. Dates use the dateLocales of the chosen locale file (YYYY年M月D日 HH:mm
 * for zh) and the browser's time zone (the webapps cannot be given another one).
 */

// Chinese browsers get explicit Chinese patterns: the webapp loads zh.json's dateLocales into moment.js
// after its first dates may already be formatted, so locale-dependent tokens (LLL) can come out English.
const CHINESE = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase().startsWith('zh');

export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },

  // the names refer to the longDateFormat of the locale file's dateLocales (moment.js tokens)
  dateFormat: CHINESE ? {
    monthName: 'M月',
    day: 'DD',
    abbr: 'M月D日 HH:mm',
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日 HH:mm',
    short: 'YYYY年M月D日'
  } : {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },

  // custom scripts of Bianmin (paths relative to app/tasklist/, without .js): Camunda Forms' own
  // texts in Chinese, checks as one types, the server's refusal beside its field
  customScripts: ['bianmin/forms-zh', 'bianmin/links'],

  // the keyboard shortcuts of the original config.js, described in Chinese (shown in the shortcut help)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一项任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
