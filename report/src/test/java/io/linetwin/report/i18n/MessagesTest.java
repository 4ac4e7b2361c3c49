package io.linetwin.report.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    static Properties raw(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/linetwin/report/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyEnglishKeyHasAChineseTextAndTheOtherWayRound() throws IOException {
        Properties english = raw("messages.properties");
        Properties chinese = raw("messages_zh_CN.properties");

        assertThat(english).isNotEmpty();
        assertThat(chinese.stringPropertyNames())
                .as("keys of zh-CN against en")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void bothLanguagesUseTheSamePlaceholdersInEveryMessage() throws IOException {
        Properties english = raw("messages.properties");
        Properties chinese = raw("messages_zh_CN.properties");
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(chinese.getProperty(key)))
                    .as(key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @Test
    void chineseTextsAreChineseWhereTheyDifferFromEnglish() throws IOException {
        Properties english = raw("messages.properties");
        Properties chinese = raw("messages_zh_CN.properties");
        Set<String> untranslated = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String zh = chinese.getProperty(key);
            boolean hasHan =
                    zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            // Symbols every language writes alike (OEE, AGV, a lone placeholder) may stay as they are.
            boolean symbolic =
                    zh.replaceAll("\\{\\d}|OEE|AGV|LineTwin|[^\\p{L}]", "").isEmpty();
            if (!hasHan && !symbolic) {
                untranslated.add(key + "=" + zh);
            }
        }
        assertThat(untranslated).isEmpty();
    }

    @Test
    void placeholdersAreFilledAndApostrophesNeedNoQuoting() {
        Messages en = Messages.of(Lang.EN);
        Messages zh = Messages.of(Lang.ZH_CN);

        assertThat(en.get("run.line", "10", "7 d", "8 h", "42"))
                .isEqualTo("10 replications × 7 d after 8 h warm-up · seed 42");
        assertThat(zh.get("run.line", "10", "7天", "8小时", "42")).isEqualTo("10 次重复运行 × 7天，预热期 8小时 · 随机种子 42");
        assertThat(en.get("section.picture.note")).contains("buffer's level");
    }

    @Test
    void numbersAndDurationsAreWrittenForTheReader() {
        Messages en = Messages.of(Lang.EN);
        Messages zh = Messages.of(Lang.ZH_CN);

        assertThat(en.number(3323.1234)).isEqualTo("3,323");
        assertThat(en.number(884.8)).isEqualTo("884.8");
        assertThat(en.number(0.87084)).isEqualTo("0.8708");
        assertThat(zh.number(3323.1234)).isEqualTo("3,323");
        assertThat(en.percent(0.547)).isEqualTo("54.7%");
        assertThat(en.duration(7 * 86400)).isEqualTo("7 d");
        assertThat(zh.duration(7 * 86400)).isEqualTo("7天");
        assertThat(zh.duration(8 * 3600)).isEqualTo("8小时");
        assertThat(zh.duration(90)).isEqualTo("90秒");
        assertThat(en.duration(5400.5)).isEqualTo("1.5 h");
        assertThat(zh.calendar("wk2 Tue 14:00")).isEqualTo("第2周 周二 14:00");
        assertThat(zh.calendar("2026-11-30 Mon 06:00")).isEqualTo("2026-11-30 周一 06:00");
        assertThat(en.calendar("wk2 Tue 14:00")).isEqualTo("wk2 Tue 14:00");
        assertThat(en.tick(2.5)).isEqualTo("2.5");
        assertThat(en.tick(10000)).isEqualTo("10,000");
        assertThat(zh.dateTime(java.time.ZonedDateTime.of(2025, 1, 6, 14, 3, 0, 0, java.time.ZoneOffset.UTC)))
                .startsWith("2025年1月6日");
    }

    @Test
    void tagsAndLocalesChooseTheLanguage() {
        assertThat(Lang.parse("zh-CN")).isEqualTo(Lang.ZH_CN);
        assertThat(Lang.parse("zh_cn")).isEqualTo(Lang.ZH_CN);
        assertThat(Lang.parse("en-GB")).isEqualTo(Lang.EN);
        assertThat(Lang.of(Locale.SIMPLIFIED_CHINESE)).isEqualTo(Lang.ZH_CN);
        assertThat(Lang.of(Locale.GERMANY)).isEqualTo(Lang.EN);
        assertThatThrownBy(() -> Lang.parse("fr")).hasMessage("expected a language en or zh-CN, got \"fr\"");
    }

    @Test
    void aMissingKeyIsAnErrorNotASilentEnglishFallBack() {
        assertThatThrownBy(() -> Messages.of(Lang.ZH_CN).get("no.such.key"))
                .hasMessage("no message 'no.such.key' in language zh-CN");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
