package io.linetwin.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;

/**
 * jME reports its start-up (renderer, missing optional loaders) at INFO and WARNING through java.util.logging;
 * a CLI prints only what the user asked for. Set up as JUL's configuration class, so it runs only when something
 * first logs through JUL: initialising JUL eagerly searched every jar on the class path for resources, a tenth
 * of a second of every start, though only render and view use jME.
 */
public final class QuietLibraryLogging {

    static final String CONFIG_CLASS = "java.util.logging.config.class";
    static final String QUIET = "\ncom.jme3.level = SEVERE\n";

    /** JUL instantiates this when it initialises: the JDK's default configuration, jME at SEVERE. */
    public QuietLibraryLogging() throws IOException {
        ByteArrayOutputStream config = new ByteArrayOutputStream();
        Path defaults = Path.of(System.getProperty("java.home"), "conf", "logging.properties");
        if (Files.isReadable(defaults)) {
            config.write(Files.readAllBytes(defaults));
        }
        config.write(QUIET.getBytes(StandardCharsets.ISO_8859_1));
        try (InputStream in = new ByteArrayInputStream(config.toByteArray())) {
            LogManager.getLogManager().readConfiguration(in);
        }
    }

    /** Unless the user configured JUL or asked for debug output (-Dlinetwin.debug=true). */
    static void install() {
        if (!Boolean.getBoolean("linetwin.debug")
                && System.getProperty(CONFIG_CLASS) == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty(CONFIG_CLASS, QuietLibraryLogging.class.getName());
        }
    }
}
