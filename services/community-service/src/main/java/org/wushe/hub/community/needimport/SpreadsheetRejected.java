package org.wushe.hub.community.needimport;

/** A whole file refused (not a row): wrong format, too big, formulas, a zip bomb, missing columns. */
public class SpreadsheetRejected extends RuntimeException {

    private final int status;

    public SpreadsheetRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
