package dev.fixpoint.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, asking only the mappings a path can match. A request whose
 * path is not one of the mappings' literal paths (every {@code /api/bugs/{bug}}) is
 * tested by Spring against every mapping of the application (~440, each through its
 * method, parameters, headers, media types, version and path): a sixth of a bug read's
 * CPU. Here the mappings are indexed by the literal segments their patterns begin with
 * ({@code /api/bugs} of {@code /api/bugs/{bug}/comments}), and a path asks those of its
 * own leading segments ({@code ""}, {@code /api}, {@code /api/bugs} and itself for
 * {@code /api/bugs/WEB-42}), the mappings of the literal path itself first (Spring's
 * "direct paths", which answer before any pattern). When exactly one of them matches, it
 * is the handler, as in Spring's walk (the others cannot match the path); anything else
 * (none: a 404 or 405; several: Spring ranks them), a path with percent-escapes or matrix
 * parameters (whose decoded, parameter-free segments the patterns match) or a mapping
 * registered after start-up gets Spring's own lookup.
 */
final class PrefixCheckedMappings extends RequestMappingHandlerMapping {

	/**
	 * A mapping under one of the leading paths its patterns need; literal: under a
	 * pattern that is that whole path (Spring's "direct path").
	 */
	private record Candidate(RequestMappingInfo mapping, HandlerMethod handler, boolean literal) {
	}

	private static final Candidate[] NONE = {};

	/**
	 * By leading path; null: Spring's lookup (not started, or a mapping changed since).
	 */
	private volatile Map<String, Candidate[]> byLeadingPath;

	@Override
	protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
		super.handlerMethodsInitialized(handlerMethods);
		Map<String, List<Candidate>> index = new HashMap<>();
		handlerMethods.forEach((mapping, handler) -> {
			Set<String> literal = getDirectPaths(mapping);
			for (String leading : leadingPaths(mapping)) {
				index.computeIfAbsent(leading, key -> new ArrayList<>())
					.add(new Candidate(mapping, handler, literal.contains(leading)));
			}
		});
		Map<String, Candidate[]> frozen = new HashMap<>();
		index.forEach((leading, candidates) -> frozen.put(leading, candidates.toArray(Candidate[]::new)));
		this.byLeadingPath = frozen;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		this.byLeadingPath = null;
		super.registerMapping(mapping, handler, method);
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		this.byLeadingPath = null;
		super.unregisterMapping(mapping);
	}

	private static Set<String> leadingPaths(RequestMappingInfo mapping) {
		PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
		if (patterns == null || patterns.getPatterns().isEmpty()) {
			return Set.of("");
		}
		return leadingPaths(patterns.getPatterns());
	}

	static Set<String> leadingPaths(Set<PathPattern> patterns) {
		Set<String> leading = new java.util.HashSet<>();
		patterns.forEach(p -> leading.add(leadingPath(p.getPatternString())));
		return leading;
	}

	/**
	 * The path every match of {@code pattern} begins with, ending at a segment's end: the
	 * pattern itself when it is literal, else its whole literal segments before the first
	 * variable or wildcard ({@code /api/bugs} of {@code /api/bugs/{bug}}, {@code /api} of
	 * {@code /api/**}, which also matches {@code /api}).
	 */
	static String leadingPath(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				return pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', i)));
			}
		}
		return pattern;
	}

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		Map<String, Candidate[]> index = this.byLeadingPath;
		if (index == null || lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		// as in Spring's lookup, a mapping of this literal path answers before any
		// pattern
		Found found = matching(index.getOrDefault(lookupPath, NONE), true, null, request);
		int end = 0;
		while (found == null || (found != AMBIGUOUS && !found.literal())) {
			found = matching(index.getOrDefault(lookupPath.substring(0, end), NONE), false, found, request);
			if (end == lookupPath.length()) {
				break;
			}
			end = nextSegmentEnd(lookupPath, end);
		}
		if (found == null || found == AMBIGUOUS) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, found.candidate().handler());
		handleMatch(found.match(), lookupPath, request);
		return found.candidate().handler();
	}

	/** The one candidate matching so far, with what matched; or {@link #AMBIGUOUS}. */
	private record Found(Candidate candidate, RequestMappingInfo match, boolean literal) {
	}

	private static final Found AMBIGUOUS = new Found(null, null, false);

	/** {@code found} and the {@code candidates} that match: still one, or ambiguous. */
	private Found matching(Candidate[] candidates, boolean literal, Found found, HttpServletRequest request) {
		Found result = found;
		for (Candidate candidate : candidates) {
			if (result == AMBIGUOUS) {
				return result;
			}
			if ((literal && !candidate.literal()) || (result != null && result.candidate() == candidate)) {
				continue;
			}
			RequestMappingInfo match = getMatchingMapping(candidate.mapping(), request);
			if (match != null) {
				result = (result == null) ? new Found(candidate, match, literal) : AMBIGUOUS;
			}
		}
		return result;
	}

	/** {@code /api/bugs/WEB-42}: 0, 4, 9, 16 (its leading paths end there). */
	private static int nextSegmentEnd(String path, int end) {
		int slash = path.indexOf('/', end + 1);
		return slash < 0 ? path.length() : slash;
	}

}
