/*
 * Bianmin override of the Camunda 7.24 webapp configuration (the original is in
 * camunda-webapp-webjar-7.24.0.jar under META-INF/resources/webjars/camunda/app/welcome/scripts/config.js;
 * Copyright Camunda Services GmbH, Apache License 2.0). Served instead of it because
 * src/main/resources comes first on the classpath.
 *
 * Chinese first: a browser whose first language is zh (zh-CN, zh-TW, ...) gets ../locales/zh.json,
 * every other browser English. Dates use the dateLocales of the chosen locale file (YYYY年M月D日 HH:mm
 * for zh) and the browser's time zone (the webapps cannot be given another one).
 */

export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },

  // the names refer to the longDateFormat of the locale file's dateLocales (moment.js tokens)
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },

  // Bianmin's own pages, listed on the Welcome page next to Tasklist, Cockpit and Admin
  links: [
    {label: '案件查询', href: '/cases/', description: '按案件编号、申请人、证件号或电话后几位查找案件, 查看办件详情、补打告知单、申请延期等'},
    {label: '首问、投诉与预约登记', href: '/registration/', description: '登记来访来电咨询(首问负责)、投诉和预约(窗口工作人员)'},
    {label: '规则管理', href: '/rules/', description: '编辑、校验、试运行和发布规则表(规则管理员)'},
    {label: '督查看板', href: '/dashboard/', description: '按时办结率、超期案件、考核排名与问责(督查、中心领导)'}
  ],

  // custom scripts of Bianmin (paths relative to app/welcome/, without .js): the footer and relative dates in Chinese
  customScripts: ['bianmin/zh']
};
