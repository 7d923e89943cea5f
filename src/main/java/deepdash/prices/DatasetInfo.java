package deepdash.prices;

import com.fasterxml.jackson.annotation.JsonInclude;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import java.util.List;

/**
 * What is known about one uploaded price dataset; stored as its {@code dataset.json}.
 *
 * <p>Dates and times are ISO-8601 strings rather than {@code java.time} values so that the
 * record (de)serialises with a plain Jackson {@code ObjectMapper}, without the JSR-310 module.
 *
 * @param id the dataset's id, the name of its folder
 * @param name the file name the user uploaded it under
 * @param rows how many days of prices were usable
 * @param from the first day, {@code YYYY-MM-DD}
 * @param to the last day, {@code YYYY-MM-DD}
 * @param columns the numeric columns, named as in the file's header
 * @param skipped the rows that were not used
 * @param createdAt when it was uploaded, an ISO-8601 instant such as {@code 2024-05-01T12:00:00Z}
 * @param dateOrder {@code dmy} or {@code mdy} when the user chose how the file's ambiguous dates read;
 *     null when the file needed no choice
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetInfo(
        String id,
        String name,
        int rows,
        String from,
        String to,
        List<String> columns,
        Skipped skipped,
        String createdAt,
        String dateOrder) {

    public DatasetInfo {
        columns = columns == null ? List.of() : List.copyOf(columns);
        skipped = skipped == null ? new Skipped(0, List.of()) : skipped;
    }

    /** The same dataset under another name. */
    public DatasetInfo withName(String newName) {
        return new DatasetInfo(id, newName, rows, from, to, columns, skipped, createdAt, dateOrder);
    }

    /**
     * The rows of the upload that were not used.
     *
     * @param count how many
     * @param examples why the first few were not, naming line and column, in English
     * @param reasons the same reasons as message keys and arguments, so a page words them in its
     *     reader's language; empty for a dataset stored before they were kept
     */
    public record Skipped(int count, List<String> examples,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Text> reasons) {

        public Skipped {
            examples = examples == null ? List.of() : List.copyOf(examples);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public Skipped(int count, List<String> examples) {
            this(count, examples, List.of());
        }

        /** Why the first few rows were not used, in {@code t}'s language when the reasons were kept. */
        public List<String> examples(Messages t) {
            return reasons.size() == examples.size() ? reasons.stream().map(t::format).toList() : examples;
        }
    }
}
