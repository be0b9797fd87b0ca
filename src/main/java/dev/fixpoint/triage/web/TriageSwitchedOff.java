package dev.fixpoint.triage.web;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.web.Layout;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With the sentence model off on this server ({@code fixpoint.triage.enabled=false}),
 * pages draw no link to triage's pages ({@code layout.on("triage")} false): the bug
 * page's suggestions panel and the project's "Suggestions" settings would only say it is
 * off.
 */
@Component
@ConditionalOnBooleanProperty(name = "fixpoint.triage.enabled", havingValue = false)
class TriageSwitchedOff extends OncePerRequestFilter {

	static final String FEATURE = "triage";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Layout.switchOff(request, FEATURE);
		chain.doFilter(request, response);
	}

}
