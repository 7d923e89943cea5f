package deepdash.forecast;

import deepdash.prices.DatasetInfo;
import deepdash.prices.DatasetService;
import deepdash.prices.ParsedPrices;
import deepdash.prices.PriceSeries;
import deepdash.prices.UploadSlots;
import deepdash.web.BadRequestException;
import deepdash.web.Uploads;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.InputStream;

/**
 * The datasets API: {@code POST /api/datasets} (multipart, field {@code file}) stores an upload and
 * answers 201 with its {@link DatasetInfo}; {@code GET /api/datasets} lists them, newest first;
 * {@code GET /api/datasets/{id}} describes one with a preview ({@link DatasetDetail});
 * {@code GET /api/datasets/{id}/series?column=Close} gives one whole column for a chart.
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
            try (InputStream content = upload.content()) {
                return datasets.upload(upload.fileName(), content);
            }
        }
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
                : prices.columnName(wanted).orElseThrow(() -> new BadRequestException("column", "the dataset has "
                        + "no column \"" + wanted + "\"; its columns are " + String.join(", ", prices.columns())));
        ctx.json(PriceSeries.of(prices, column));
    }

    public static NotFoundResponse notFound(String id) {
        return new NotFoundResponse("no dataset with id \"" + id + "\"");
    }
}
