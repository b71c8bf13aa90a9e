package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/** Every class the generator emits for a random well-typed plan is valid bytecode and runs. */
class GeneratedClassesTest {

  record Case(WorldSchema schema, LawPlan plan, long frameSeed) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(r -> {
      WorldSchema schema = RandomWorlds.schema(r);
      return new Case(schema, RandomPlans.plan(schema, r, "law_" + r.nextInt(1000)), r.nextLong());
    });
  }

  @Property(tries = 400)
  void everyGeneratedClassPassesCheckClassAdapter(@ForAll("cases") Case c) {
    byte[] bytes = CompiledLaws.classFile(c.plan(), "nomos/test/Generated").classFile();
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(bytes), GeneratedClassesTest.class.getClassLoader(), false,
        new PrintWriter(problems));
    assertEquals("", problems.toString(), () -> "plan " + c.plan());
  }

  @Property(tries = 200)
  void loadedLawsRunOnRandomFramesAndNameThemselves(@ForAll("cases") Case c) {
    Law law = CompiledLaws.compile(c.plan());
    assertEquals(c.plan().name(), law.name());
    Random r = new Random(c.frameSeed());
    for (int i = 0; i < 10; i++) {
      Frame frame = RandomWorlds.frame(c.schema(), r);
      RecordingSink sink = new RecordingSink();
      law.apply(frame, sink);
      RecordingSink again = new RecordingSink();
      law.apply(frame, again);
      assertEquals(sink.calls, again.calls, "a law is a function of its frame");
    }
  }
}
