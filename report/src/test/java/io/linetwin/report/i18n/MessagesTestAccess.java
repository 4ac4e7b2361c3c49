package io.linetwin.report.i18n;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The raw texts of both languages, key → {English, Chinese}, for tests outside this package. */
public final class MessagesTestAccess {

    private MessagesTestAccess() {}

    public static Map<String, String[]> pairs() throws IOException {
        Properties english = MessagesTest.raw("messages.properties");
        Properties chinese = MessagesTest.raw("messages_zh_CN.properties");
        Map<String, String[]> pairs = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            pairs.put(key, new String[] {english.getProperty(key), chinese.getProperty(key, "")});
        }
        return pairs;
    }
}
