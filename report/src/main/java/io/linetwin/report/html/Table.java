package io.linetwin.report.html;

import java.util.ArrayList;
import java.util.List;

/** An HTML table whose cells may carry data attributes with the exact numbers behind the text shown. */
public final class Table {

    /** A cell: text shown (or trusted markup), optional CSS class and data attributes as name, value pairs. */
    public record Cell(String text, String cssClass, boolean markup, String... data) {}

    private final StringBuilder html = new StringBuilder(4096);
    private final List<String> rowClasses = new ArrayList<>();

    public Table(String cssClass, String... headers) {
        html.append("<table class=\"").append(Xml.escape(cssClass)).append("\"><thead><tr>");
        for (String header : headers) {
            html.append("<th>").append(Xml.escape(header)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
    }

    public static Cell cell(String text) {
        return new Cell(text, "", false);
    }

    public static Cell text(String text) {
        return new Cell(text, "text", false);
    }

    /** A number cell: {@code exact} is the value as the JSON writes it, in {@code data-name}. */
    public static Cell number(String shown, String name, double exact) {
        return new Cell(shown, "", false, name, Double.isNaN(exact) ? "" : Double.toString(exact));
    }

    /**
     * A row; {@code attributes} (name, value pairs) go on the {@code tr}, e.g. {@code data-kpi}.
     */
    public Table row(String cssClass, List<Cell> cells, String... attributes) {
        rowClasses.add(cssClass);
        html.append("<tr");
        if (!cssClass.isEmpty()) {
            html.append(" class=\"").append(Xml.escape(cssClass)).append('"');
        }
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            html.append(' ')
                    .append(attributes[i])
                    .append("=\"")
                    .append(Xml.escape(attributes[i + 1]))
                    .append('"');
        }
        html.append('>');
        for (Cell cell : cells) {
            html.append("<td");
            if (!cell.cssClass().isEmpty()) {
                html.append(" class=\"").append(Xml.escape(cell.cssClass())).append('"');
            }
            for (int i = 0; i + 1 < cell.data().length; i += 2) {
                html.append(" data-")
                        .append(cell.data()[i])
                        .append("=\"")
                        .append(Xml.escape(cell.data()[i + 1]))
                        .append('"');
            }
            html.append('>')
                    .append(cell.markup() ? cell.text() : Xml.escape(cell.text()))
                    .append("</td>");
        }
        html.append("</tr>");
        return this;
    }

    /** A verdict as a coloured pill; {@code tone} is better, worse, good, bad or neutral. */
    public static Cell pill(String text, String tone) {
        return new Cell("<span class=\"verdict " + Xml.escape(tone) + "\">" + Xml.escape(text) + "</span>", "", true);
    }

    public String end() {
        return html.append("</tbody></table>").toString();
    }
}
