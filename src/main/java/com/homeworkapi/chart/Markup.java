package com.homeworkapi.chart;

import java.util.Locale;

/**
 * Text and numbers as the chart and the summary page write them: every caller's text escaped
 * for XML and HTML alike, numbers in one fixed format whatever the machine's locale, so the
 * same record gives the same bytes.
 */
public final class Markup {

    private Markup() {
    }

    /**
     * Escapes text for element content and quoted attributes of XML and HTML. Control
     * characters that XML 1.0 forbids become U+FFFD, so no stored text can break the document.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                        ? '\uFFFD' : c);
            }
        }
        return escaped.toString();
    }

    /** A coordinate with one decimal, "12.5". */
    public static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A share as a whole percentage, "83%". */
    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** A figure as people write it: 10 or 12.5, at most two decimals. */
    public static String figure(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
