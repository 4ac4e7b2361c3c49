package io.linetwin.app;

import io.linetwin.report.i18n.Lang;
import io.linetwin.report.i18n.Messages;
import picocli.CommandLine.Option;

/** {@code --lang en|zh-CN}: the language of reports, tables and the dashboard (default: from the locale). */
final class LanguageOption {

    @Option(
            names = "--lang",
            paramLabel = "en|zh-CN",
            description = "Language of what is shown to people (default: from the locale, ${sys:user.language}).")
    String lang;

    Lang language() throws BadInputException {
        if (lang == null) {
            return Lang.fromDefault();
        }
        try {
            return Lang.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--lang: " + e.getMessage());
        }
    }

    Messages messages() throws BadInputException {
        return Messages.of(language());
    }
}
