package com.homeworkapi.support;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A page or drawing the service answers (the summary's HTML, the chart's SVG), read as the
 * well-formed XML both are, for assertions on elements and attributes rather than on text.
 * Parsing also proves the document well-formed: stored markup that escaped would break it.
 */
public final class Html {

    private final Document document;

    private Html(Document document) {
        this.document = document;
    }

    public static Html of(Response response) {
        return of(response.asByteArray());
    }

    public static Html of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Html of(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new Html(factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)));
        } catch (Exception unreadable) {
            throw new AssertionError("not a well-formed document: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The elements an XPath expression selects, in document order. */
    public List<Element> all(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document,
                    XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>(nodes.getLength());
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        } catch (Exception wrong) {
            throw new IllegalArgumentException("bad XPath " + xpath, wrong);
        }
    }

    /** The one element an XPath expression selects. */
    public Element one(String xpath) {
        List<Element> found = all(xpath);
        if (found.size() != 1) {
            throw new AssertionError("expected one element at " + xpath + ", found " + found.size());
        }
        return found.get(0);
    }

    public String attribute(String xpath, String name) {
        return one(xpath).getAttribute(name);
    }

    /** The text of the one element an XPath expression selects, with its descendants' text. */
    public String text(String xpath) {
        return one(xpath).getTextContent();
    }

    /** Every element of this name anywhere in the document. */
    public List<Element> elements(String name) {
        return all("//" + name);
    }
}
