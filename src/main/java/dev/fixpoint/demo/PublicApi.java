package dev.fixpoint.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.fixpoint.bugs.Severity.CRITICAL;
import static dev.fixpoint.bugs.Severity.HIGH;
import static dev.fixpoint.bugs.Severity.LOW;
import static dev.fixpoint.bugs.Severity.MEDIUM;
import static dev.fixpoint.demo.DemoProject.ordered;
import static dev.fixpoint.demo.DemoProject.pick;

/** API, the REST API partners use for orders, products, inventory and webhooks. */
final class PublicApi {

	private PublicApi() {
	}

	static DemoProject project() {
		return new DemoProject("API", "Public API", "api.acme.example: the versioned REST API for partners and "
				+ "integrators (orders, products, inventory, refunds) and its webhooks. SDKs for Node, Java and Python.",
				ordered("dan", "developer", "dora", "developer", "quinn", "qa", "vic", "viewer"),
				ordered("Authentication", "dan", "Orders API", "dora", "Webhooks", "dan", "Rate limiting", null),
				SCENARIOS, BANKS, PublicApi::environment, 100);
	}

	private static Map<String, String> environment(Scenario scenario, Random random) {
		return ordered("client", pick(random, BANKS.get("client")), "api_version",
				pick(random, BANKS.get("api_version")), "region", pick(random, BANKS.get("region")), "stage",
				random.nextInt(4) == 0 ? "sandbox" : "production");
	}

	private static final Map<String, List<String>> BANKS = Map.ofEntries(
			Map.entry("client",
					List.of("curl 8.11", "python-requests 2.32", "acme-node SDK 3.4.1", "acme-java SDK 2.9.0",
							"acme-python SDK 1.18.2", "Postman 11", "Go net/http")),
			Map.entry("api_version", List.of("2024-10-01", "2025-06-15", "2025-11-01")),
			Map.entry("region", List.of("eu-central", "eu-west", "us-east", "ap-southeast")),
			Map.entry("endpoint",
					List.of("GET /v2/orders", "POST /v2/orders", "GET /v2/orders/:id", "GET /v2/products/:id",
							"PATCH /v2/customers/:id", "POST /v2/refunds", "GET /v2/inventory")),
			Map.entry("event",
					List.of("order.created", "order.paid", "order.refunded", "inventory.low", "customer.updated",
							"shipment.dispatched")),
			Map.entry("partner",
					List.of("Nordic Outfitters", "Bergmann GmbH", "Casa Verde", "Lumen Retail", "Northwind Traders")),
			Map.entry("status_code", List.of("500", "502", "504")));

	private static final List<Scenario> SCENARIOS = List.of(Scenario.of("Authentication", HIGH, "auth,oauth",
			"Token refresh returns 401 right after the token was issued",
			"Refreshing an access token within a second of issuing it fails with 401 invalid_grant. The {client} "
					+ "refreshes eagerly on start-up, so {partner} sees sporadic failures.",
			"1. POST /oauth/token with client credentials\n2. Immediately POST /oauth/token with grant_type=refresh_token",
			"A new access token.", "401 {\"error\": \"invalid_grant\"}; retrying a second later works."),
			Scenario.of("Authentication", MEDIUM, "auth,api-keys", "New API keys are rejected for about {n} minutes",
					"Keys created in the partner dashboard return 401 until the key cache expires.",
					"1. Create an API key in the dashboard\n2. Call GET /v2/orders with it right away",
					"The key works immediately.", "401 for about {n} minutes, then 200."),
			Scenario.of("Authentication", HIGH, "auth,oauth,security",
					"Client credentials flow ignores the requested scopes",
					"A token requested with scope=orders:read can also write orders. Reported by {partner}'s security review.",
					"1. Request a token with scope=orders:read\n2. POST /v2/orders with that token",
					"403 insufficient_scope.", "201 Created: the order is written."),
			Scenario.of("Orders API", HIGH, "orders,5xx", "{endpoint} returns {status_code} with expand=customer",
					"Expanding the customer on orders of guest checkouts fails: the customer is null and the serializer throws.",
					"1. Call {endpoint}?expand=customer for an order placed as a guest",
					"The order with \"customer\": null.",
					"HTTP {status_code} with an empty body; request id in the logs."),
			Scenario.of("Orders API", HIGH, "orders,pagination",
					"GET /v2/orders skips orders created in the same millisecond",
					"The cursor only encodes created_at, so orders created at the same instant are lost between pages. "
							+ "{partner} reconciles nightly and is missing {n} orders.",
					"1. Create several orders in one batch\n2. Page through GET /v2/orders?limit=10",
					"Every order appears exactly once.",
					"Orders at a page boundary with equal timestamps are skipped."),
			Scenario.of("Orders API", MEDIUM, "orders,validation", "POST /v2/orders accepts negative quantities",
					"Line items with quantity -1 are accepted and produce an order with a negative total.",
					"1. POST /v2/orders with a line item {\"sku\": \"TR3-42\", \"quantity\": -1}",
					"400 with a field error on line_items[0].quantity.", "201 Created, total -129.00."),
			Scenario.of("Orders API", HIGH, "orders,money", "Amounts lose precision (19.99 becomes 19.989999)",
					"Monetary amounts are serialized from doubles. The {client} shows totals that do not match invoices.",
					"1. Create an order with an item priced 19.99\n2. GET /v2/orders/:id",
					"\"total\": \"19.99\" (decimal string as documented).", "\"total\": 19.989999999999998."),
			Scenario.of("Orders API", MEDIUM, "customers,privacy",
					"PATCH /v2/customers/:id with an empty body resets marketing consent",
					"Fields missing from a PATCH are treated as null; marketing_consent flips to false.",
					"1. PATCH /v2/customers/:id with {}\n2. GET /v2/customers/:id", "Nothing changes.",
					"marketing_consent is false and consent_updated_at is now."),
			Scenario.of("Orders API", CRITICAL, "refunds,idempotency", "Idempotency-Key ignored on POST /v2/refunds",
					"Retried refund requests create a second refund. {partner} refunded {n} orders twice after a network blip.",
					"1. POST /v2/refunds with Idempotency-Key: abc\n2. Repeat the same request",
					"The second request returns the first refund.", "A second refund is created and paid out."),
			Scenario.of("Orders API", MEDIUM, "orders,timezones",
					"created_at filters use server local time instead of UTC",
					"created_from=2026-11-01 matches orders from 2026-10-31T23:00Z; the documentation says UTC.",
					"1. GET /v2/orders?created_from=2026-11-01\n2. Compare with orders placed just before midnight UTC",
					"Orders from 2026-11-01T00:00Z onwards.", "Orders from one hour earlier are included."),
			Scenario.of("Orders API", MEDIUM, "inventory,caching",
					"GET /v2/inventory returns stock up to {n} minutes old",
					"The inventory endpoint is cached longer than documented (60 s), so partners oversell.",
					"1. Change the stock of an SKU in the back office\n2. Poll GET /v2/inventory?sku=...",
					"The new stock level within 60 seconds.", "The old level for about {n} minutes."),
			Scenario.of("Webhooks", HIGH, "webhooks,delivery", "{event} delivered twice after a timeout",
					"When the receiver answers slowly we retry although the first delivery succeeded, without a stable event id.",
					"1. Point a webhook to an endpoint that answers after 11 s\n2. Trigger {event}",
					"One delivery, or retries with the same event id.", "Two deliveries with different ids."),
			Scenario.of("Webhooks", HIGH, "webhooks,signatures",
					"Signature check fails for payloads with non-ASCII characters",
					"We sign the Latin-1 encoded body but send UTF-8; customer names like \"Søren\" break verification.",
					"1. Create an order for a customer named Søren Ærø\n2. Verify the {event} webhook signature with the {client}",
					"The signature matches the raw body.", "Signature mismatch; the receiver rejects the delivery."),
			Scenario.of("Webhooks", MEDIUM, "webhooks,retries",
					"Retries of failed {event} deliveries stop after one attempt",
					"The retry schedule (1 min, 5 min, 30 min, 2 h) is not applied; only one retry happens.",
					"1. Make the webhook endpoint return 503\n2. Trigger {event}\n3. Watch the delivery log",
					"Up to 5 attempts with backoff.", "2 attempts, then \"failed\"."),
			Scenario.of("Webhooks", LOW, "webhooks,ordering", "Webhooks to {region} endpoints arrive out of order",
					"order.paid sometimes arrives before order.created, which breaks naive receivers.",
					"1. Place and pay an order quickly\n2. Log arrival order at the receiver",
					"Events of one order arrive in order (or the docs say they may not).",
					"order.paid arrives first in about 1 of {n} cases."),
			Scenario.of("Rate limiting", MEDIUM, "rate-limits,headers", "X-RateLimit-Reset is in the past",
					"The reset header is computed from a different clock than the limiter; clients sleep for a negative time.",
					"1. Call {endpoint} until the limit is reached\n2. Read X-RateLimit-Reset",
					"A future epoch second.", "An epoch second a few seconds in the past."),
			Scenario.of("Rate limiting", MEDIUM, "rate-limits,headers", "429 responses on {endpoint} lack Retry-After",
					"The SDKs back off according to Retry-After; without it the {client} retries immediately.",
					"1. Exceed the rate limit on {endpoint}", "429 with Retry-After.", "429 without Retry-After."),
			Scenario.of("Rate limiting", HIGH, "rate-limits", "Burst limit applied per IP instead of per API key",
					"{partner} runs several integrations behind one NAT and they throttle each other.",
					"1. Call the API with two different keys from the same IP", "Each key has its own budget.",
					"Both share one budget."),
			Scenario.of(null, LOW, "docs,openapi", "OpenAPI spec declares sku as integer, the API returns strings",
					"Generated clients fail to deserialize products. Reported by {partner}.",
					"1. Generate a client from /v2/openapi.json\n2. Call GET /v2/products/:id",
					"The spec matches the responses.", "Type mismatch: sku is \"TR3-42\"."),
			Scenario.of(null, MEDIUM, "errors", "Errors on {endpoint} come back as text/html",
					"Some errors bypass the problem+json handler and return the load balancer's HTML page.",
					"1. Send a malformed JSON body to {endpoint}", "400 application/problem+json.",
					"400 text/html from the gateway."),
			Scenario.of(null, LOW, "versioning", "Deprecation header missing on API version {api_version}",
					"Version {api_version} is announced as deprecated but responses do not say so.",
					"1. Call any endpoint with Acme-Version: {api_version}", "Deprecation and Sunset headers.",
					"No such headers."),
			Scenario.of(null, MEDIUM, "performance", "{client} times out on {endpoint} with large payloads",
					"Requests with more than 500 line items take over {n} seconds; p99 latency spiked after the last deploy.",
					"1. Call {endpoint} with a large payload\n2. Measure the response time", "Below 2 seconds.",
					"{n} seconds, sometimes HTTP 504."));

}
