package dev.fixpoint.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsAccessTest {

	@Test
	void withATokenOnlyThatTokenIsLetIn() {
		MetricsAccess access = new MetricsAccess(new MetricsProperties("s3cret-token"), new MockEnvironment());
		assertThat(access.enabled()).isTrue();
		assertThat(granted(access, "Bearer s3cret-token")).isTrue();
		assertThat(granted(access, "bearer  s3cret-token ")).isTrue();
		assertThat(granted(access, "Bearer s3cret-toke")).isFalse();
		assertThat(granted(access, "Bearer s3cret-token-and-more")).isFalse();
		assertThat(granted(access, "Basic s3cret-token")).isFalse();
		assertThat(granted(access, null)).isFalse();
	}

	@Test
	void withoutTokenAndManagementPortNothingIsLetIn() {
		MetricsAccess access = new MetricsAccess(new MetricsProperties(" "), new MockEnvironment());
		assertThat(access.enabled()).isFalse();
		assertThat(granted(access, "Bearer ")).isFalse();
		assertThat(granted(access, "Bearer  ")).isFalse();
		assertThat(granted(access, null)).isFalse();
	}

	@Test
	void onASeparateManagementPortEveryoneWhoReachesItIsLetIn() {
		MockEnvironment environment = new MockEnvironment().withProperty("management.server.port", "9090");
		MetricsAccess access = new MetricsAccess(new MetricsProperties(null), environment);
		assertThat(access.enabled()).isTrue();
		assertThat(granted(access, null)).isTrue();
	}

	private static boolean granted(MetricsAccess access, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return access.authorize(() -> null, new RequestAuthorizationContext(request)).isGranted();
	}

}
