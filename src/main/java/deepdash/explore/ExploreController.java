package deepdash.explore;

import deepdash.errors.UserError;
import deepdash.i18n.Text;
import deepdash.web.BadRequestException;
import deepdash.web.JsonBodies;
import deepdash.web.RequestLanguage;
import deepdash.web.Templates;
import deepdash.web.Uploads;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The data page: "look at the data" before training on it.
 *
 * <ul>
 *   <li>{@code GET /data}: the MNIST browser and the image inspector; {@code ?split=&label=&offset=}
 *       choose the grid's page and {@code &digit=} opens one digit, so every state has a URL that
 *       works without JavaScript.</li>
 *   <li>{@code GET /data/grid} and {@code GET /data/digit}: the two fragments htmx swaps in.</li>
 *   <li>{@code GET /api/mnist/{split}?label=&offset=&limit=}: a page of digits ({@link DigitPage}).</li>
 *   <li>{@code GET /api/mnist/{split}/{index}}: one digit as its matrix ({@link MnistDigit}).</li>
 *   <li>{@code POST /api/images/inspect}: a PNG or JPEG in multipart field {@code file}, or JSON
 *       {@code {"image":"data:image/...;base64,..."}}; answers an {@link ImageInspection}.</li>
 * </ul>
 */
public final class ExploreController {

    public static final String PAGE = "/data";
    public static final String GRID = "/data/grid";
    public static final String DIGIT = "/data/digit";
    public static final String API_DIGITS = "/api/mnist";
    public static final String API_PAGE = API_DIGITS + "/{split}";
    public static final String API_DIGIT = API_DIGITS + "/{split}/{index}";
    public static final String INSPECT = "/api/images/inspect";
    public static final String FILE_FIELD = "file";
    public static final String IMAGE_FIELD = "image";

    /** Digits on one page of the grid on the data page. */
    public static final int PAGE_SIZE = 50;
    /** Digits on one page of the API when no {@code limit} is given. */
    public static final int DEFAULT_API_LIMIT = 50;
    /** The largest image file the inspector takes (less when {@code --max-upload-mb} is smaller). */
    public static final long DEFAULT_MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    /** Room for the JSON around a data URL. */
    private static final long JSON_OVERHEAD_BYTES = 4096;

    private final MnistBrowser mnist;
    private final ImageInspector inspector;
    private final Templates templates;
    private final long maxImageBytes;

    /** @param maxImageBytes largest image file accepted; larger ones get 413 */
    public ExploreController(MnistBrowser mnist, ImageInspector inspector, Templates templates, long maxImageBytes) {
        this.mnist = mnist;
        this.inspector = inspector;
        this.templates = templates;
        this.maxImageBytes = maxImageBytes;
    }

    public void register(JavalinConfig config) {
        config.routes.get(PAGE, this::page);
        config.routes.get(GRID, this::grid);
        config.routes.get(DIGIT, this::digitFragment);
        config.routes.get(API_PAGE, this::apiPage);
        config.routes.get(API_DIGIT, this::apiDigit);
        config.routes.post(INSPECT, this::inspect);
    }

    /** The digit fragment's URL. */
    public static String digitFragmentUrl(String split, int index) {
        return DIGIT + "?split=" + split + "&index=" + index;
    }

    private void page(Context ctx) {
        DigitGridView grid = gridView(ctx, PAGE_SIZE);
        Integer digit = optionalInt(ctx, "digit");
        DigitDetailView detail = digit == null ? null
                : new DigitDetailView(mnist.digit(MnistSplit.parse(grid.split(), "split"), digit));
        templates.render(ctx, "explore/page.jte", new DataPageView(grid, detail, maxImageBytes));
    }

    private void grid(Context ctx) {
        DigitGridView grid = gridView(ctx, PAGE_SIZE);
        // The filters and the pager swap this fragment in; the address bar shows the whole page's URL.
        ctx.header("HX-Push-Url", grid.pageUrl(grid.page().offset()));
        templates.render(ctx, "explore/grid.jte", grid);
    }

    private void digitFragment(Context ctx) {
        MnistSplit split = split(ctx.queryParam("split"));
        Integer index = optionalInt(ctx, "index");
        if (index == null) {
            throw new BadRequestException("index", Text.of("error.mnist.no_index"));
        }
        templates.render(ctx, "explore/digit.jte", new DigitDetailView(mnist.digit(split, index)));
    }

    private DigitGridView gridView(Context ctx, int limit) {
        MnistSplit split = split(ctx.queryParam("split"));
        DigitPage page = mnist.page(split, optionalInt(ctx, "label"), intOr(ctx, "offset", 0), limit);
        return new DigitGridView(page, mnist.labelCounts(split));
    }

    private void apiPage(Context ctx) {
        MnistSplit split = MnistSplit.parse(ctx.pathParam("split"), "split");
        ctx.json(mnist.page(split, optionalInt(ctx, "label"), intOr(ctx, "offset", 0),
                intOr(ctx, "limit", DEFAULT_API_LIMIT)));
    }

    private void apiDigit(Context ctx) {
        MnistSplit split = MnistSplit.parse(ctx.pathParam("split"), "split");
        ctx.json(mnist.digit(split, parseInt("index", ctx.pathParam("index"))));
    }

    private void inspect(Context ctx) throws Exception {
        boolean multipart = ctx.isMultipartFormData();
        String field = multipart ? FILE_FIELD : IMAGE_FIELD;
        if (multipart) {
            Uploads.checkHeaders(ctx, FILE_FIELD, maxImageBytes);
        } else {
            checkJsonBody(ctx);
        }
        try (AutoCloseable slot = inspector.tryStart()
                .orElseThrow(() -> Uploads.busy(ctx, field, inspector.maxConcurrent()))) {
            byte[] image;
            if (multipart) {
                Uploads.Upload upload = Uploads.read(ctx, FILE_FIELD, maxImageBytes);
                try (InputStream content = upload.content()) {
                    image = content.readAllBytes();
                }
            } else {
                byte[] body = ctx.bodyAsBytes();
                long maxJsonBytes = maxJsonBytes();
                if (body.length > maxJsonBytes) {
                    throw tooLarge(body.length);
                }
                InspectRequest request = JsonBodies.read(new String(body, StandardCharsets.UTF_8),
                        InspectRequest.class);
                image = ImageDataUrl.decode(request.image(), IMAGE_FIELD);
                if (image.length > maxImageBytes) {
                    throw tooLarge(image.length);
                }
            }
            ctx.json(inspector.inspect(image, field, RequestLanguage.messages(ctx)));
        }
    }

    /** Refuses a body that is not JSON, or declares more bytes than the largest image needs, before it is read. */
    private void checkJsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new BadRequestException("body", type == null
                    ? Text.of("error.inspect.how", FILE_FIELD, IMAGE_FIELD)
                    : Text.of("error.inspect.how_type", FILE_FIELD, IMAGE_FIELD, type));
        }
        long declaredBytes = ctx.req().getContentLengthLong();
        if (declaredBytes > maxJsonBytes()) {
            throw tooLarge(declaredBytes);
        }
    }

    private long maxJsonBytes() {
        // base64 takes 4 characters for 3 bytes.
        return (maxImageBytes + 2) / 3 * 4 + JSON_OVERHEAD_BYTES;
    }

    private BadRequestException tooLarge(long bytes) {
        return new BadRequestException(413, IMAGE_FIELD, Text.of("error.inspect.too_large",
                String.format(Locale.US, "%,d", bytes), String.format(Locale.US, "%,d", maxImageBytes)));
    }

    private static MnistSplit split(String value) {
        return value == null || value.isBlank() ? MnistSplit.TEST : MnistSplit.parse(value, "split");
    }

    private static Integer optionalInt(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : parseInt(name, value);
    }

    private static int intOr(Context ctx, String name, int fallback) {
        Integer value = optionalInt(ctx, name);
        return value == null ? fallback : value;
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw UserError.badRequest(name, Text.of("error.query.whole_number", value));
        }
    }
}
