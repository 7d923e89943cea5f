package deepdash.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** Builds multipart/form-data uploads as a browser sends them, for tests of upload routes. */
public final class Multipart {

    private static final String BOUNDARY = "deepdash-test-boundary-7f3a";

    private Multipart() {
    }

    /** One file in field {@code field}; the body's length is declared. */
    public static HttpRequest upload(String url, String field, String fileName, byte[] content) {
        return request(url).POST(HttpRequest.BodyPublishers.ofByteArray(body(field, fileName, content))).build();
    }

    /** The same upload sent chunked, without a Content-Length, so only the server's parser can count it. */
    public static HttpRequest uploadChunked(String url, String field, String fileName, byte[] content) {
        byte[] body = body(field, fileName, content);
        return request(url).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    private static byte[] body(String field, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
