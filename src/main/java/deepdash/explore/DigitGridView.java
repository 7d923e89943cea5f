package deepdash.explore;

import deepdash.i18n.Messages;
import java.util.Locale;

/**
 * Input of {@code explore/grid.jte}: one page of the digit grid with its pager, swapped by htmx
 * when the filter changes or a page is turned; every link also works as a plain link.
 *
 * @param page the digits shown
 * @param labelCounts how many digits of each label the split holds (how balanced the classes are)
 */
public record DigitGridView(DigitPage page, int[] labelCounts) {

    public String split() {
        return page.split();
    }

    /** The label filter as written in the URL: "" for all. */
    public String labelParam() {
        return page.label() == null ? "" : page.label().toString();
    }

    public boolean hasPrevious() {
        return page.offset() > 0;
    }

    public boolean hasNext() {
        return page.offset() + page.items().size() < page.total();
    }

    public int previousOffset() {
        return Math.max(0, page.offset() - page.limit());
    }

    public int nextOffset() {
        return page.offset() + page.limit();
    }

    /** {@link #summary()} in {@code t}'s language. */
    public String summary(Messages t) {
        String split = t.get("mnist.split." + page.split());
        String total = String.format(Locale.ROOT, "%,d", page.total());
        return page.label() == null ? t.get("explore.summary", total, split)
                : t.get("explore.summaryLabel", total, split, page.label());
    }

    /** {@link #range()} in {@code t}'s language. */
    public String range(Messages t) {
        if (page.items().isEmpty()) {
            return t.get(page.total() == 0 ? "explore.range.none" : "explore.range.emptyPage");
        }
        return t.get("explore.range", String.format(Locale.ROOT, "%,d", page.offset() + 1),
                String.format(Locale.ROOT, "%,d", page.offset() + page.items().size()),
                String.format(Locale.ROOT, "%,d", page.total()));
    }

    /** {@link #ariaLabel(DigitThumb)} in {@code t}'s language. */
    public String ariaLabel(DigitThumb digit, Messages t) {
        return t.get("explore.digitTitle", t.get("mnist.split." + page.split()), digit.index(), digit.label());
    }

    /** "1,028 test digits labelled 7" or "10,000 test digits". */
    public String summary() {
        return String.format(Locale.ROOT, "%,d %s digits%s", page.total(), page.split(),
                page.label() == null ? "" : " labelled " + page.label());
    }

    public String range() {
        if (page.items().isEmpty()) {
            return page.total() == 0 ? "none" : "no digits on this page";
        }
        return String.format(Locale.ROOT, "%,d–%,d of %,d", page.offset() + 1,
                page.offset() + page.items().size(), page.total());
    }

    /** How many digits of one label the split holds: "7: 1,028". */
    public String labelCount(int label) {
        return String.format(Locale.ROOT, "%d: %,d", label, labelCounts[label]);
    }

    /** The grid fragment of another page. */
    public String gridUrl(int offset) {
        return ExploreController.GRID + query(offset, null);
    }

    /** The whole page at another page of the grid: for links without JavaScript and for history. */
    public String pageUrl(int offset) {
        return ExploreController.PAGE + query(offset, null);
    }

    /** The whole page with this digit open. */
    public String pageUrl(DigitThumb digit) {
        return ExploreController.PAGE + query(page.offset(), digit.index());
    }

    /** The digit's matrix fragment. */
    public String digitUrl(DigitThumb digit) {
        return ExploreController.digitFragmentUrl(page.split(), digit.index());
    }

    /** What a screen reader says for a thumbnail: "test digit 0, label 7". */
    public String ariaLabel(DigitThumb digit) {
        return page.split() + " digit " + digit.index() + ", label " + digit.label();
    }

    private String query(int offset, Integer digit) {
        StringBuilder query = new StringBuilder("?split=").append(page.split());
        if (page.label() != null) {
            query.append("&label=").append(page.label());
        }
        if (offset > 0) {
            query.append("&offset=").append(offset);
        }
        if (digit != null) {
            query.append("&digit=").append(digit);
        }
        return query.toString();
    }
}
