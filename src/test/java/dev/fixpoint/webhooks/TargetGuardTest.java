package dev.fixpoint.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetGuardTest {

	@Test
	void theGuardKnowsTheInternalRanges() throws Exception {
		for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
				"100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1",
				"::ffff:127.0.0.1", "ff02::1")) {
			assertThat(TargetGuard.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
		}
		for (String external : List.of("93.184.216.34", "8.8.8.8", "2606:4700::6810:84e5")) {
			assertThat(TargetGuard.isInternal(InetAddress.getByName(external))).as(external).isFalse();
		}
	}

	@Test
	void aHostWithAnyInternalAddressIsRefusedUnlessPrivateTargetsAreAllowed() throws Exception {
		TargetGuard refusing = new TargetGuard(false, new FixedDns("93.184.216.34", "10.0.0.1"));
		assertThatThrownBy(() -> refusing.resolve("rebind.example"))
			.isInstanceOf(TargetGuard.RefusedAddressException.class)
			.hasMessageContaining("10.0.0.1");
		TargetGuard allowing = new TargetGuard(true, new FixedDns("10.0.0.1"));
		assertThat(allowing.resolve("intranet.example")).extracting(InetAddress::getHostAddress)
			.containsExactly("10.0.0.1");
	}

	/** A resolver answering the same addresses for every name. */
	private record FixedDns(String... addresses) implements org.apache.hc.client5.http.DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			InetAddress[] resolved = new InetAddress[this.addresses.length];
			for (int i = 0; i < resolved.length; i++) {
				resolved[i] = InetAddress.getByName(this.addresses[i]);
			}
			return resolved;
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			return host;
		}

	}

}
