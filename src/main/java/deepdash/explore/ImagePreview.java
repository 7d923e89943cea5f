package deepdash.explore;

/**
 * The size of the per-channel previews of an inspected image. Images larger than
 * {@link ImageInspector#MAX_PREVIEW_SIDE} pixels a side are shown downscaled, each preview pixel
 * the mean of a {@code scale x scale} block, so that the answer stays small.
 *
 * @param scale how many image pixels a preview pixel covers along each side (1: full size)
 * @param downscaled whether {@code scale} is more than 1
 */
public record ImagePreview(int width, int height, int scale, boolean downscaled) {

    public ImagePreview(int width, int height, int scale) {
        this(width, height, scale, scale > 1);
    }
}
