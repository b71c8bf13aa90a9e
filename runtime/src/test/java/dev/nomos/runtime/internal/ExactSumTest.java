package dev.nomos.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {
  @Test
  void isTheExactSumRoundedOnceInAnyOrderAndSplit() {
    Random random = new Random(11);
    List<Double> terms = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 15);
      terms.add(v);
      terms.add(-v * 0.999999); // Cancellations a plain sum loses digits on.
    }
    BigDecimal exact = BigDecimal.ZERO;
    for (double v : terms) {
      exact = exact.add(new BigDecimal(v));
    }
    double expected = exact.round(MathContext.DECIMAL128).doubleValue();
    for (int trial = 0; trial < 5; trial++) {
      Collections.shuffle(terms, random);
      ExactSum whole = new ExactSum();
      ExactSum left = new ExactSum();
      ExactSum right = new ExactSum();
      int split = random.nextInt(terms.size());
      for (int i = 0; i < terms.size(); i++) {
        whole.add(terms.get(i));
        (i < split ? left : right).add(terms.get(i));
      }
      left.add(right);
      assertEquals(expected, whole.value(), 0);
      assertEquals(expected, left.value(), 0);
    }
  }
}
