package deepdash.mistakes;

import deepdash.digits.PredictionController;
import deepdash.evaluation.Guess;
import deepdash.evaluation.ImagePrediction;
import deepdash.i18n.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One test image in a gallery: drawn by {@code evaluation.js} from its pixels, with the model's
 * three guesses and a link that opens it on the Draw page.
 *
 * @param pixelsHex the 784 IDX bytes as hex (1,568 characters), for a {@code data-} attribute
 * @param modelId the model that gave these answers; the Draw page reads the image with it
 */
public record ImageTile(ImagePrediction item, String pixelsHex, String modelId) {

    /** The Draw page's parameter that loads an MNIST image: {@code ?mnist=test:<index>}. */
    public static final String DRAW_PARAM = "mnist";

    static ImageTile of(ImagePrediction item, byte[] pixels, String modelId) {
        return new ImageTile(item, HexFormat.of().formatHex(pixels), modelId);
    }

    public int index() {
        return item.index();
    }

    public String drawUrl() {
        return PredictionController.DRAW_PAGE + "?" + DRAW_PARAM + "=test:" + item.index() + "&run="
                + URLEncoder.encode(modelId, StandardCharsets.UTF_8);
    }

    public List<Guess> top3() {
        return item.top3();
    }

    public static String percent(double probability) {
        return String.format(Locale.ROOT, "%.1f%%", probability * 100);
    }

    /** {@link #description()} in {@code t}'s language. */
    public String description(Messages t) {
        return t.get("tile.description", item.index(), item.actual(), item.predicted(), percent(item.confidence()));
    }

    /** "7 as 2 (98.1%)" for a screen reader and a tooltip. */
    public String description() {
        return "test image " + item.index() + ": a " + item.actual() + " read as " + item.predicted() + " ("
                + percent(item.confidence()) + ")";
    }
}
