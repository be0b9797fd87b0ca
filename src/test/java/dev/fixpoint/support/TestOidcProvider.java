package dev.fixpoint.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small but real OpenID Connect provider for tests, on a random local port: discovery
 * document, JWKS, an authorization endpoint that vouches at once for the person the test
 * chose ({@link #signInAs}), and a token endpoint that checks the client's secret and the
 * code and returns an RS256-signed ID token (nimbus-jose-jwt) with the request's nonce.
 */
public final class TestOidcProvider implements AutoCloseable {

	public static final String CLIENT_ID = "fixpoint-test";

	public static final String CLIENT_SECRET = "s3cret-of-the-test-client";

	/** Who the provider vouches for: subject, email, whether it is verified, name. */
	public record Person(String subject, String email, boolean emailVerified, String name) {
	}

	private record Grant(Person person, String nonce, String redirectUri, String clientId) {
	}

	private final HttpServer server;

	private final RSAKey key;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private volatile Person person;

	public TestOidcProvider() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/.well-known/openid-configuration", this::discovery);
		this.server.createContext("/jwks", this::jwks);
		this.server.createContext("/authorize", this::authorize);
		this.server.createContext("/token", this::token);
		this.server.start();
	}

	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The person the next authorizations vouch for. */
	public TestOidcProvider signInAs(Person person) {
		this.person = person;
		return this;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void discovery(HttpExchange exchange) throws IOException {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("issuer", issuer());
		doc.put("authorization_endpoint", issuer() + "/authorize");
		doc.put("token_endpoint", issuer() + "/token");
		doc.put("jwks_uri", issuer() + "/jwks");
		doc.put("response_types_supported", List.of("code"));
		doc.put("subject_types_supported", List.of("public"));
		doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
		doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
		doc.put("scopes_supported", List.of("openid", "email", "profile"));
		doc.put("grant_types_supported", List.of("authorization_code"));
		send(exchange, 200, this.json.writeValueAsString(doc));
	}

	private void jwks(HttpExchange exchange) throws IOException {
		send(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString());
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
		Person who = this.person;
		if (who == null || !CLIENT_ID.equals(query.get("client_id"))) {
			send(exchange, 400, "{\"error\":\"invalid_request\"}");
			return;
		}
		String code = UUID.randomUUID().toString();
		this.codes.put(code, new Grant(who, query.get("nonce"), query.get("redirect_uri"), query.get("client_id")));
		String location = query.get("redirect_uri") + "?code=" + code + "&state="
				+ URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		Grant grant = this.codes.remove(body.getOrDefault("code", ""));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			send(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		if (grant == null || !grant.redirectUri().equals(body.get("redirect_uri"))) {
			send(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", UUID.randomUUID().toString());
		answer.put("token_type", "Bearer");
		answer.put("expires_in", 300);
		answer.put("scope", "openid email profile");
		answer.put("id_token", idToken(grant));
		send(exchange, 200, this.json.writeValueAsString(answer));
	}

	private String idToken(Grant grant) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject(grant.person().subject())
			.audience(grant.clientId())
			.issueTime(java.util.Date.from(now))
			.expirationTime(java.util.Date.from(now.plusSeconds(300)))
			.claim("email", grant.person().email())
			.claim("email_verified", grant.person().emailVerified())
			.claim("name", grant.person().name());
		if (grant.nonce() != null) {
			claims.claim("nonce", grant.nonce());
		}
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					claims.build());
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> form(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return values;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
