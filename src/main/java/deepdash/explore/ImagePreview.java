package deepdash.explore;

/**
 * The size of the per-channel previews of an inspected image. Images larger than
 * {@link ImageInspector#MAX_PREVIEW_SIDE} pixels a side are shown downscaled, each preview pixel
 * the average of a {@code scale x scale} block, so that the answer stays small.
 *
 * @param scale how many image pixels a preview pixel covers along each side (1: full size)
 */
public record ImagePreview(int width, int height, int scale) {

    public boolean downscaled() {
        return scale > 1;
    }
}
