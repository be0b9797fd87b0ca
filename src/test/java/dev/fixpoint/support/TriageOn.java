package dev.fixpoint.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs the sentence model (triage's embeddings), which the test profile leaves off: every
 * bug filed in the whole run would otherwise be embedded (some 45 ms each). The tests of
 * triage itself say so with this one annotation, so they share one application context of
 * their own (the same properties: Spring's context cache keys on them), API and browser
 * tests alike.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "fixpoint.triage.enabled=true")
public @interface TriageOn {

}
