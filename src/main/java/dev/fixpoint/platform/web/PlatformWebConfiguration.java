package dev.fixpoint.platform.web;

import java.util.List;
import jakarta.servlet.DispatcherType;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** MVC glue shared by every module's pages. */
@Configuration(proxyBeanMethods = false)
class PlatformWebConfiguration implements WebMvcConfigurer {

	/** First of all filters, so that everything a request logs carries its id. */
	@Bean
	FilterRegistrationBean<RequestCorrelation> requestCorrelation() {
		FilterRegistrationBean<RequestCorrelation> registration = new FilterRegistrationBean<>(
				new RequestCorrelation());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	/**
	 * Just outside the session filter, which reads the database (DatabaseOutageFilter).
	 */
	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(JsonMapper json, TemplateEngine templates) {
		FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
				new DatabaseOutageFilter(json, templates));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	/**
	 * Just outside the session filter: the span in which a session found is found again
	 * without the database ({@link SparseSessionTouches.RequestScope}).
	 */
	@Bean
	FilterRegistrationBean<SparseSessionTouches.RequestScope> sessionRequestScope() {
		FilterRegistrationBean<SparseSessionTouches.RequestScope> registration = new FilterRegistrationBean<>(
				new SparseSessionTouches.RequestScope());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	/**
	 * Pages rendered into bytes, gzipped as {@code server.compression} says, and written
	 * once ({@link BufferedJteViews}); JTE's own resolver steps aside for it.
	 */
	@Bean
	JteViewResolver bufferedJteViews(TemplateEngine templates, JteProperties properties,
			@Value("${server.compression.enabled:false}") boolean compression,
			@Value("${server.compression.min-response-size:2KB}") DataSize minSize) {
		return new BufferedJteViews(templates, properties,
				new BufferedJteViews.Compression(compression, minSize.toBytes()));
	}

	/**
	 * The session store, Spring Session JDBC's as Boot configures it, writing the last
	 * access time at most once a minute ({@link SparseSessionTouches}).
	 */
	@Bean
	static BeanPostProcessor sparseSessionTouches() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository sessions ? new SparseSessionTouches(sessions)
						: bean;
			}
		};
	}

	/**
	 * Session attributes written with {@code insert ... on conflict do update}: two
	 * requests of a new session (a browser's parallel fetches right after signing in)
	 * that both add the same attribute (the CSRF token) otherwise race, and the second
	 * answers 500 on the primary key of {@code spring_session_attributes}.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * Session attributes read from their stored bytes as before, the signed-in person's
	 * security context and the CSRF token without deserializing the same bytes again on
	 * every request ({@link RememberedSessionValues}).
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> rememberedSessionValues() {
		RememberedSessionValues values = new RememberedSessionValues(RememberedSessionValues.class.getClassLoader());
		return sessions -> sessions.setConversionService(values);
	}

	/**
	 * Handler lookup that passes over mappings whose literal path beginning the request's
	 * path does not have ({@link PrefixCheckedMappings}).
	 */
	@Bean
	WebMvcRegistrations prefixCheckedMappings() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PrefixCheckedMappings();
			}
		};
	}

	/** Every view's frame ({@link LayoutModel}); nothing for JSON answers. */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LayoutModel());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HtmxRequest.Resolver());
	}

}
