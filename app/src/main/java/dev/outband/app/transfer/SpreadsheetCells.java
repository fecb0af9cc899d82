package dev.outband.app.transfer;

/**
 * Keeps spreadsheets from running cells as formulas (CSV injection). OWASP's guidance: a cell that
 * begins with {@code = + - @}, a tab or a carriage return gets a single quote in front and is quoted
 * (the CSV writer quotes every value holding a quote). Import takes one such quote off again, so an
 * exported list reads back as it was, even a password that itself begins with quotes and {@code =}.
 */
final class SpreadsheetCells {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    static String neutralise(String cell) {
        return formulaAfterQuotes(cell) ? "'" + cell : cell;
    }

    static String restore(String cell) {
        return cell.startsWith("'") && formulaAfterQuotes(cell) ? cell.substring(1) : cell;
    }

    private static boolean formulaAfterQuotes(String cell) {
        int at = 0;
        while (at < cell.length() && cell.charAt(at) == '\'') {
            at++;
        }
        return at < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(at)) >= 0;
    }
}
