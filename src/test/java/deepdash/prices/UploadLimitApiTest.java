package deepdash.prices;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.support.Multipart;
import deepdash.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At most {@code maxConcurrentUploads} uploads are received and parsed at once; more are refused at
 * once with 503 and {@code Retry-After}, on the API and on the Forecast page alike.
 */
class UploadLimitApiTest {

    private static final String BOUNDARY = "limit-test-boundary";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void uploadsBeyondTheLimitGet503WithRetryAfterUntilOneEnds() throws Exception {
        AppConfig config = AppConfig.forTests(dataDir).withMaxConcurrentUploads(2);
        try (TestServer server = TestServer.start(config)) {
            byte[] csv = PriceCsvFixtures.utf8(PriceCsvFixtures.yahooCsv(2000));
            List<HeldUpload> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                held.add(HeldUpload.start(server, "/api/datasets", "held-" + i + ".csv", csv));
            }

            // Each held upload takes its slot when its handler runs, then waits for the rest of its body.
            // Wait for both to hold one: a small upload sent earlier could take a slot first and leave a
            // held one refused instead.
            awaitUploadsInProgress(server, 2, held);

            HttpResponse<String> refused = server.send(Multipart.upload(server.baseUrl() + "/api/datasets",
                    "file", "refused.csv", small()));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            JsonNode error = json(refused);
            assertThat(error.get("field").asText()).isEqualTo("file");
            assertThat(error.get("error").asText())
                    .contains("already receiving 2 uploads")
                    .contains("--max-concurrent-uploads");

            HttpResponse<String> page = server.send(Multipart.upload(server.baseUrl() + "/ui/forecast/datasets",
                    "file", "page.csv", small()));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");

            for (HeldUpload upload : held) {
                assertThat(upload.finish()).startsWith("HTTP/1.1 201");
            }
            HttpResponse<String> after = server.send(Multipart.upload(server.baseUrl() + "/api/datasets", "file",
                    "after.csv", small()));
            assertThat(after.statusCode()).as("a slot is free again: " + after.body()).isEqualTo(201);
        }
    }

    private static byte[] small() {
        return PriceCsvFixtures.utf8(PriceCsvFixtures.yahooCsv(40));
    }

    private static void awaitUploadsInProgress(TestServer server, int expected, List<HeldUpload> held)
            throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (server.services().datasets().uploadsInProgress() < expected) {
            if (System.nanoTime() > deadline) {
                List<String> answers = new ArrayList<>();
                for (HeldUpload upload : held) {
                    answers.add(upload.answerSoFar());
                }
                throw new AssertionError("after " + DEADLINE.toSeconds() + " s only "
                        + server.services().datasets().uploadsInProgress() + " of " + expected
                        + " held uploads hold a slot; they had been answered: " + answers);
            }
            Thread.sleep(10);
        }
    }

    /** An upload sent over a raw socket that stops halfway through its body until told to finish. */
    private static final class HeldUpload {

        private final Socket socket;
        private final byte[] rest;

        private HeldUpload(Socket socket, byte[] rest) {
            this.socket = socket;
            this.rest = rest;
        }

        static HeldUpload start(TestServer server, String path, String fileName, byte[] content) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] bytes = body.toByteArray();
            int port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            int half = bytes.length / 2;
            out.write(bytes, 0, half);
            out.flush();
            byte[] rest = new byte[bytes.length - half];
            System.arraycopy(bytes, half, rest, 0, rest.length);
            return new HeldUpload(socket, rest);
        }

        /** What the server has answered without the rest of the body, if anything, within a second. */
        String answerSoFar() throws IOException {
            socket.setSoTimeout(1_000);
            try {
                byte[] buffer = new byte[4096];
                int read = socket.getInputStream().read(buffer);
                return read < 0 ? "(closed, no answer)" : new String(buffer, 0, read, StandardCharsets.UTF_8);
            } catch (java.net.SocketTimeoutException e) {
                return "(nothing yet)";
            }
        }

        /** Sends the rest of the body and returns the whole response. */
        String finish() throws IOException {
            try (socket) {
                socket.getOutputStream().write(rest);
                socket.getOutputStream().flush();
                InputStream in = socket.getInputStream();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
