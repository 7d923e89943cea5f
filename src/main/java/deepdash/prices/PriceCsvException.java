package deepdash.prices;

import deepdash.errors.UserError;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;

/**
 * A price CSV that cannot be used, with a message meant for the person who uploaded it.
 *
 * <p>{@link #getMessage()} starts with the file name when one is known; {@link #detail()} is the
 * same text without it, for places that already show the name.
 */
public class PriceCsvException extends UserError {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String detail;

    /**
     * @param fileName the uploaded file's name, or {@code null} or blank when unknown
     * @param detail what is wrong, naming the line and column where there is one
     */
    public PriceCsvException(String fileName, String detail) {
        this(fileName, detail, "file");
    }

    /**
     * @param field the form field the user changes to fix it, e.g. {@code dateOrder}
     */
    public PriceCsvException(String fileName, String detail, String field) {
        super(400, field, fileName == null || fileName.isBlank() ? detail : fileName + ": " + detail);
        this.fileName = fileName;
        this.detail = detail;
    }

    /** Worded from the bundles; the message starts with the file name in every language. */
    public PriceCsvException(String fileName, Text detail) {
        this(fileName, detail, "file");
    }

    public PriceCsvException(String fileName, Text detail, String field) {
        super(400, field, detail, null, false);
        this.fileName = fileName;
        this.detail = Messages.ENGLISH.format(detail);
    }

    @Override
    public String getMessage() {
        return text() == null ? super.getMessage() : withFileName(detail);
    }

    @Override
    protected String prefixedDetail(String worded, Messages messages) {
        return withFileName(worded);
    }

    private String withFileName(String worded) {
        return fileName == null || fileName.isBlank() ? worded : fileName + ": " + worded;
    }

    /** The uploaded file's name as given to the parser; may be {@code null}. */
    public String fileName() {
        return fileName;
    }

    /** The message without the file name. */
    public String detail() {
        return detail;
    }
}
