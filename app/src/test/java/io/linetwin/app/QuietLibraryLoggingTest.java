package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class QuietLibraryLoggingTest {

    @AfterEach
    void restoreDefaults() throws Exception {
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void jmeLogsOnlySevereProblemsAndOthersKeepTheJdkDefaults() throws Exception {
        new QuietLibraryLogging();

        Logger jme = Logger.getLogger("com.jme3.renderer.opengl.GLRenderer");
        assertThat(jme.isLoggable(Level.WARNING)).isFalse();
        assertThat(jme.isLoggable(Level.SEVERE)).isTrue();
        assertThat(Logger.getLogger("org.example").isLoggable(Level.INFO)).isTrue();
        assertThat(Logger.getLogger("").getHandlers())
                .as("the JDK's console handler")
                .isNotEmpty();
    }

    @Test
    void mainInstallsItWithoutStartingJul() {
        Main.version();

        assertThat(System.getProperty(QuietLibraryLogging.CONFIG_CLASS)).isEqualTo(QuietLibraryLogging.class.getName());
    }
}
