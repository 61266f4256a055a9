package com.homeworkapi.report;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV, every cell quoted, so that no text a caller stored (a display name) can become
 * a formula on a clinician's machine.
 *
 * <p>Quoting alone does not stop that: a spreadsheet runs a quoted {@code "=1+1"} too, and one
 * whose locale splits cells on semicolons (or tabs) ignores the commas and cuts cells inside
 * the quotes, so {@code "x;=1+1"} becomes the cells {@code x} and {@code =1+1}. A formula can
 * therefore start wherever a cell could start: at the cell's beginning and after each
 * semicolon, comma, tab or line break in it, behind any spaces and quotes a spreadsheet might
 * drop. Where one of =, +, -, @, tab or carriage return follows there, an apostrophe is put
 * in, which makes the rest text: {@code x;=1+1} is written {@code "x;'=1+1"}.
 */
final class CsvWriter {

    private static final String SEPARATORS = ",;\t\r\n";
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String DROPPED_BEFORE_A_CELL = " \"";

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void row(Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        String text = value == null ? "" : neutralised(value.toString());
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String neutralised(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        boolean cellCouldStart = true;
        for (int i = 0; i < text.length(); i++) {
            if (cellCouldStart && formulaStartsAt(text, i)) {
                safe.append('\'');
            }
            char c = text.charAt(i);
            safe.append(c);
            cellCouldStart = SEPARATORS.indexOf(c) >= 0;
        }
        return safe.toString();
    }

    private static boolean formulaStartsAt(String text, int start) {
        int i = start;
        while (i < text.length() && DROPPED_BEFORE_A_CELL.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i < text.length() && FORMULA_STARTS.indexOf(text.charAt(i)) >= 0;
    }
}
