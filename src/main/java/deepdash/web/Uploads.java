package deepdash.web;

import deepdash.i18n.Text;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.text.NumberFormat;
import java.util.Locale;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Reads one uploaded file from a multipart request, refusing what is too large with 413 before
 * anything is stored: first by the declared length, then by the size Jetty counted (its multipart
 * limits are set from the same number in {@code App}). Jetty keeps every file part above a small
 * threshold in a temporary file (also set in {@code App}), and the content is handed on as a
 * stream, so no upload is ever held whole in memory.
 */
public final class Uploads {

    /** Room for the multipart boundaries and part headers around the file itself. */
    public static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

    /** File parts larger than this are written to a temporary file as they arrive, not kept in memory. */
    public static final int MAX_IN_MEMORY_PART_BYTES = 64 * 1024;

    /** What a refused upload is told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * An uploaded file, as Jetty keeps it until the request ends.
     *
     * @param fileName the name the browser sent
     * @param sizeBytes its length
     */
    public record Upload(String fileName, long sizeBytes, UploadedFile file) {

        /** A new stream over the file's bytes; the caller closes it. */
        public InputStream content() {
            return file.content();
        }
    }

    private Uploads() {
    }

    /**
     * @param field the multipart field holding the file
     * @param maxBytes the largest file accepted
     * @throws BadRequestException 413 when the file is larger than {@code maxBytes}, 400 when the
     *     request is not multipart or has no such field
     */
    public static Upload read(Context ctx, String field, long maxBytes) throws Exception {
        checkHeaders(ctx, field, maxBytes);
        UploadedFile file;
        try {
            file = ctx.uploadedFile(field);
        } catch (Exception e) {
            // Jetty's parser stops at the multipart limits with an IllegalStateException ("max file size
            // exceeded"), wrapped in a BadMessageException and a ServletException: checked, though Kotlin
            // does not declare it.
            if (hasCause(e, IllegalStateException.class, "exceeded")) {
                throw tooLarge(field, maxBytes);
            }
            if (hasCause(e, BadMessageException.class, "")) {
                throw new BadRequestException(field, Text.of("error.upload.unreadable", rootMessage(e)));
            }
            throw e;
        }
        if (file == null) {
            throw new BadRequestException(field, Text.of("error.upload.no_file", field));
        }
        if (file.size() > maxBytes) {
            throw tooLarge(field, maxBytes);
        }
        return new Upload(file.filename(), file.size(), file);
    }

    /**
     * Refuses what the headers alone show to be wrong, before the body is read: 413 when the
     * declared length is over the limit, 400 when the request is not multipart.
     */
    public static void checkHeaders(Context ctx, String field, long maxBytes) {
        long declared = declaredLength(ctx);
        if (declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
            throw tooLarge(field, maxBytes);
        }
        if (!ctx.isMultipartFormData()) {
            throw new BadRequestException(field, Text.of("error.upload.not_multipart", field));
        }
    }

    /**
     * The refusal for an upload that finds every upload slot taken: 503, with a
     * {@code Retry-After} header set on {@code ctx} here because the error mapping writes only the
     * status and the body.
     *
     * @param limit how many uploads may be in progress at once
     */
    public static BadRequestException busy(Context ctx, String field, int limit) {
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        return new BadRequestException(503, field, Text.of(limit == 1 ? "error.upload.busy_one" : "error.upload.busy",
                limit, RETRY_AFTER_SECONDS));
    }

    private static boolean hasCause(Throwable thrown, Class<? extends Throwable> type, String messagePart) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t) && t.getMessage() != null && t.getMessage().contains(messagePart)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static long declaredLength(Context ctx) {
        String header = ctx.header("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static BadRequestException tooLarge(String field, long maxBytes) {
        return new BadRequestException(413, field, Text.of("error.upload.too_large", megabytes(maxBytes)));
    }

    private static String megabytes(long bytes) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(1);
        return format.format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
