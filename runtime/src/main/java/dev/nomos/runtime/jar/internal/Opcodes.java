package dev.nomos.runtime.jar.internal;

import java.util.Set;

/** Walks a method's bytecode instruction by instruction (JVMS §6.5), to see which opcodes it uses. */
final class Opcodes {
  static final int IASTORE = 0x4f;
  static final int SASTORE = 0x56;
  static final int MONITORENTER = 0xc2;
  static final int MONITOREXIT = 0xc3;
  private static final int TABLESWITCH = 0xaa;
  private static final int LOOKUPSWITCH = 0xab;
  private static final int WIDE = 0xc4;
  private static final int IINC = 0x84;

  private Opcodes() {}

  /** Adds every opcode of {@code code} to {@code out}; a truncated or unknown instruction is malformed. */
  static void collect(byte[] code, Set<Integer> out) {
    int pc = 0;
    while (pc < code.length) {
      int op = Byte.toUnsignedInt(code[pc]);
      out.add(op);
      int length;
      if (op == TABLESWITCH || op == LOOKUPSWITCH) {
        int p = pc + 1 + ((4 - (pc + 1) % 4) % 4);
        if (op == TABLESWITCH) {
          long count = (long) readInt(code, p + 8) - readInt(code, p + 4) + 1;
          length = checked(p + 12 + 4 * count - pc);
        } else {
          long pairs = readInt(code, p + 4);
          length = checked(p + 8 + 8 * pairs - pc);
        }
      } else if (op == WIDE) {
        length = pc + 1 < code.length && Byte.toUnsignedInt(code[pc + 1]) == IINC ? 6 : 4;
      } else {
        length = LENGTHS[op];
      }
      if (length <= 0 || pc + length > code.length) {
        throw new IllegalArgumentException("malformed bytecode at offset " + pc + " (opcode 0x"
            + Integer.toHexString(op) + ")");
      }
      pc += length;
    }
  }

  private static int checked(long length) {
    return length <= 0 || length > Integer.MAX_VALUE ? -1 : (int) length;
  }

  private static int readInt(byte[] code, int at) {
    if (at < 0 || at + 4 > code.length) {
      throw new IllegalArgumentException("malformed bytecode: a switch runs past the end of the code");
    }
    return ((code[at] & 0xff) << 24) | ((code[at + 1] & 0xff) << 16) | ((code[at + 2] & 0xff) << 8) | (code[at + 3] & 0xff);
  }

  /** Length in bytes of each fixed-length instruction, opcode included; 0 for undefined opcodes. */
  private static final int[] LENGTHS = new int[256];

  static {
    fill(0x00, 0x0f, 1);
    LENGTHS[0x10] = 2; // bipush
    LENGTHS[0x11] = 3; // sipush
    LENGTHS[0x12] = 2; // ldc
    LENGTHS[0x13] = 3; // ldc_w
    LENGTHS[0x14] = 3; // ldc2_w
    fill(0x15, 0x19, 2); // loads with an index
    fill(0x1a, 0x35, 1);
    fill(0x36, 0x3a, 2); // stores with an index
    fill(0x3b, 0x83, 1);
    LENGTHS[IINC] = 3;
    fill(0x85, 0x98, 1);
    fill(0x99, 0xa8, 3); // branches, goto, jsr
    LENGTHS[0xa9] = 2; // ret
    fill(0xac, 0xb1, 1); // returns
    fill(0xb2, 0xb8, 3); // field access, invokevirtual/special/static
    LENGTHS[0xb9] = 5; // invokeinterface
    LENGTHS[0xba] = 5; // invokedynamic
    LENGTHS[0xbb] = 3; // new
    LENGTHS[0xbc] = 2; // newarray
    LENGTHS[0xbd] = 3; // anewarray
    fill(0xbe, 0xbf, 1); // arraylength, athrow
    fill(0xc0, 0xc1, 3); // checkcast, instanceof
    fill(MONITORENTER, MONITOREXIT, 1);
    LENGTHS[0xc5] = 4; // multianewarray
    fill(0xc6, 0xc7, 3); // ifnull, ifnonnull
    fill(0xc8, 0xc9, 5); // goto_w, jsr_w
  }

  private static void fill(int from, int to, int length) {
    for (int op = from; op <= to; op++) {
      LENGTHS[op] = length;
    }
  }
}
