package io.linetwin.render.layout;

import io.linetwin.render.Library;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws floor plans of the library with Java2D into target/plans/, to look at while working on the layout. */
public final class PlanSketch {

    public static void main(String[] args) throws Exception {
        Path out = Path.of("target", "plans");
        Files.createDirectories(out);
        for (Path file : Library.files()) {
            FloorPlan plan = AutoLayout.plan(Library.load(file).line());
            double w = plan.maxX() - plan.minX() + 4;
            double h = plan.maxZ() - plan.minZ() + 4;
            double s = Math.min(1400 / w, 900 / h);
            BufferedImage img = new BufferedImage((int) (w * s), (int) (h * s), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(s, s);
            g.translate(-plan.minX() + 2, -plan.minZ() + 2);
            g.setStroke(new BasicStroke((float) (2 / s)));
            for (Footprint f : plan.solids()) {
                AffineTransform t = g.getTransform();
                g.translate(f.x(), f.z());
                g.rotate(-Math.toRadians(f.rotationDegrees()));
                g.setColor(
                        plan.stations().containsKey(f.id()) && plan.stations().get(f.id()) == f
                                ? new Color(120, 160, 220)
                                : new Color(200, 170, 120));
                g.fill(new java.awt.geom.Rectangle2D.Double(
                        -f.halfWidth(), -f.halfDepth(), 2 * f.halfWidth(), 2 * f.halfDepth()));
                g.setTransform(t);
                g.setColor(Color.BLACK);
                g.setFont(g.getFont().deriveFont((float) (12 / s)));
                g.drawString(f.id(), (float) (f.x() - f.halfWidth()), (float) f.z());
            }
            for (Link link : plan.links().values()) {
                g.setColor(
                        link.type() == Link.Type.CONVEYOR
                                ? Color.RED
                                : link.type() == Link.Type.AGV ? Color.MAGENTA : Color.DARK_GRAY);
                Path2D p = new Path2D.Double();
                p.moveTo(link.route().xs()[0], link.route().zs()[0]);
                for (int i = 1; i < link.route().points(); i++) {
                    p.lineTo(link.route().xs()[i], link.route().zs()[i]);
                }
                g.draw(p);
            }
            ImageIO.write(img, "png", out.resolve(Library.name(file) + ".png").toFile());
        }
    }
}
