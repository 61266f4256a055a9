package com.homeworkapi.chart;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimated widths of text in the chart's font stack, so the drawing can wrap and place its
 * labels without a browser and still give the same bytes for the same record. The advances are
 * DejaVu Sans's, what {@code system-ui} is on a Linux without other fonts and the widest font
 * of the stack: Segoe UI, Roboto, Helvetica and Arial set the same text narrower, so an
 * estimate errs on the safe side.
 */
final class TextWidth {

    /** Advance widths in thousandths of an em, of U+0020 (space) to U+007E (~), regular weight. */
    private static final short[] REGULAR = {
            318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
            636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
            1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
            603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
            500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
            635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    };

    /** The same at weight 600, which the browser sets in DejaVu Sans Bold. */
    private static final short[] SEMIBOLD = {
            348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
            696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
            1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
            733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
            500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
            716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    };

    /** A character with no ASCII letter beneath it (CJK, symbols) is counted a full em, the widest. */
    private static final int WIDEST = 1000;

    private TextWidth() {
    }

    /** The width of {@code text} set at {@code fontSize}, in the drawing's units. */
    static double of(String text, double fontSize, boolean semibold) {
        short[] advances = semibold ? SEMIBOLD : REGULAR;
        long thousandths = text.codePoints().map(c -> advance(c, advances)).sum();
        return thousandths * fontSize / 1000;
    }

    private static int advance(int codePoint, short[] advances) {
        int base = codePoint;
        if (codePoint > '~' && Character.isBmpCodePoint(codePoint)) {
            // An accented letter is about as wide as its letter: é as e.
            base = Normalizer.normalize(String.valueOf((char) codePoint), Normalizer.Form.NFD).charAt(0);
        }
        return base >= ' ' && base <= '~' ? advances[base - ' '] : WIDEST;
    }

    /**
     * {@code text} broken at spaces into lines no wider than {@code maxWidth}, each line filled
     * before the next; a word wider than a line on its own is broken between characters.
     */
    static List<String> wrap(String text, double maxWidth, double fontSize, boolean semibold) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (of(candidate, fontSize, semibold) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (of(rest, fontSize, semibold) > maxWidth) {
                int fits = longestPrefixWithin(rest, maxWidth, fontSize, semibold);
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** How many chars of {@code word} fit in {@code maxWidth}: at least one code point, so wrapping ends. */
    private static int longestPrefixWithin(String word, double maxWidth, double fontSize, boolean semibold) {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (of(word.substring(0, next), fontSize, semibold) > maxWidth) {
                break;
            }
            end = next;
        }
        return end;
    }
}
