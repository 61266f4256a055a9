package com.homeworkapi.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Narrative.NarrativeStatus;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * The human-readable summary every resource carries ({@code text}, generated from the data,
 * dom-6): a heading and the essential facts, one line each. Everything is added as text nodes,
 * never as markup, so what a caller stored (a note, a title with {@code <script>} in it) is
 * escaped when the answer is written; characters XML cannot carry at all are replaced.
 */
final class Narratives {

    private Narratives() {
    }

    /** Collects the facts of one resource, in order, then sets them as its narrative. */
    static Builder of(String heading) {
        return new Builder(heading);
    }

    static final class Builder {

        private final String heading;
        private final List<String[]> facts = new ArrayList<>();

        private Builder(String heading) {
            this.heading = heading;
        }

        /** A fact, left out when it has no value. */
        Builder fact(String label, Object value) {
            if (value != null && !value.toString().isEmpty()) {
                facts.add(new String[] {label, value.toString()});
            }
            return this;
        }

        void setOn(DomainResource resource) {
            XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
            div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
            div.addTag("p").addTag("b").addText(xmlText(heading));
            if (!facts.isEmpty()) {
                XhtmlNode list = div.addTag("ul");
                for (String[] fact : facts) {
                    XhtmlNode item = list.addTag("li");
                    item.addText(xmlText(fact[0]) + ": ");
                    item.addText(xmlText(fact[1]));
                }
            }
            resource.setText(new Narrative().setStatus(NarrativeStatus.GENERATED).setDiv(div));
        }
    }

    /** The text with each character XML 1.0 cannot carry (control characters, half a surrogate pair) as U+FFFD. */
    static String xmlText(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); index++) {
            char unit = text.charAt(index);
            if (Character.isHighSurrogate(unit) && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1))) {
                clean.append(unit).append(text.charAt(++index));
            } else if (Character.isSurrogate(unit) || unit == 0xFFFE || unit == 0xFFFF
                    || unit < 0x20 && unit != '\t' && unit != '\n' && unit != '\r') {
                clean.append('\uFFFD');
            } else {
                clean.append(unit);
            }
        }
        return clean.toString();
    }
}
