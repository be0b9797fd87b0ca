package dev.fixpoint.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.fixpoint.platform.web.PageSliceSecurity;
import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import gg.jte.springframework.boot.autoconfigure.ServletJteAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A fast test of page controllers, without the database: {@code @WebMvcTest} of the
 * {@link #value() controllers} with the real MVC glue (the {@code HtmxRequest} and
 * {@code @Authenticated CurrentUser} arguments, the layout, the page error handler), the
 * real security chains and the real JTE templates. Services are {@code @MockitoBean}s; a
 * test signs in with {@link PageSlice#signedIn} and posts with {@code csrf()}. The clock
 * is {@link TestClock}. Anything that needs the database (queries, transactions, the role
 * table) stays an {@link IntegrationTest}.
 * <p>
 * The first-run {@code SetupGate} is left out: it would send every page to {@code /setup}
 * until a user exists.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "dev\\.fixpoint\\.accounts\\.web\\.Setup(Gate|WebConfiguration)"))
@ImportAutoConfiguration(
		classes = { JacksonAutoConfiguration.class, JteAutoConfiguration.class, ServletJteAutoConfiguration.class },
		exclude = UserDetailsServiceAutoConfiguration.class)
@Import({ PageSliceSecurity.class, TestClock.class })
public @interface PageSliceTest {

	/**
	 * The controllers under test (their collaborators are the test's
	 * {@code @MockitoBean}s).
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
