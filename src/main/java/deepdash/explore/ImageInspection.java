package deepdash.explore;

import java.util.List;

/**
 * What the inspector saw in an image; the JSON of {@code POST /api/images/inspect}.
 *
 * @param shape height, width and channels, as numpy would print them
 * @param min the smallest value over all channels
 * @param max the largest value over all channels
 * @param channels each channel's name, range and preview, in order
 * @param hasAlpha whether one channel is transparency (A)
 * @param format "png" or "jpeg"
 * @param palette whether the file stores palette indices (a PNG of colour type 3), here expanded to
 *     the colours they stand for
 * @param bitsPerChannel 8, or 16 for 16-bit PNGs (values then go to 65,535)
 * @param preview the size of the channel previews
 * @param notes sentences for the person looking: palette, alpha, downscaling, bit depth
 */
public record ImageInspection(List<Integer> shape, int min, int max, List<ChannelSummary> channels,
        boolean hasAlpha, String format, boolean palette, int bitsPerChannel, ImagePreview preview,
        List<String> notes) {
}
