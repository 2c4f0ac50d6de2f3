/*
 * Bianmin override of the Camunda 7.24 webapp configuration (the original is in
 * camunda-webapp-webjar-7.24.0.jar under META-INF/resources/webjars/camunda/app/cockpit/scripts/config.js;
 * Copyright Camunda Services GmbH, Apache License 2.0). Served instead of it because
 * src/main/resources comes first on the classpath.
 *
 * Chinese first: a browser whose first language is zh (zh-CN, zh-TW, ...) gets ../locales/zh.json,
 * every other browser English. Dates use the dateLocales of the chosen locale file (YYYY年M月D日 HH:mm
 * for zh) and the browser's time zone (the webapps cannot be given another one).
 */

/*
 * Dates. Tasklist takes the dateFormat option, Admin and Welcome use LLL/LL/LLLL of the locale file;
 * Cockpit has no such option and shows its "normal" dates (lists, instance details) as
 * YYYY-MM-DDTHH:mm:ss. The small AngularJS module below, which Cockpit loads through
 * requireJsConfig.ngDeps (its config block runs after Cockpit's own), shows them with the date of the
 * locale file and seconds instead: 2026年1月5日 09:30:00 in Chinese, 5 January 2026 09:30:00 in English.
 * AngularJS is not yet loaded when this file is imported, so the module is declared when Cockpit asks
 * for ngDeps, after loading AngularJS and before starting; should AngularJS be missing then, Cockpit
 * keeps its own format.
 */
const COCKPIT_DATES = 'bianmin.cockpitDates';

function cockpitDatesModule() {
  const angular = window.angular;
  if (!angular || typeof angular.module !== 'function') {
    return [];
  }
  try {
    angular.module(COCKPIT_DATES);
  } catch (notYetDeclared) {
    angular.module(COCKPIT_DATES, []).config(['camDateFormatProvider', function (camDateFormatProvider) {
      // explicit for Chinese browsers: zh.json's dateLocales may reach moment.js after the first dates
      const chinese = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase().startsWith('zh');
      camDateFormatProvider.setDateFormat(chinese ? 'YYYY年M月D日 HH:mm:ss' : 'LL HH:mm:ss', 'normal');
    }]);
  }
  return [COCKPIT_DATES];
}

export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },

  // AngularJS modules Cockpit loads with its own (see the dates above)
  requireJsConfig: {
    // read (and written back) by Cockpit once AngularJS is loaded
    get ngDeps() {
      return this.angularModules || cockpitDatesModule();
    },
    set ngDeps(modules) {
      this.angularModules = modules;
    }
  },

  // ---------------------------------------------------------------------------------------------
  // Cockpit plugins and custom scripts of Bianmin: add one entry per plugin, a path relative to
  // app/cockpit/ without ".js", e.g. 'bianmin/time-limit-board/plugin' for
  // src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/bianmin/time-limit-board/plugin.js
  // (a Camunda 7 frontend plugin module: export default [{ id, pluginPoint, render, ... }]).
  customScripts: [
    // BIANMIN COCKPIT PLUGINS (keep this marker)
    'bianmin/time-limit-board/plugin'
  ]
};
