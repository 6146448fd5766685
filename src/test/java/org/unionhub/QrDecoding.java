package org.unionhub;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads QR codes back, as a phone's camera would: from the SVG the app renders, or from a screenshot. */
public final class QrDecoding {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\3z");
    private static final int PIXELS_PER_MODULE = 4;

    private QrDecoding() {
    }

    /** The text of a QR code drawn by {@code QrSvg}: its path painted module by module, then scanned. */
    public static String fromSvg(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new AssertionError("No viewBox in " + svg);
        }
        int width = Integer.parseInt(box.group(1));
        int height = Integer.parseInt(box.group(2));
        int[] pixels = new int[width * height * PIXELS_PER_MODULE * PIXELS_PER_MODULE];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = RUN.matcher(svg);
        int runs = 0;
        while (run.find()) {
            runs++;
            int x0 = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            for (int x = x0; x < x0 + length; x++) {
                for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
                    for (int dx = 0; dx < PIXELS_PER_MODULE; dx++) {
                        pixels[(y * PIXELS_PER_MODULE + dy) * width * PIXELS_PER_MODULE + x * PIXELS_PER_MODULE + dx]
                                = 0xFF000000;
                    }
                }
            }
        }
        if (runs == 0) {
            throw new AssertionError("No dark modules in " + svg);
        }
        return decode(new RGBLuminanceSource(width * PIXELS_PER_MODULE, height * PIXELS_PER_MODULE, pixels));
    }

    /** The text of the QR code in a picture, e.g. a screenshot of the element that shows it. */
    public static String fromImage(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return decode(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels));
    }

    private static String decode(LuminanceSource source) {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("No readable QR code", e);
        }
    }
}
