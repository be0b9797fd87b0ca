package dev.fixpoint.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The SSRF guard, as the webhook client's DNS resolver: a host is resolved when a
 * connection is opened, and refused when any of its addresses is internal (loopback,
 * private, link-local incl. the cloud metadata address 169.254.169.254, carrier-grade
 * NAT, unique-local IPv6, multicast, unspecified, broadcast), unless private targets are
 * allowed. The client connects only to the addresses returned here, so a name that
 * resolves differently a moment later (DNS rebinding) cannot slip through.
 */
class TargetGuard implements DnsResolver {

	/** A host that resolves to an address webhooks may not reach. */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String host, InetAddress address) {
			super(host + " resolves to " + address.getHostAddress()
					+ ", an internal address (set FIXPOINT_WEBHOOK_ALLOW_PRIVATE=true to allow it)");
		}

	}

	private final boolean allowPrivate;

	private final DnsResolver dns;

	TargetGuard(boolean allowPrivate) {
		this(allowPrivate, SystemDefaultDnsResolver.INSTANCE);
	}

	TargetGuard(boolean allowPrivate, DnsResolver dns) {
		this.allowPrivate = allowPrivate;
		this.dns = dns;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] addresses = this.dns.resolve(host);
		if (!this.allowPrivate) {
			for (InetAddress address : addresses) {
				if (isInternal(address)) {
					throw new RefusedAddressException(host, address);
				}
			}
		}
		return Arrays.copyOf(addresses, addresses.length);
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return this.dns.resolveCanonicalHostname(host);
	}

	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isMulticastAddress() || address.isAnyLocalAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			return first == 0 // "this network"
					|| (first == 100 && second >= 64 && second <= 127) // carrier-grade
																		// NAT
					|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF
																			// protocol
					|| (first == 198 && (second == 18 || second == 19)) // benchmarking
					|| first >= 240; // reserved and broadcast
		}
		if (address instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
				return true;
			}
			if (isEmbeddedV4(b)) { // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address
				try {
					return isInternal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return true;
				}
			}
			return false;
		}
		return false;
	}

	private static boolean isEmbeddedV4(byte[] b) {
		for (int i = 0; i < 10; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
	}

}
