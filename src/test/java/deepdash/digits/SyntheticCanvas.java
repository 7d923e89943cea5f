package deepdash.digits;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** Draws digits with anti-aliased round strokes, as a person would on the page's canvas, for tests. */
final class SyntheticCanvas {

    /**
     * Shapes drawn in a unit square. All are lopsided on purpose: a mirror-symmetric shape has its
     * centre of mass exactly between two pixels, where a whole-pixel shift may go either way.
     */
    enum Glyph {
        SEVEN, FOUR, ONE
    }

    /** Stroke width as a share of the drawing's size, so a larger drawing has thicker strokes. */
    static final double STROKE_SHARE = 0.12;

    private SyntheticCanvas() {
    }

    /** @return a blank canvas of the given style, as an ARGB image */
    static BufferedImage blank(int sidePixels, CanvasStyle style) {
        return switch (style) {
            case TRANSPARENT -> new BufferedImage(sidePixels, sidePixels, BufferedImage.TYPE_INT_ARGB);
            case DARK_ON_LIGHT -> filled(sidePixels, Color.WHITE);
            case LIGHT_ON_DARK -> filled(sidePixels, Color.BLACK);
        };
    }

    /** @return an opaque canvas of one colour */
    static BufferedImage filled(int sidePixels, Color background) {
        BufferedImage image = new BufferedImage(sidePixels, sidePixels, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, sidePixels, sidePixels);
        g.dispose();
        return image;
    }

    /** Draws {@code glyph} in the square at ({@code left}, {@code top}) of side {@code size} on a fresh canvas. */
    static BufferedImage draw(Glyph glyph, CanvasStyle style, int sidePixels, double left, double top, double size) {
        Color ink = style == CanvasStyle.LIGHT_ON_DARK ? Color.WHITE : Color.BLACK;
        return drawOn(blank(sidePixels, style), glyph, ink, left, top, size, STROKE_SHARE * size);
    }

    /** Draws {@code glyph} onto {@code canvas} and returns it. */
    static BufferedImage drawOn(BufferedImage canvas, Glyph glyph, Color ink,
                                double left, double top, double size, double strokeWidthPixels) {
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(ink);
        g.translate(left, top);
        g.scale(size, size);
        g.setStroke(new BasicStroke((float) (strokeWidthPixels / size), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path(glyph));
        g.dispose();
        return canvas;
    }

    private static Path2D path(Glyph glyph) {
        Path2D.Double path = new Path2D.Double();
        switch (glyph) {
            case SEVEN -> {
                path.moveTo(0.2, 0.1);
                path.lineTo(0.8, 0.1);
                path.lineTo(0.42, 0.9);
                path.moveTo(0.38, 0.5);
                path.lineTo(0.72, 0.5);
            }
            case FOUR -> {
                path.moveTo(0.55, 0.9);
                path.lineTo(0.55, 0.1);
                path.lineTo(0.15, 0.62);
                path.lineTo(0.8, 0.62);
            }
            case ONE -> {
                path.moveTo(0.38, 0.25);
                path.lineTo(0.52, 0.1);
                path.lineTo(0.52, 0.9);
            }
        }
        return path;
    }
}
