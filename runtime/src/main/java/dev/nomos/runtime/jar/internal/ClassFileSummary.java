package dev.nomos.runtime.jar.internal;

import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a class file can link to, read straight from its bytes without defining it: its own name,
 * superclass and interfaces, every class in its constant pool, every member reference (owner, name,
 * descriptor), every descriptor of its own fields and methods, and the tags of any dynamically linked
 * constants (method handles, method types, dynamic constants, invokedynamic) in its pool.
 * A small hand-written reader of the class-file format (JVMS §4.1-4.5), so that the runtime needs no
 * bytecode library.
 */
public record ClassFileSummary(String thisClass, String superClass, List<String> interfaces, List<String> classes,
    List<MemberRef> memberRefs, List<String> descriptors, List<Integer> dynamicTags, List<Member> members,
    Set<Integer> opcodes) {

  /** A field or method reference in the constant pool. */
  public record MemberRef(String owner, String name, String descriptor) {}

  /** A field or method the class declares, with its access flags (JVMS §4.5, §4.6). */
  public record Member(boolean method, String name, String descriptor, int access) {}

  /** {@code ACC_SYNCHRONIZED} on a method. */
  public static final int ACC_SYNCHRONIZED = 0x0020;

  private static final int UTF8 = 1;
  private static final int INTEGER = 3;
  private static final int FLOAT = 4;
  private static final int LONG = 5;
  private static final int DOUBLE = 6;
  private static final int CLASS = 7;
  private static final int STRING = 8;
  private static final int FIELDREF = 9;
  private static final int METHODREF = 10;
  private static final int INTERFACE_METHODREF = 11;
  private static final int NAME_AND_TYPE = 12;
  private static final int METHOD_HANDLE = 15;
  private static final int METHOD_TYPE = 16;
  private static final int DYNAMIC = 17;
  private static final int INVOKE_DYNAMIC = 18;
  private static final int MODULE = 19;
  private static final int PACKAGE = 20;

  /** Parses the class file; {@link IllegalArgumentException} if it is not a well-formed one. */
  public static ClassFileSummary read(byte[] classFile) {
    try {
      return parse(ByteBuffer.wrap(classFile));
    } catch (BufferUnderflowException | IndexOutOfBoundsException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("truncated or malformed class file");
    }
  }

  private static ClassFileSummary parse(ByteBuffer in) {
    if (in.getInt() != 0xCAFEBABE) {
      throw new IllegalArgumentException("not a class file (bad magic number)");
    }
    in.getShort(); // minor
    in.getShort(); // major
    int count = Short.toUnsignedInt(in.getShort());
    int[] tags = new int[count];
    Object[] values = new Object[count]; // String for Utf8; int[] of indexes for references
    List<Integer> dynamicTags = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = Byte.toUnsignedInt(in.get());
      tags[i] = tag;
      switch (tag) {
        case UTF8 -> {
          byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
          in.get(bytes);
          values[i] = modifiedUtf8(bytes);
        }
        case INTEGER, FLOAT -> in.getInt();
        case LONG, DOUBLE -> {
          in.getLong();
          i++; // eight-byte constants take two pool slots
        }
        case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> values[i] = new int[] {Short.toUnsignedInt(in.getShort())};
        case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC ->
            values[i] = new int[] {Short.toUnsignedInt(in.getShort()), Short.toUnsignedInt(in.getShort())};
        case METHOD_HANDLE -> {
          in.get();
          values[i] = new int[] {Short.toUnsignedInt(in.getShort())};
        }
        default -> throw new IllegalArgumentException("unknown constant-pool tag " + tag + " at index " + i);
      }
      if (tag >= METHOD_HANDLE) {
        dynamicTags.add(tag);
      }
    }
    Pool pool = new Pool(tags, values);
    List<String> classes = new ArrayList<>();
    List<MemberRef> refs = new ArrayList<>();
    List<String> descriptors = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      switch (tags[i]) {
        case CLASS -> classes.add(pool.className(i));
        case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
          int[] ref = (int[]) values[i];
          int[] nat = pool.ref(ref[1], NAME_AND_TYPE);
          refs.add(new MemberRef(pool.className(ref[0]), pool.utf8(nat[0]), pool.utf8(nat[1])));
        }
        case NAME_AND_TYPE -> descriptors.add(pool.utf8(((int[]) values[i])[1]));
        case METHOD_TYPE -> descriptors.add(pool.utf8(((int[]) values[i])[0]));
        default -> { }
      }
    }
    in.getShort(); // access flags
    String thisClass = pool.className(Short.toUnsignedInt(in.getShort()));
    int superIndex = Short.toUnsignedInt(in.getShort());
    String superClass = superIndex == 0 ? null : pool.className(superIndex);
    List<String> interfaces = new ArrayList<>();
    int interfaceCount = Short.toUnsignedInt(in.getShort());
    for (int i = 0; i < interfaceCount; i++) {
      interfaces.add(pool.className(Short.toUnsignedInt(in.getShort())));
    }
    List<Member> members = new ArrayList<>();
    Set<Integer> opcodes = new TreeSet<>();
    for (int kind = 0; kind < 2; kind++) { // fields, then methods
      int count2 = Short.toUnsignedInt(in.getShort());
      for (int m = 0; m < count2; m++) {
        int access = Short.toUnsignedInt(in.getShort());
        String name = pool.utf8(Short.toUnsignedInt(in.getShort()));
        String descriptor = pool.utf8(Short.toUnsignedInt(in.getShort()));
        descriptors.add(descriptor);
        members.add(new Member(kind == 1, name, descriptor, access));
        readAttributes(in, pool, opcodes);
      }
    }
    skipAttributes(in);
    if (in.hasRemaining()) {
      throw new IllegalArgumentException("trailing bytes after the class file");
    }
    return new ClassFileSummary(thisClass, superClass, interfaces, classes, refs, descriptors, dynamicTags, members,
        opcodes);
  }

  /** A member's attributes: the opcodes of its {@code Code} go to {@code opcodes}, the rest is skipped. */
  private static void readAttributes(ByteBuffer in, Pool pool, Set<Integer> opcodes) {
    int attributes = Short.toUnsignedInt(in.getShort());
    for (int a = 0; a < attributes; a++) {
      String name = pool.utf8(Short.toUnsignedInt(in.getShort()));
      int length = in.getInt();
      if (length < 0 || length > in.remaining()) {
        throw new IllegalArgumentException("attribute length out of bounds");
      }
      int end = in.position() + length;
      if (name.equals("Code")) {
        in.getShort(); // max stack
        in.getShort(); // max locals
        int codeLength = in.getInt();
        if (codeLength < 0 || codeLength > end - in.position()) {
          throw new IllegalArgumentException("code length out of bounds");
        }
        byte[] code = new byte[codeLength];
        in.get(code);
        Opcodes.collect(code, opcodes);
      }
      in.position(end);
    }
  }

  private static void skipAttributes(ByteBuffer in) {
    int attributes = Short.toUnsignedInt(in.getShort());
    for (int a = 0; a < attributes; a++) {
      in.getShort();
      int length = in.getInt();
      if (length < 0 || length > in.remaining()) {
        throw new IllegalArgumentException("attribute length out of bounds");
      }
      in.position(in.position() + length);
    }
  }

  /** Modified UTF-8 (JVMS §4.4.7): like UTF-8, with NUL as two bytes and supplementary chars as pairs. */
  private static String modifiedUtf8(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length);
    for (int i = 0; i < bytes.length; ) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        sb.append((char) b);
        i++;
      } else if ((b & 0xE0) == 0xC0) {
        sb.append((char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)));
        i += 2;
      } else if ((b & 0xF0) == 0xE0) {
        sb.append((char) (((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
        i += 3;
      } else {
        throw new IllegalArgumentException("bad modified UTF-8 in the constant pool");
      }
    }
    return sb.toString();
  }

  /** Typed access to parsed pool entries; a wrong tag means a malformed class. */
  private record Pool(int[] tags, Object[] values) {
    String utf8(int index) {
      expect(index, UTF8);
      return (String) values[index];
    }

    String className(int index) {
      return utf8(ref(index, CLASS)[0]);
    }

    int[] ref(int index, int tag) {
      expect(index, tag);
      return (int[]) values[index];
    }

    private void expect(int index, int tag) {
      if (index <= 0 || index >= tags.length || tags[index] != tag) {
        throw new IllegalArgumentException("constant-pool entry " + index + " is not of kind " + tag);
      }
    }
  }
}
