import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;

/** Draws assets/icon.png: two twin branches (the Siamese views) meeting in one point cloud. Run: java packaging/MakeIcon.java */
public class MakeIcon {
    public static void main(String[] args) throws Exception {
        int s = 256;
        BufferedImage image = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1e3a5f), s, s, new Color(0x2e7d6b)));
        g.fillRoundRect(8, 8, s - 16, s - 16, 48, 48);
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0xffcc80));
        g.drawLine(60, 70, 128, 150);
        g.setColor(new Color(0x80deea));
        g.drawLine(196, 70, 128, 150);
        g.setColor(Color.WHITE);
        g.fillOval(40, 48, 44, 44);
        g.fillOval(172, 48, 44, 44);
        int[][] cloud = {{128, 170}, {108, 186}, {148, 186}, {118, 204}, {140, 206}, {128, 192}, {98, 200}, {158, 200}};
        Color[] palette = {new Color(0xef5350), new Color(0x42a5f5), new Color(0x66bb6a), new Color(0xffca28)};
        for (int i = 0; i < cloud.length; i++) {
            g.setColor(palette[i % palette.length]);
            g.fillOval(cloud[i][0] - 9, cloud[i][1] - 9, 18, 18);
        }
        g.dispose();
        ImageIO.write(image, "png", new File(args.length > 0 ? args[0] : "assets/icon.png"));
    }
}
