package io.linetwin.render.scene;

import com.jme3.math.ColorRGBA;
import com.jme3.texture.Image;
import com.jme3.texture.Texture;
import com.jme3.texture.Texture2D;
import com.jme3.texture.image.ColorSpace;
import com.jme3.util.BufferUtils;
import com.jme3.util.MipMapGenerator;
import io.linetwin.render.layout.Polyline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Everything on the floor, in one texture: concrete, a one-metre grid (every fifth line heavier), the yellow-edged
 * walkway round the line, the AGV lanes, and baked light: soft ambient occlusion round every footprint and, on
 * software GL, the sun's shadows of the equipment (each part's outline slid along the sun's rays onto the floor,
 * painted once through a mask so overlapping parts do not darken twice). One textured quad instead of thousands of
 * strips and no shadow pass per frame: this is what lets software GL draw a lit line at frame rate.
 */
final class FloorTexture {

    /** Texels per metre at most; large floors get fewer so the texture stays within 2048 a side. */
    private static final double MAX_TEXELS_PER_METRE = 20;

    private static final int MAX_SIDE = 2048;

    private FloorTexture() {}

    /** What darkens the floor: footprints for ambient occlusion, shadow outlines (x, z pairs), how dark. */
    record Light(
            List<io.linetwin.render.layout.Footprint> occluders,
            List<double[]> shadows,
            float shadowAlpha,
            float occlusionAlpha) {
        static Light none() {
            return new Light(List.of(), List.of(), 0, 0);
        }
    }

    static Texture2D paint(
            Palette palette, double minX, double maxX, double minZ, double maxZ, List<Polyline> agvLanes, Light light) {
        double scale = Math.min(MAX_TEXELS_PER_METRE, MAX_SIDE / Math.max(maxX - minX, maxZ - minZ));
        int w = Math.max(4, (int) Math.round((maxX - minX) * scale));
        int h = Math.max(4, (int) Math.round((maxZ - minZ) * scale));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(awt(palette.role(Palette.Role.FLOOR)));
        g.fillRect(0, 0, w, h);
        g.scale(scale, scale);
        g.translate(-minX, -minZ);
        g.setColor(awt(palette.role(Palette.Role.GRID)));
        for (double x = Math.ceil(minX); x <= maxX; x += 1) {
            g.setStroke(new BasicStroke((float) (Math.round(x) % 5 == 0 ? 0.08 : 0.03)));
            g.draw(new Line2D.Double(x, minZ, x, maxZ));
        }
        for (double z = Math.ceil(minZ); z <= maxZ; z += 1) {
            g.setStroke(new BasicStroke((float) (Math.round(z) % 5 == 0 ? 0.08 : 0.03)));
            g.draw(new Line2D.Double(minX, z, maxX, z));
        }
        g.setColor(awt(palette.role(Palette.Role.AGV_LANE)));
        g.setStroke(new BasicStroke(0.9f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        for (Polyline lane : agvLanes) {
            g.draw(new Line2D.Double(lane.xs()[0], lane.zs()[0], lane.xs()[1], lane.zs()[1]));
        }
        g.setColor(awt(palette.role(Palette.Role.AISLE)));
        g.setStroke(new BasicStroke(0.15f));
        for (double inset : new double[] {2.0, 3.4}) {
            g.draw(new java.awt.geom.Rectangle2D.Double(
                    minX + inset, minZ + inset, maxX - minX - 2 * inset, maxZ - minZ - 2 * inset));
        }
        if (light.occlusionAlpha() > 0) {
            occlusion(g, light);
        }
        if (light.shadowAlpha() > 0 && !light.shadows().isEmpty()) {
            BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D m = mask.createGraphics();
            m.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            m.scale(scale, scale);
            m.translate(-minX, -minZ);
            m.setColor(Color.BLACK);
            for (double[] outline : light.shadows()) {
                java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
                path.moveTo(outline[0], outline[1]);
                for (int i = 2; i < outline.length; i += 2) {
                    path.lineTo(outline[i], outline[i + 1]);
                }
                path.closePath();
                m.fill(path);
            }
            m.dispose();
            Graphics2D plain = image.createGraphics();
            plain.setComposite(
                    java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, light.shadowAlpha()));
            plain.drawImage(mask, 0, 0, null);
            plain.dispose();
        }
        g.dispose();
        ByteBuffer data = BufferUtils.createByteBuffer(w * h * 4);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                data.put((byte) (argb >> 16))
                        .put((byte) (argb >> 8))
                        .put((byte) argb)
                        .put((byte) 0xff);
            }
        }
        data.flip();
        Image jme = new Image(Image.Format.RGBA8, w, h, data, ColorSpace.Linear);
        MipMapGenerator.generateMipMaps(jme);
        Texture2D texture = new Texture2D(jme);
        texture.setMinFilter(Texture.MinFilter.Trilinear);
        texture.setMagFilter(Texture.MagFilter.Bilinear);
        texture.setWrap(Texture.WrapMode.EdgeClamp);
        return texture;
    }

    /** Soft dark rims round every footprint: rings of low alpha that add up towards the equipment. */
    private static void occlusion(Graphics2D g, Light light) {
        java.awt.geom.AffineTransform saved = g.getTransform();
        int rings = 6;
        for (io.linetwin.render.layout.Footprint f : light.occluders()) {
            for (int r = rings; r >= 1; r--) {
                double grow = 0.9 * r / rings;
                g.setTransform(saved);
                g.translate(f.x(), f.z());
                g.rotate(-Math.toRadians(f.rotationDegrees()));
                g.setColor(new Color(0, 0, 0, light.occlusionAlpha() / rings));
                g.fill(new java.awt.geom.RoundRectangle2D.Double(
                        -f.halfWidth() - grow,
                        -f.halfDepth() - grow,
                        2 * (f.halfWidth() + grow),
                        2 * (f.halfDepth() + grow),
                        grow * 2,
                        grow * 2));
            }
        }
        g.setTransform(saved);
    }

    private static Color awt(ColorRGBA c) {
        return new Color(Math.round(c.r * 255), Math.round(c.g * 255), Math.round(c.b * 255));
    }
}
