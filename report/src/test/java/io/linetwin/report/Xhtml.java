package io.linetwin.report;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads a report as XML, as a script would: the whole page, and each SVG on its own. */
public final class Xhtml {

    private Xhtml() {}

    public static Document parse(String markup) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(markup)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Every {@code svg} element, serialised and parsed again as a document of its own. */
    public static List<Document> svgs(Document page) {
        List<Document> svgs = new ArrayList<>();
        NodeList nodes = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        for (int i = 0; i < nodes.getLength(); i++) {
            svgs.add(parse(serialise((Element) nodes.item(i))));
        }
        return svgs;
    }

    /** Elements with attribute {@code name} (any tag, any namespace). */
    public static List<Element> withAttribute(Document page, String name) {
        List<Element> found = new ArrayList<>();
        NodeList all = page.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute(name)) {
                found.add(element);
            }
        }
        return found;
    }

    static String serialise(Element element) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
