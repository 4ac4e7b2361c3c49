package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** {@code --report} on run, compare, tune and health risk: the HTML's numbers are the JSON's. */
final class ReportOptionTest {

    private static final String[] KPIS = {"throughputPerHour", "wip", "leadTimeSeconds", "oee"};

    @TempDir
    Path dir;

    @Test
    void theRunReportsKpisAndStationsEqualTheJson() throws Exception {
        Path json = dir.resolve("run.json");
        Path html = dir.resolve("run.html");

        Cli cli = Cli.run(
                "run",
                Scenarios.library().resolve("textbook-two-machine.yaml").toString(),
                "--horizon",
                "4h",
                "--replications",
                "3",
                "--json",
                json.toString(),
                "--report",
                html.toString(),
                "--lang",
                "zh-CN",
                "--no-report-picture");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode run = new ObjectMapper().readTree(json.toFile());
        Document page = parse(html);
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("zh-CN");
        for (String kpi : KPIS) {
            Element row = withAttribute(page, "data-kpi", kpi).get(0);
            NodeList cells = row.getElementsByTagNameNS("*", "td");
            assertThat(Double.parseDouble(((Element) cells.item(1)).getAttribute("data-mean")))
                    .as(kpi)
                    .isEqualTo(run.get("kpis").get(kpi).get("mean").asDouble());
            assertThat(Double.parseDouble(((Element) cells.item(2)).getAttribute("data-ci-low")))
                    .as(kpi)
                    .isEqualTo(run.get("kpis").get(kpi).get("ciLow").asDouble());
            assertThat(Double.parseDouble(((Element) cells.item(3)).getAttribute("data-ci-high")))
                    .as(kpi)
                    .isEqualTo(run.get("kpis").get(kpi).get("ciHigh").asDouble());
        }
        run.get("stations").fields().forEachRemaining(station -> {
            List<Element> rows = withAttribute(page, "data-station", station.getKey());
            assertThat(rows)
                    .as(station.getKey())
                    .anyMatch(e -> e.getAttribute("class").equals("state-bar"));
            Element tableRow = rows.stream()
                    .filter(e -> e.getLocalName().equals("tr"))
                    .findFirst()
                    .orElseThrow();
            Element utilisation =
                    (Element) tableRow.getElementsByTagNameNS("*", "td").item(1);
            assertThat(Double.parseDouble(utilisation.getAttribute("data-utilization")))
                    .isEqualTo(station.getValue().get("utilization").asDouble());
        });
        assertThat(Files.readString(html, StandardCharsets.UTF_8))
                .contains("产量")
                .contains("在制品")
                .doesNotContain("http://cdn", "https://", "<script");
    }

    @Test
    void theComparisonReportsDifferencesEqualTheJson() throws Exception {
        Path json = dir.resolve("compare.json");
        Path html = dir.resolve("compare.html");

        Cli cli = Cli.run(
                "compare",
                Scenarios.library().resolve("textbook-two-machine.yaml").toString(),
                "--horizon",
                "4h",
                "--replications",
                "3",
                "--json",
                json.toString(),
                "--report",
                html.toString(),
                "--lang",
                "en");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode compare = new ObjectMapper().readTree(json.toFile());
        Document page = parse(html);
        int rows = 0;
        for (Element row : withAttribute(page, "data-variant", null)) {
            JsonNode expected = compare.at(
                    "/variants/" + row.getAttribute("data-variant") + "/differences/" + row.getAttribute("data-kpi"));
            Element diff = (Element) row.getElementsByTagNameNS("*", "td").item(3);
            assertThat(Double.parseDouble(diff.getAttribute("data-diff-mean")))
                    .isEqualTo(expected.get("diffMean").asDouble());
            assertThat(row.getTextContent()).contains(expected.get("verdict").asText());
            rows++;
        }
        assertThat(rows).isEqualTo(2 * KPIS.length);
    }

    @Test
    void tuneAndHealthRiskWriteReportsToo() throws Exception {
        Path tuned = dir.resolve("tune.html");
        Path canning = Scenarios.library().resolve("canning-cell.yaml");
        Cli tune = Cli.run(
                "tune",
                canning.toString(),
                "--budget",
                "6",
                "--replications",
                "2",
                "--horizon",
                "1h",
                "--warmup",
                "10m",
                "--report",
                tuned.toString(),
                "--lang",
                "zh-CN");
        assertThat(tune.exitCode()).as(tune.err()).isZero();
        Document tunePage = parse(tuned);
        assertThat(tunePage.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg")
                        .getLength())
                .isEqualTo(2);
        assertThat(tunePage.getDocumentElement().getTextContent()).contains("推荐参数");

        Path press = dir.resolve("press.yaml");
        Files.writeString(press, """
                schema: linetwin/v1
                name: stamping
                line:
                  stations:
                    - { id: press, kind: machine, process: { dist: constant, value: 1s } }
                experiment: { horizon: 2d, replications: 2, seed: 3, start: "sat 00:00" }
                """);
        Path risk = dir.resolve("risk.html");
        Cli health = Cli.run(
                "health",
                "risk",
                press.toString(),
                "--rul",
                "press=10h,2h",
                "--repair",
                "4h",
                "--maintenance",
                "1h",
                "--window-step",
                "12h",
                "--report",
                risk.toString(),
                "--lang",
                "en");
        assertThat(health.exitCode()).as(health.err()).isZero();
        Document riskPage = parse(risk);
        assertThat(withAttribute(riskPage, "data-machine", "press")).hasSize(1);
        // the risk curve and one chart of losses per window
        assertThat(riskPage.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg")
                        .getLength())
                .isEqualTo(2);
    }

    @Test
    void theBalanceReportNamesTheSuspectAndCarriesTheJsonsReconciledValues() throws Exception {
        Path json = dir.resolve("balance.json");
        Path html = dir.resolve("balance.html");

        Cli cli = Cli.run(
                "balance",
                Scenarios.library().resolve("bottling-line.yaml").toString(),
                "--measurements",
                Scenarios.library().resolve("bottling-line.measurements.csv").toString(),
                "--json",
                json.toString(),
                "--report",
                html.toString(),
                "--lang",
                "zh-CN");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode balance = new ObjectMapper().readTree(json.toFile());
        Document page = parse(html);
        assertThat(withAttribute(page, "data-suspect", null))
                .extracting(e -> e.getAttribute("data-suspect"))
                .containsExactly(balance.at("/suspects/0/stream").asText());
        List<Element> streams = withAttribute(page, "data-stream", null);
        long known = 0;
        for (JsonNode stream : balance.get("streams")) {
            known += stream.get("measured").isNull() && stream.get("reconciled").isNull() ? 0 : 1;
        }
        assertThat(streams).hasSize((int) known);
        for (Element row : streams) {
            JsonNode expected = balance.get("streams").get(row.getAttribute("data-stream"));
            Element reconciled = (Element) row.getElementsByTagNameNS("*", "td").item(4);
            if (!expected.get("reconciled").isNull()) {
                assertThat(Double.parseDouble(reconciled.getAttribute("data-reconciled")))
                        .isEqualTo(expected.get("reconciled").asDouble());
            }
        }
        assertThat(page.getDocumentElement().getTextContent()).contains("存在显著误差");
    }

    @Test
    void aBadLanguageOrAReportThatIsAFolderIsBadInputBeforeAnyWork() {
        Path scenario = Scenarios.library().resolve("textbook-two-machine.yaml");

        Cli lang = Cli.run(
                "run", scenario.toString(), "--report", dir.resolve("r.html").toString(), "--lang", "fr");
        Cli folder = Cli.run("run", scenario.toString(), "--report", dir.toString());

        assertThat(lang.exitCode()).isEqualTo(2);
        assertThat(lang.err().strip()).isEqualTo("--lang: expected a language en or zh-CN, got \"fr\"");
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err().strip()).isEqualTo("--report " + dir + ": is a folder; give a file name");
        assertThat(lang.out()).isEmpty();
    }

    static Document parse(Path html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(html, StandardCharsets.UTF_8))));
    }

    /** Elements whose attribute {@code name} is {@code value} (any value when null). */
    static List<Element> withAttribute(Document page, String name, String value) {
        List<Element> found = new ArrayList<>();
        NodeList all = page.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute(name)
                    && (value == null || element.getAttribute(name).equals(value))) {
                found.add(element);
            }
        }
        return found;
    }
}
