package dev.fixpoint.platform.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A way of signing in that needs Spring Security's filters in the browser chain (single
 * sign-on's OAuth2 login): a module declares a bean, the browser chain applies it. Keeps
 * the platform from knowing the modules that sign people in.
 */
public interface UiSignIn {

	void configure(HttpSecurity http) throws Exception;

}
