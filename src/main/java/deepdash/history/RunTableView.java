package deepdash.history;

import deepdash.i18n.Messages;
import deepdash.model.ModelRegistry;
import deepdash.runs.RunExports;
import deepdash.runs.RunPage;
import deepdash.runs.RunQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Input of {@code runs/table.jte}: one page of the Runs table and its pager, swapped by htmx when a
 * filter changes, a page is turned, or (while a run on it is active) every few seconds.
 *
 * @param model the model filter, "" for all
 * @param status the status filter as written in the URL, "" for all
 */
public record RunTableView(List<RunRowView> rows, int total, int offset, int limit, String model, String status) {

    public static RunTableView of(RunPage page, ModelRegistry models, Instant now) {
        return of(page, models, now, null);
    }

    /** @param exports where forecasters' MAE ratios and dataset names are read; null for none */
    public static RunTableView of(RunPage page, ModelRegistry models, Instant now, RunExports exports) {
        return of(page, models, now, exports, Messages.ENGLISH);
    }

    /** @param t the language of the rows' cells */
    public static RunTableView of(RunPage page, ModelRegistry models, Instant now, RunExports exports, Messages t) {
        List<RunRowView> rows = new ArrayList<>(page.runs().size());
        page.runs().forEach(run -> rows.add(RunRowView.of(run, models, now, exports, t)));
        RunQuery query = page.query();
        return new RunTableView(rows, page.total(), query.offset(), query.limit(),
                query.model() == null ? "" : query.model(), query.statusParam());
    }

    /** True while a run on this page is queued or running: the table then refreshes itself. */
    public boolean live() {
        return rows.stream().anyMatch(RunRowView::active);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + rows.size() < total;
    }

    /** {@link #range()} in {@code t}'s language. */
    public String range(Messages t) {
        if (rows.isEmpty()) {
            return "";
        }
        return t.get("runs.range", String.format(Locale.ROOT, "%,d", offset + 1),
                String.format(Locale.ROOT, "%,d", offset + rows.size()), String.format(Locale.ROOT, "%,d", total));
    }

    /** {@link #emptyText()} in {@code t}'s language. */
    public String emptyText(Messages t) {
        if (total > 0) {
            // Chosen by count, as ICU plurals would: the English test pins "1 run" and "3 runs".
            return t.get(total == 1 ? "runs.emptyPage.one" : "runs.emptyPage", String.format(Locale.ROOT, "%,d", total));
        }
        return t.get(filtered() ? "runs.noMatch" : "runs.none");
    }

    /** "1–50 of 120"; empty when the page has no rows ({@link #emptyText} then says why, once). */
    public String range() {
        if (rows.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "%,d–%,d of %,d", offset + 1, offset + rows.size(), total);
    }

    /** Whether a filter narrows the list. */
    public boolean filtered() {
        return !model.isEmpty() || !status.isEmpty();
    }

    /** The one line an empty table shows: nothing stored yet, nothing matching, or a page past the end. */
    public String emptyText() {
        if (total > 0) {
            return "No runs on this page: there are " + String.format(Locale.ROOT, "%,d", total)
                    + (total == 1 ? " run" : " runs") + " in all.";
        }
        return filtered() ? "No runs match these filters." : "No runs yet.";
    }

    /** The fragment's URL for this page (polling) or another one (pager). */
    public String tableUrl() {
        return tableUrl(offset);
    }

    public String tableUrl(int pageOffset) {
        return RunsPageController.TABLE + query(pageOffset);
    }

    /** The full page's URL, for links that work without JavaScript and for the browser's history. */
    public String pageUrl(int pageOffset) {
        return RunsPageController.PAGE + query(pageOffset);
    }

    public int previousOffset() {
        return Math.max(0, offset - limit);
    }

    public int nextOffset() {
        return offset + limit;
    }

    private String query(int pageOffset) {
        List<String> parts = new ArrayList<>();
        if (!model.isEmpty()) {
            parts.add("model=" + encode(model));
        }
        if (!status.isEmpty()) {
            parts.add("status=" + encode(status));
        }
        if (pageOffset > 0) {
            parts.add("offset=" + pageOffset);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
