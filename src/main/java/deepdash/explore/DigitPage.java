package deepdash.explore;

import java.util.List;

/**
 * One page of the digit grid; the JSON of {@code GET /api/mnist/{split}}.
 *
 * @param split "train" or "test"
 * @param label the label filter, or null for every digit
 * @param offset how many matching digits come before this page
 * @param limit the most items a page holds
 * @param total how many digits of the split match the filter
 * @param rows image height, for decoding {@link DigitThumb#pixels()}
 * @param columns image width
 * @param items the digits on this page, in split order
 */
public record DigitPage(String split, Integer label, int offset, int limit, int total, int rows, int columns,
        List<DigitThumb> items) {
}
