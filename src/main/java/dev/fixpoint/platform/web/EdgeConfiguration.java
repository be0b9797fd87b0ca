package dev.fixpoint.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;

/**
 * Bad input is refused at the edge, once for every endpoint (docs/ARCHITECTURE.md, "Bad
 * input at the edge"): parameters by {@link RequestTextFilter}, JSON bodies by
 * {@link StrictJsonConverter}, Tomcat's own refusals by {@link ContainerErrorValve}.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

	/**
	 * The server's JSON converter, in Boot's place among the converters (after Boot's
	 * customizer, order 0): request bodies are read strictly. Clients (RestClient) keep
	 * Boot's.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper mapper,
			@Value("${fixpoint.web.max-json-body:1MB}") DataSize maxJsonBody) {
		return builder -> builder.withJsonConverter(new StrictJsonConverter(mapper, maxJsonBody));
	}

	@Bean
	FilterRegistrationBean<RequestTextFilter> requestTextFilter(JsonMapper json) {
		FilterRegistrationBean<RequestTextFilter> registration = new FilterRegistrationBean<>(
				new RequestTextFilter(new ProblemWriter(json)));
		// after the character encoding filter and FormContentFilter (a PUT's form body),
		// before everything that reads a parameter (Spring Security: -100)
		registration.setOrder(OrderedFormContentFilter.DEFAULT_ORDER + 100);
		return registration;
	}

	/**
	 * Tomcat's error report valve, which answers what Tomcat refuses itself, becomes
	 * {@link ContainerErrorValve}; Boot's plain one (added for
	 * {@code server.error.include-stacktrace: never}) is taken out.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrors() {
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				factory.addContextCustomizers(context -> {
					StandardHost host = (StandardHost) context.getParent();
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve && !(valve instanceof ContainerErrorValve)) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ContainerErrorValve.class.getName());
				});
			}

		};
	}

}
