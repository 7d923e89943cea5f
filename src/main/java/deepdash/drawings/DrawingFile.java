package deepdash.drawings;

import java.time.Instant;

/**
 * A drawing's {@code <id>.json} as {@link DrawingStore} writes it; the id is the file name.
 *
 * @param label the digit the user says it is
 * @param createdAt when it was saved
 * @param pixels the 28x28 model input, rounded to {@link DrawingStore#PIXEL_DECIMALS} decimals
 */
record DrawingFile(Integer label, Instant createdAt, float[] pixels) {
}
