package io.linetwin.report.i18n;

import java.util.Locale;

/** The languages LineTwin speaks to people: reports, CLI tables and the dashboard. */
public enum Lang {
    EN("en", Locale.ENGLISH),
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    Lang(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The tag a user types ({@code --lang zh-CN}) and the HTML {@code lang} attribute. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The language of a tag such as {@code en}, {@code en-GB}, {@code zh-CN}, {@code zh_CN} or {@code zh-Hans}
     * (any case).
     *
     * @throws IllegalArgumentException naming the tags understood
     */
    public static Lang parse(String tag) {
        String normalised = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (normalised.equals("en") || normalised.startsWith("en-")) {
            return EN;
        }
        if (normalised.equals("zh")
                || normalised.equals("zh-cn")
                || normalised.equals("zh-hans")
                || normalised.equals("zh-hans-cn")
                || normalised.equals("zh-sg")) {
            return ZH_CN;
        }
        throw new IllegalArgumentException("expected a language en or zh-CN, got \"" + tag + "\"");
    }

    /** Chinese for a Chinese locale (any region: Simplified is what we have), English otherwise. */
    public static Lang of(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? ZH_CN : EN;
    }

    /** The default: from the JVM's locale (which follows LANG / LC_ALL). */
    public static Lang fromDefault() {
        return of(Locale.getDefault());
    }
}
