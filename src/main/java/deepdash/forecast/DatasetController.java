package deepdash.forecast;

import deepdash.errors.UserError;
import deepdash.i18n.Text;
import deepdash.prices.DatasetInfo;
import deepdash.prices.DatasetService;
import deepdash.prices.DateOrder;
import deepdash.prices.ParsedPrices;
import deepdash.prices.PriceSeries;
import deepdash.prices.UploadSlots;
import deepdash.web.BadRequestException;
import deepdash.web.JsonBodies;
import deepdash.web.Uploads;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.InputStream;

/**
 * The datasets API: {@code POST /api/datasets} (multipart, field {@code file}, optional field
 * {@code dateOrder} {@code dmy} or {@code mdy} for a file with ambiguous dates) stores an upload and
 * answers 201 with its {@link DatasetInfo}; {@code GET /api/datasets} lists them, newest first;
 * {@code GET /api/datasets/{id}} describes one with a preview ({@link DatasetDetail});
 * {@code GET /api/datasets/{id}/series?column=Close} gives one whole column for a chart;
 * {@code PATCH /api/datasets/{id}} with {@code {"name": "..."}} renames one;
 * {@code DELETE /api/datasets/{id}} deletes one (204; 409 for the bundled sample). Runs keep their
 * own copy of the prices, so deleting a dataset leaves them working.
 */
public final class DatasetController {

    public static final String DATASETS = "/api/datasets";
    public static final String DATASET = "/api/datasets/{id}";
    public static final String SERIES = "/api/datasets/{id}/series";
    public static final String FILE_FIELD = "file";

    private final DatasetService datasets;
    private final long maxUploadBytes;

    public DatasetController(DatasetService datasets, long maxUploadBytes) {
        this.datasets = datasets;
        this.maxUploadBytes = maxUploadBytes;
    }

    public void register(JavalinConfig config) {
        config.routes.post(DATASETS, this::upload);
        config.routes.get(DATASETS, ctx -> ctx.json(datasets.list()));
        config.routes.get(DATASET, this::detail);
        config.routes.get(SERIES, this::series);
        config.routes.patch(DATASET, this::rename);
        config.routes.delete(DATASET, this::delete);
    }

    /** The body of {@code PATCH /api/datasets/{id}}. */
    public record Rename(String name) {
    }

    private void rename(Context ctx) {
        String id = ctx.pathParam("id");
        Rename body = JsonBodies.read(ctx, Rename.class);
        if (body == null || body.name() == null) {
            throw new BadRequestException("name", Text.of("error.dataset.name_required"));
        }
        ctx.json(datasets.rename(id, body.name()).orElseThrow(() -> notFound(id)));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (!datasets.delete(id)) {
            throw notFound(id);
        }
        ctx.status(204);
    }

    private void upload(Context ctx) throws Exception {
        ctx.status(201).json(receiveUpload(ctx, datasets, maxUploadBytes));
    }

    /**
     * Receives a multipart upload in field {@value #FILE_FIELD} and stores it, for this API and the
     * Forecast page alike. Holds one of the service's upload slots from before the body is read
     * until the dataset is stored, so that a burst of uploads is refused (503 with
     * {@code Retry-After}) at once instead of received and parsed all together.
     */
    public static DatasetInfo receiveUpload(Context ctx, DatasetService datasets, long maxUploadBytes)
            throws Exception {
        Uploads.checkHeaders(ctx, FILE_FIELD, maxUploadBytes);
        try (UploadSlots.Slot slot = datasets.tryStartUpload()
                .orElseThrow(() -> Uploads.busy(ctx, FILE_FIELD, datasets.maxConcurrentUploads()))) {
            Uploads.Upload upload = Uploads.read(ctx, FILE_FIELD, maxUploadBytes);
            DateOrder dateOrder = dateOrder(ctx);
            try (InputStream content = upload.content()) {
                return datasets.upload(upload.fileName(), content, dateOrder);
            }
        }
    }

    /** The optional {@code dateOrder} form field (or query parameter): null when absent or blank. */
    private static DateOrder dateOrder(Context ctx) {
        String text = ctx.formParam(DateOrder.FIELD);
        if (text == null) {
            text = ctx.queryParam(DateOrder.FIELD);
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        String given = text;
        return DateOrder.of(text).orElseThrow(() -> new BadRequestException(DateOrder.FIELD,
                Text.of("error.dataset.date_order", given)));
    }

    private void detail(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(datasets.detail(id).orElseThrow(() -> notFound(id)));
    }

    private void series(Context ctx) {
        String id = ctx.pathParam("id");
        ParsedPrices prices = datasets.prices(id).orElseThrow(() -> notFound(id));
        String wanted = ctx.queryParam("column");
        String column = wanted == null || wanted.isBlank() ? prices.defaultTarget()
                : prices.columnName(wanted).orElseThrow(() -> new BadRequestException("column",
                        Text.of("error.dataset.no_column", wanted, String.join(", ", prices.columns()))));
        ctx.json(PriceSeries.of(prices, column));
    }

    public static UserError notFound(String id) {
        return new UserError(404, null, Text.of("error.dataset.not_found", id));
    }
}
