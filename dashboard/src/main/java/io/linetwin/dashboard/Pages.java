package io.linetwin.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.report.Words;
import io.linetwin.report.html.Xml;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.svg.LineDiagram;
import io.linetwin.report.svg.StateColors;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's HTML: the live line page and a machine's page. The server writes the frame, the line diagram and
 * every word in the reader's language; {@code dashboard.js} fills in the live figures from the event stream. The
 * words the script needs travel in a JSON data block, so the script itself holds no English.
 */
final class Pages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> SCRIPT_WORDS = List.of(
            "dash.live",
            "dash.reconnecting",
            "dash.never",
            "dash.secondsAgo",
            "dash.approve",
            "dash.reject",
            "dash.noProposals",
            "dash.noResults",
            "dash.tokenPrompt",
            "dash.approverPrompt",
            "dash.reasonPrompt",
            "dash.readOnly",
            "dash.canDecide",
            "dash.unlimited",
            "dash.state.unknown",
            "dash.state.none",
            "dash.evidence",
            "dash.whatif.head",
            "dash.whatif.candidate",
            "dash.whatif.change",
            "dash.whatif.effect",
            "dash.whatif.verdict",
            "dash.whatif.proposal",
            "dash.whatif.supported",
            "dash.whatif.notSupported",
            "dash.hours",
            "status.proposed",
            "status.approved",
            "status.refused",
            "status.rejected",
            "status.sent",
            "status.confirmed",
            "status.failed",
            "status.rolledBack",
            "status.expired");

    private Pages() {}

    static String index(LineSpec line, String title, Messages m) {
        StringBuilder body = new StringBuilder(32 * 1024);
        body.append("<section class=\"cards\">")
                .append(card("good-out", m.get("dash.goodOut")))
                .append(card("throughput", m.get("dash.throughput")))
                .append(card("waiting", m.get("dash.waiting")))
                .append(card("twin", m.get("dash.twinHealth")))
                .append("</section>");
        body.append("<section class=\"panel\"><h2>")
                .append(Xml.escape(m.get("dash.lineTitle")))
                .append("</h2>")
                .append("<div class=\"diagram\">")
                .append(diagram(line, m))
                .append("</div>")
                .append(legend(m))
                .append("</section>");
        body.append("<section class=\"panel\"><h2>")
                .append(Xml.escape(m.get("dash.machines")))
                .append("</h2>")
                .append("<table id=\"machines\"><thead><tr><th>")
                .append(Xml.escape(m.get("col.machine")))
                .append("</th><th>")
                .append(Xml.escape(m.get("dash.state")))
                .append("</th><th>")
                .append(Xml.escape(m.get("col.good")))
                .append("</th><th>")
                .append(Xml.escape(m.get("col.scrap")))
                .append("</th><th>")
                .append(Xml.escape(m.get("dash.risk24h")))
                .append("</th></tr></thead><tbody>");
        for (StationSpec station : line.stations()) {
            if (station.kind().processesParts()) {
                String id = Xml.escape(station.id());
                body.append("<tr data-station=\"")
                        .append(id)
                        .append("\"><td><a href=\"machine/")
                        .append(id)
                        .append("\">")
                        .append(id)
                        .append("</a></td><td class=\"state\"><span class=\"dot\"></span>")
                        .append("<span class=\"state-name\">–</span></td><td class=\"good\">–</td>")
                        .append("<td class=\"scrap\">–</td><td class=\"risk\">–</td></tr>");
            }
        }
        body.append("</tbody></table></section>");
        body.append("<section class=\"panel\" id=\"proposals-panel\"><h2>")
                .append(Xml.escape(m.get("dash.proposals")))
                .append("</h2><p class=\"note\">")
                .append(Xml.escape(m.get("dash.proposals.note")))
                .append("</p><div class=\"access\"><span id=\"access-state\"></span> ")
                .append("<button type=\"button\" id=\"unlock\">")
                .append(Xml.escape(m.get("dash.enterToken")))
                .append("</button></div><div id=\"proposals\"></div></section>");
        body.append("<section class=\"panel\"><h2>")
                .append(Xml.escape(m.get("dash.results")))
                .append("</h2>")
                .append("<div id=\"results\"></div></section>");
        return frame(title, m.get("dash.kind"), m, body.toString(), "index");
    }

    static String machine(StationSpec station, String title, Messages m) {
        String id = Xml.escape(station.id());
        StringBuilder body = new StringBuilder(8 * 1024);
        body.append("<p><a href=\"../\">← ")
                .append(Xml.escape(m.get("dash.back")))
                .append("</a></p>");
        body.append("<section class=\"cards\" data-machine=\"")
                .append(id)
                .append("\">")
                .append(card("m-state", m.get("dash.state")))
                .append(card("m-good", m.get("col.good")))
                .append(card("m-scrap", m.get("col.scrap")))
                .append(card("m-rul", m.get("dash.rul")))
                .append("</section>");
        body.append("<section class=\"panel\"><h2>")
                .append(Xml.escape(m.get("dash.riskTitle")))
                .append("</h2>")
                .append("<p class=\"note\">")
                .append(Xml.escape(m.get("dash.riskNote")))
                .append("</p>")
                .append("<div id=\"risk\" class=\"risk-bars\"></div></section>");
        body.append("<section class=\"panel\"><h2>")
                .append(Xml.escape(m.get("dash.history")))
                .append("</h2>")
                .append("<div id=\"timeline\"></div>")
                .append(legend(m))
                .append("<table id=\"history\"><thead><tr><th>")
                .append(Xml.escape(m.get("dash.when")))
                .append("</th><th>")
                .append(Xml.escape(m.get("dash.state")))
                .append("</th></tr></thead><tbody>")
                .append("</tbody></table></section>");
        return frame(title + " · " + station.id(), m.get("dash.machineKind"), m, body.toString(), "machine");
    }

    private static String diagram(LineSpec line, Messages m) {
        return LineDiagram.render(
                line,
                Optional.empty(),
                station -> new LineDiagram.StationLook(
                        station.kind() == StationKind.SOURCE
                                ? "#d9efe9"
                                : station.kind() == StationKind.SINK ? "#e3e3ee" : "#c9ced6",
                        station.kind().processesParts()
                                ? "–"
                                : m.get("kind." + station.kind().name().toLowerCase(java.util.Locale.ROOT)),
                        station.id()),
                buffer -> new LineDiagram.LinkLook(
                        0,
                        "– / " + Words.capacity(m, buffer.capacity()),
                        m.get("diagram.buffer.tooltip", buffer.id(), Words.capacity(m, buffer.capacity()))),
                Words.diagram(m),
                m.get("dash.lineTitle"));
    }

    private static String legend(Messages m) {
        StringBuilder legend = new StringBuilder("<div class=\"legend\">");
        for (String state : StateColors.STATES) {
            legend.append("<span><i style=\"background:")
                    .append(StateColors.of(state))
                    .append("\"></i>")
                    .append(Xml.escape(Words.state(m, state)))
                    .append("</span>");
        }
        return legend.append("</div>").toString();
    }

    private static String card(String id, String label) {
        return "<div class=\"card\"><div class=\"label\">" + Xml.escape(label) + "</div><div class=\"value\" id=\"" + id
                + "\">–</div><div class=\"sub\" id=\"" + id + "-sub\"></div></div>";
    }

    private static String frame(String title, String kind, Messages m, String body, String page) {
        ObjectNode words = MAPPER.createObjectNode();
        SCRIPT_WORDS.forEach(key -> words.put(key, m.get(key)));
        for (String state : StateColors.STATES) {
            words.put("state." + state, Words.state(m, state));
            words.put("colour." + state, StateColors.of(state));
        }
        String base = page.equals("machine") ? "../" : "";
        return "<!DOCTYPE html>\n<html lang=\"" + m.lang().tag() + "\"><head><meta charset=\"utf-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>"
                + Xml.escape(title) + "</title><link rel=\"stylesheet\" href=\"" + base + "assets/dashboard.css\"/>"
                + "<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + base + "assets/favicon.svg\"/>"
                + "</head><body data-page=\"" + page + "\"><header><div class=\"kind\">" + Xml.escape(kind)
                + "</div><h1>" + Xml.escape(title) + "</h1><div class=\"status\"><span id=\"live\" class=\"live\">"
                + Xml.escape(m.get("dash.connecting")) + "</span> <span id=\"source\"></span></div></header><main>"
                + body + "</main><script type=\"application/json\" id=\"words\">"
                + words.toString().replace("</", "<\\/") + "</script><script src=\"" + base
                + "assets/dashboard.js\"></script></body></html>\n";
    }
}
