package dev.nomos.cli;

import dev.nomos.runtime.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes images with Java's own ImageIO, atomically: one PNG, or an animated GIF that loops. */
final class ImageFiles {
  private ImageFiles() {}

  /** Whether {@code file} names a GIF (else a PNG), refusing any other extension. */
  static boolean isGif(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".gif")) {
      return true;
    }
    if (name.endsWith(".png")) {
      return false;
    }
    throw new UserFacingException("-o " + file + ": the image must be a .gif or a .png", ExitCodes.USAGE);
  }

  static void writePng(Path file, BufferedImage image) throws IOException {
    write(file, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer in this Java");
      }
    });
  }

  /** An animated GIF showing each image for {@code delayMillis}, looping forever. */
  static void writeGif(Path file, List<BufferedImage> frames, int delayMillis) throws IOException {
    write(file, out -> gif(out, frames, delayMillis));
  }

  /** The bytes of a PNG. */
  static byte[] png(BufferedImage image) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** The bytes of an animated GIF, as {@link #writeGif} writes it. */
  static byte[] gif(List<BufferedImage> frames, int delayMillis) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    gif(out, frames, delayMillis);
    return out.toByteArray();
  }

  private static void gif(OutputStream out, List<BufferedImage> frames, int delayMillis) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.prepareWriteSequence(null);
      for (BufferedImage frame : frames) {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
        animate(metadata, delayMillis);
        writer.writeToSequence(new IIOImage(frame, null, metadata), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
  }

  /** Sets the frame's delay and, through the NETSCAPE2.0 extension, endless looping. */
  private static void animate(IIOMetadata metadata, int delayMillis) throws IOException {
    String format = metadata.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
    control.setAttribute("transparentColorIndex", "0");
    IIOMetadataNode extensions = child(root, "ApplicationExtensions");
    IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
    loop.setAttribute("applicationID", "NETSCAPE");
    loop.setAttribute("authenticationCode", "2.0");
    loop.setUserObject(new byte[] {1, 0, 0});
    extensions.appendChild(loop);
    metadata.setFromTree(format, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int k = 0; k < root.getLength(); k++) {
      if (root.item(k).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(k);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }

  private static void write(Path file, AtomicFiles.Content content) throws IOException {
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    AtomicFiles.write(absolute, (OutputStream out) -> content.writeTo(out));
  }
}
