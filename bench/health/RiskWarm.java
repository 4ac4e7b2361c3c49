import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The same CLI command RUNS times in one JVM: the warm figures beside risk-speed.sh's cold ones (the first run pays
 * class loading and JIT, the later ones show what the work itself costs).
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/health/RiskWarm.java RUNS COMMAND ARGS...}
 */
public final class RiskWarm {

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        // Main.commandLine() is package-private; this launcher's class loader is not the app's.
        Method commandLine = Class.forName("io.linetwin.app.Main").getDeclaredMethod("commandLine");
        commandLine.setAccessible(true);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 1; i <= runs; i++) {
            CommandLine cli = (CommandLine) commandLine.invoke(null);
            cli.setOut(new PrintWriter(Writer.nullWriter()));
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            int exit = cli.execute(command);
            System.out.printf(Locale.ROOT, "WARM run=%d wall_s=%.2f process_cpu_s=%.2f exit=%d%n", i,
                    (System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9, exit);
        }
    }
}
