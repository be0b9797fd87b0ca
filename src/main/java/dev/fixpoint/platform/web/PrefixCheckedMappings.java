package dev.fixpoint.platform.web;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup with a cheap first test. A request whose path is not one of
 * the mappings' literal paths (every {@code /api/bugs/{bug}}) is tested against every
 * mapping of the application, and Spring tests the method, parameters, headers, media
 * types and API version before the path: ~150 mappings, a fifth of a bug read's CPU. Here
 * a mapping whose patterns' literal beginnings ({@code /api/bugs/} of
 * {@code /api/bugs/{bug}/comments}) the path does not start with is passed over before
 * any of that. It only passes over mappings that cannot match, so which handler answers
 * is unchanged; a path with percent-escapes (whose decoded segments the patterns match)
 * gets Spring's test of every mapping.
 */
final class PrefixCheckedMappings extends RequestMappingHandlerMapping {

	private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

	/**
	 * Per mapping, the literal beginnings of its patterns; absent: test it fully. By
	 * identity: Spring hands back the registered instances, and a
	 * {@code RequestMappingInfo}'s {@code equals} compares all its conditions (it made
	 * this lookup cost more than the tests it saves). Replaced whole on each registration
	 * (at start-up), read without a lock.
	 */
	private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
		if (patterns != null && !patterns.getPatterns().isEmpty()) {
			synchronized (this) {
				Map<RequestMappingInfo, String[]> next = new IdentityHashMap<>(this.prefixes);
				next.put(mapping, literalPrefixes(patterns.getPatterns()));
				this.prefixes = next;
			}
		}
	}

	static String[] literalPrefixes(Set<PathPattern> patterns) {
		return patterns.stream().map(p -> literalPrefix(p.getPatternString())).toArray(String[]::new);
	}

	/**
	 * {@code /api/bugs/} of {@code /api/bugs/{bug}}: up to the first variable or
	 * wildcard.
	 */
	static String literalPrefix(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				return pattern.substring(0, i);
			}
		}
		return pattern;
	}

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		if (lookupPath.indexOf('%') >= 0) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		LOOKUP_PATH.set(lookupPath);
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			LOOKUP_PATH.remove();
		}
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		String path = LOOKUP_PATH.get();
		String[] literal = (path != null) ? this.prefixes.get(info) : null;
		if (literal != null && !startsWithAny(path, literal)) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	private static boolean startsWithAny(String path, String[] prefixes) {
		for (String prefix : prefixes) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
