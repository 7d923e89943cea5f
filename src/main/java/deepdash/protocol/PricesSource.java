package deepdash.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a series run's {@code prices.csv} came from, stored beside it as {@code prices.json}: the
 * dataset's id and its name when the run was made (so the run still names it after the dataset is
 * renamed or deleted), and how its dates read when the file alone cannot say.
 *
 * @param dataset the dataset's id
 * @param name the dataset's name, e.g. the uploaded file's
 * @param dateOrder {@code dmy} or {@code mdy} for a file whose slashed dates are ambiguous; null
 *     when they are not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PricesSource(String dataset, String name, String dateOrder) {
}
