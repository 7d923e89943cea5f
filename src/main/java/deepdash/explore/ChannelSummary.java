package deepdash.explore;

/**
 * One channel of an inspected image.
 *
 * @param name "R", "G", "B", "A" or "grey"
 * @param min its smallest value over the whole image
 * @param max its largest value over the whole image
 * @param pixels base64 of its preview: {@link ImagePreview#width()} x {@link ImagePreview#height()}
 *     unsigned bytes, row-major, scaled to 0..255
 */
public record ChannelSummary(String name, int min, int max, String pixels) {
}
