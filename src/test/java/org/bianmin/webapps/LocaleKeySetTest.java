package org.bianmin.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese locale files of the Camunda webapps against the English ones of the webjar on the
 * classpath: same leaf keys (a Camunda upgrade that adds or renames keys fails here, by name), no
 * empty or left-over English values, and every placeholder, HTML tag and printf token kept.
 */
class LocaleKeySetTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {{ name }} interpolations of angular-translate */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
    /** markup the labels carry (rendered with ng-bind-html) */
    private static final Pattern TAG = Pattern.compile("<(?:a|b|br|code|em|i|p|span|strong)(?:\\s[^>]*)?/?>|</(?:a|b|code|em|i|p|span|strong)>");
    /** moment.js relativeTime and printf-like tokens, {} of the activity instance counters */
    private static final Pattern TOKEN = Pattern.compile("%[sd]|\\{}");
    /** English values that stay as they are in Chinese: product and format names, technical tokens */
    private static final Set<String> KEPT_AS_IS = Set.of("Admin", "Camunda", "Camunda Cockpit", "Cockpit", "Tasklist",
            "Optimize", "CSV", "JSON", "ID", "ID*", "Worker ID", "null", "YYYY-MM-DDTHH:mm:ss", "<", "<=", ">", ">=");
    /** English values a Chinese one may leave empty: none, and the English plural suffix */
    private static final Set<String> MAY_BE_EMPTY = Set.of("", "s");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseHasExactlyTheKeysOfEnglish(String app) {
        Map<String, JsonNode> en = leaves(app, "en");
        Map<String, JsonNode> zh = leaves(app, "zh");
        Set<String> missing = new TreeSet<>(en.keySet());
        missing.removeAll(zh.keySet());
        Set<String> extra = new TreeSet<>(zh.keySet());
        extra.removeAll(en.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            fail("%s/zh.json does not match the webjar's en.json: %d keys missing %s, %d keys extra %s"
                    .formatted(app, missing.size(), missing, extra.size(), extra));
        }
        assertThat(en).as("%s/en.json leaf keys", app).hasSizeGreaterThan(150);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyChineseValueIsATranslationThatKeepsThePlaceholders(String app) {
        Map<String, JsonNode> en = leaves(app, "en");
        Map<String, JsonNode> zh = leaves(app, "zh");
        List<String> problems = new ArrayList<>();
        en.forEach((key, english) -> {
            JsonNode chinese = zh.get(key);
            if (chinese == null) {
                return; // reported by the key-set test
            }
            if (english.getNodeType() != chinese.getNodeType()) {
                problems.add(key + ": " + chinese.getNodeType() + " instead of " + english.getNodeType());
                return;
            }
            if (!english.isTextual()) {
                return;
            }
            String e = english.asText();
            String z = chinese.asText();
            if (z.isBlank() && !MAY_BE_EMPTY.contains(e.trim())) {
                problems.add(key + ": empty");
            }
            if (z.equals(e) && e.matches("(?s).*[A-Za-z].*") && !KEPT_AS_IS.contains(e) && !key.startsWith("dateLocales.")) {
                problems.add(key + ": still English: " + e);
            }
            for (Pattern pattern : List.of(PLACEHOLDER, TAG, TOKEN)) {
                for (String token : all(pattern, e)) {
                    if (count(z, token) < count(e, token)) {
                        problems.add(key + ": lost " + token + " in " + z);
                    }
                }
            }
        });
        assertThat(problems).as("translation problems in %s/zh.json", app).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesAreChinese(String app) {
        Map<String, JsonNode> zh = leaves(app, "zh");
        assertThat(zh.get("dateLocales.longDateFormat.LL").asText()).isEqualTo("YYYY年M月D日");
        assertThat(zh.get("dateLocales.longDateFormat.LLL").asText()).isEqualTo("YYYY年M月D日 LT");
        assertThat(zh.get("dateLocales.longDateFormat.LT").asText()).isEqualTo("HH:mm");
        assertThat(zh.get("dateLocales.months[0]").asText()).isEqualTo("一月");
        assertThat(zh.get("dateLocales.weekdays[1]").asText()).isEqualTo("星期一");
        assertThat(zh.get("dateLocales.relativeTime.past").asText()).isEqualTo("%s前");
    }

    /** The leaf values of a locale file by path ({@code labels.KEY}, {@code dateLocales.months[0]}). */
    private static Map<String, JsonNode> leaves(String app, String locale) {
        String resource = LOCALES.formatted(app, locale);
        URL url = LocaleKeySetTest.class.getClassLoader().getResource(resource);
        assertThat(url).as("classpath resource %s", resource).isNotNull();
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) { // the webjar's files start with a byte order mark
                text = text.substring(1);
            }
            Map<String, JsonNode> leaves = new LinkedHashMap<>();
            collect(JSON.readTree(text), "", leaves);
            return leaves;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static int count(String text, String token) {
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
            count++;
        }
        return count;
    }
}
