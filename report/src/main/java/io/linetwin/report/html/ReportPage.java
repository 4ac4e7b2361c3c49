package io.linetwin.report.html;

import io.linetwin.report.i18n.Messages;
import java.util.Base64;
import java.util.List;

/**
 * One self-contained HTML report: styles inline, charts as inline SVG, pictures as data URIs; no script, no font,
 * nothing fetched, so it opens offline in any browser and can be mailed as one file. The markup is well-formed XML
 * as well as HTML, so tests (and scripts) can read it with any XML parser.
 */
public final class ReportPage {

    private static final String CSS = """
            :root{--ink:#1f2933;--muted:#5f6b7a;--line:#d9dee5;--accent:#0b5cad;--bg:#f4f6f9;--good:#2e7d32;\
            --bad:#c62828}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",\
            Roboto,"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",\
            sans-serif}
            header{background:#14283f;color:#fff;padding:22px 36px 18px}
            header h1{margin:0;font-size:24px;font-weight:600}
            header .sub{color:#c4d2e3;margin-top:4px}
            header .kind{text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:#8fb3da}
            main{max-width:1180px;margin:0 auto;padding:18px 28px 40px}
            section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
            section h2{margin:0 0 10px;font-size:17px;font-weight:600}
            p.note{color:var(--muted);margin:6px 0 0;font-size:13px}
            details{margin-top:10px;color:var(--muted)}
            .cards{display:flex;flex-wrap:wrap;gap:12px}
            .card{flex:1 1 200px;border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:#fbfcfd}
            .card .label{color:var(--muted);font-size:12.5px}
            .card .value{font-size:26px;font-weight:600;margin-top:2px}
            .card .ci{color:var(--muted);font-size:12.5px}
            .verdict{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12.5px;font-weight:600}
            .verdict.better,.verdict.good{background:#e3f2e5;color:var(--good)}
            .verdict.worse,.verdict.bad{background:#fbe5e5;color:var(--bad)}
            .verdict.neutral{background:#eceff3;color:var(--muted)}
            .banner{padding:10px 14px;border-radius:6px;font-weight:600;margin-bottom:10px}
            .banner.good{background:#e3f2e5;color:var(--good)}
            .banner.neutral{background:#eceff3;color:#37414d}
            .banner.bad{background:#fbe5e5;color:var(--bad)}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
            th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
            th{color:var(--muted);font-weight:600;font-size:12.5px;background:#f8f9fb}
            th:first-child,td:first-child{text-align:left}
            td.text{text-align:left;white-space:normal}
            tr.highlight td{background:#fff6e0}
            dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:0}
            dl.summary dt{color:var(--muted)}
            dl.summary dd{margin:0}
            .charts{display:flex;flex-wrap:wrap;gap:10px}
            .scroll{overflow-x:auto}
            svg.chart{max-width:100%;height:auto;display:block}
            svg text{font-family:inherit;font-size:12px;fill:#27313c}
            svg text.tick,svg text.legend,svg text.note,svg text.link-caption{font-size:11px;fill:#4b5563}
            svg text.axis-title,svg text.panel-title{font-size:12px;font-weight:600}
            svg text.caption{font-size:11px;fill:#5f6b7a}
            svg text.station-name{font-weight:600}
            svg text.station-name.bottleneck{fill:#c62828}
            svg text.station-caption{font-size:11px;fill:#37414d}
            svg text.badge{font-size:11px;font-weight:700;fill:#fff}
            svg text.in-bar{font-size:10.5px;fill:#fff;font-weight:600}
            img.picture{max-width:100%;border-radius:6px;border:1px solid var(--line)}
            pre{background:#f3f5f8;border:1px solid var(--line);border-radius:6px;padding:10px;overflow-x:auto}
            footer{color:var(--muted);font-size:12px;text-align:center;padding:10px}
            @media print{body{background:#fff}section{break-inside:avoid;border:none}header{background:#fff;color:#000}}
            """;

    private final Messages messages;
    private final StringBuilder body = new StringBuilder(64 * 1024);
    private final String title;

    /**
     * @param kind what report this is ("Simulation run")
     * @param title the scenario (and variant)
     * @param subtitle one line under the title
     */
    public ReportPage(Messages messages, String kind, String title, String subtitle) {
        this.messages = messages;
        this.title = kind + " · " + title;
        body.append("<header><div class=\"kind\">")
                .append(Xml.escape(kind))
                .append("</div><h1>")
                .append(Xml.escape(title))
                .append("</h1><div class=\"sub\">")
                .append(Xml.escape(subtitle))
                .append("</div></header><main>");
    }

    /** Opens a section; {@code intro} (may be empty) says in a sentence how to read it. */
    public ReportPage section(String id, String heading, String intro) {
        body.append("<section id=\"")
                .append(Xml.escape(id))
                .append("\"><h2>")
                .append(Xml.escape(heading))
                .append("</h2>");
        if (!intro.isEmpty()) {
            body.append("<p class=\"note\">").append(Xml.escape(intro)).append("</p>");
        }
        return this;
    }

    public ReportPage endSection() {
        body.append("</section>");
        return this;
    }

    /** Markup made by this package's builders or an {@code Svg} (already escaped). */
    public ReportPage raw(String markup) {
        body.append(markup);
        return this;
    }

    public ReportPage paragraph(String text, String cssClass) {
        body.append("<p class=\"")
                .append(cssClass)
                .append("\">")
                .append(Xml.escape(text))
                .append("</p>");
        return this;
    }

    public ReportPage banner(String text, String tone) {
        body.append("<div class=\"banner ")
                .append(tone)
                .append("\">")
                .append(Xml.escape(text))
                .append("</div>");
        return this;
    }

    public ReportPage preformatted(String text) {
        body.append("<pre>").append(Xml.escape(text)).append("</pre>");
        return this;
    }

    /** A definition list of label → value pairs. */
    public ReportPage summary(List<String[]> pairs) {
        body.append("<dl class=\"summary\">");
        for (String[] pair : pairs) {
            body.append("<dt>")
                    .append(Xml.escape(pair[0]))
                    .append("</dt><dd>")
                    .append(Xml.escape(pair[1]))
                    .append("</dd>");
        }
        body.append("</dl>");
        return this;
    }

    /** A PNG embedded as a data URI. */
    public ReportPage picture(byte[] png, String alt) {
        body.append("<img class=\"picture\" alt=\"")
                .append(Xml.escape(alt))
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png))
                .append("\"/>");
        return this;
    }

    public ReportPage charts(List<String> svgs) {
        body.append("<div class=\"charts\">");
        svgs.forEach(body::append);
        body.append("</div>");
        return this;
    }

    public ReportPage scroll(String markup) {
        body.append("<div class=\"scroll\">").append(markup).append("</div>");
        return this;
    }

    /** The whole document. */
    public String finish(String footer) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""
                + messages.lang().tag()
                + "\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, "
                + "initial-scale=1\"/><meta name=\"generator\" content=\"LineTwin\"/><title>" + Xml.escape(title)
                + "</title><style>" + CSS + "</style></head><body>" + body + "</main><footer>" + Xml.escape(footer)
                + "</footer></body></html>\n";
    }
}
