/*
 * Bianmin override of the Camunda 7.24 webapp configuration (the original is in
 * camunda-webapp-webjar-7.24.0.jar under META-INF/resources/webjars/camunda/app/admin/scripts/config.js;
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

  // custom scripts of Bianmin (paths relative to app/admin/, without .js); none yet
  customScripts: ['bianmin/zh']
};
