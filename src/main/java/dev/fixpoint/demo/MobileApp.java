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

/** MOB, the Acme shopping app for iOS and Android. */
final class MobileApp {

	private static final List<String> IOS_DEVICES = List.of("iPhone 16", "iPhone 15", "iPhone 13 mini",
			"iPhone SE (3rd gen)", "iPad Air (M2)");

	private static final List<String> ANDROID_DEVICES = List.of("Pixel 8", "Pixel 6a", "Galaxy S24", "Galaxy A14",
			"OnePlus 12", "Xiaomi Redmi Note 13");

	private MobileApp() {
	}

	static DemoProject project() {
		return new DemoProject("MOB", "Mobile app",
				"The Acme shopping app for iOS and Android: browsing, Scan & Go in "
						+ "stores, order tracking and push notifications. Weekly store releases.",
				ordered("maya", "admin", "dora", "developer", "quinn", "qa", "vic", "viewer", "dan", "viewer"),
				ordered("iOS app", "maya", "Android app", "dora", "Push notifications", "maya", "Offline sync", "dora"),
				SCENARIOS, BANKS, MobileApp::environment, 90);
	}

	private static Map<String, String> environment(Scenario scenario, Random random) {
		boolean ios = "iOS app".equals(scenario.component())
				|| !"Android app".equals(scenario.component()) && random.nextBoolean();
		String os = ios ? pick(random, List.of("iOS 18.1", "iOS 18.0", "iOS 17.6", "iPadOS 18.1"))
				: pick(random, List.of("Android 15", "Android 14", "Android 13"));
		String device = ios ? pick(random, IOS_DEVICES) : pick(random, ANDROID_DEVICES);
		if (os.startsWith("iPadOS")) {
			device = "iPad Air (M2)";
		}
		return ordered("os", os, "device", device, "app_version", pick(random, BANKS.get("app_version")), "network",
				pick(random, List.of("Wi-Fi", "LTE", "5G", "3G (throttled)")));
	}

	private static final Map<String, List<String>> BANKS = Map.ofEntries(
			Map.entry("app_version",
					List.of("4.12.0 (3021)", "4.12.1 (3040)", "4.13.0 (3088)", "4.13.1-beta.2 (3102)")),
			Map.entry("screen",
					List.of("Home", "Product detail", "Cart", "Order tracking", "Profile", "Scan & Go",
							"Store finder")),
			Map.entry("product",
					List.of("Trail Runner 3 shoes", "Merino crew sweater", "Espresso grinder Pro", "kids' rain jacket",
							"cast iron skillet")),
			Map.entry("store", List.of("Berlin Mitte", "Hamburg Altona", "Munich Pasing", "Vienna Westbahnhof",
					"Zurich Oerlikon")));

	private static final List<Scenario> SCENARIOS = List.of(Scenario.of("iOS app", CRITICAL, "crash,regression",
			"App crashes on launch after updating to {app_version}",
			"Crash reports spiked after the store release: {n} % of sessions on {os} crash before Home is shown. "
					+ "The stack trace points at the migration of the favourites store.",
			"1. Install the previous version and add favourites\n2. Update to {app_version}\n3. Launch the app",
			"The app opens Home with the favourites kept.", "Crash on the splash screen (EXC_BAD_ACCESS)."),
			Scenario.of("iOS app", MEDIUM, "dark-mode,ui", "Dark mode: order totals unreadable on {screen}",
					"Totals use a hard-coded black text color and disappear on the dark background.",
					"1. Turn on dark mode on the {device}\n2. Open {screen}", "Totals are readable in both themes.",
					"Black text on dark grey."),
			Scenario.of("iOS app", LOW, "biometrics,ux",
					"Face ID prompt appears twice when opening from a notification",
					"Opening the app from a push triggers the unlock prompt twice in a row.",
					"1. Enable \"Unlock with Face ID\"\n2. Background the app for 10 minutes\n3. Open it by tapping a notification",
					"One Face ID prompt.", "Two prompts; the first one is cancelled automatically."),
			Scenario.of("iOS app", MEDIUM, "payments,apple-pay", "Apple Pay sheet shows the wrong merchant name",
					"The payment sheet says \"ACME TEST MERCHANT\" in production builds.",
					"1. Add the {product} to the cart\n2. Pay with Apple Pay", "\"Acme\" as merchant name.",
					"\"ACME TEST MERCHANT\"."),
			Scenario.of("iOS app", LOW, "widget",
					"Home screen widget says \"No orders\" while an order is out for delivery",
					"The widget timeline is not refreshed after the order status changes.",
					"1. Add the order widget\n2. Wait for an order to be dispatched", "The widget shows the delivery.",
					"\"No orders\" until the app is opened."),
			Scenario.of("Android app", HIGH, "navigation", "Back button on {screen} closes the app",
					"The system back gesture on {screen} exits the app instead of going to the previous screen.",
					"1. Open Home, then {screen}\n2. Use the back gesture", "Back to Home.", "The app closes."),
			Scenario.of("Android app", MEDIUM, "keyboard,ui", "Keyboard covers the promo code field on the {device}",
					"The cart does not scroll when the keyboard opens, so customers cannot see what they type.",
					"1. Open the cart on the {device}\n2. Tap \"Promo code\"", "The field scrolls above the keyboard.",
					"The field is hidden behind the keyboard."),
			Scenario.of("Android app", HIGH, "performance,jank", "App freezes for {n} seconds when scrolling {screen}",
					"Images are decoded on the main thread; on low-end devices like the {device} the UI stalls.",
					"1. Open {screen} on the {device}\n2. Scroll fast", "Smooth scrolling.",
					"The UI freezes for {n} seconds; sometimes an ANR dialog."),
			Scenario.of("Android app", HIGH, "permissions,scan-and-go",
					"Camera permission dialog loops after denying once",
					"After denying the camera once, Scan & Go asks again and again and cannot be left.",
					"1. Open Scan & Go in {store}\n2. Deny the camera permission",
					"An explanation with a link to settings.", "The permission dialog reappears immediately, forever."),
			Scenario.of("Android app", MEDIUM, "battery,location", "Location updates keep running in the background",
					"The store finder requests location updates and never stops; users report battery drain.",
					"1. Open Store finder\n2. Leave the app\n3. Check battery usage after an hour",
					"No location use in the background.", "Continuous GPS use, {n} % battery in an hour."),
			Scenario.of("Push notifications", MEDIUM, "push,delivery", "\"Order shipped\" push arrives {n} hours late",
					"Shipment pushes are queued behind the marketing campaign batch.",
					"1. Place an order\n2. Mark it as shipped in the back office", "The push within a minute.",
					"The push about {n} hours later."),
			Scenario.of("Push notifications", MEDIUM, "push,deep-links",
					"Tapping a shipment push opens Home instead of Order tracking",
					"The deep link in the payload is ignored when the app was not running.",
					"1. Force-quit the app\n2. Tap an \"Order shipped\" notification", "Order tracking for that order.",
					"Home."),
			Scenario.of("Push notifications", HIGH, "push,privacy",
					"Notifications still arrive after turning them off in Profile",
					"The preference is stored locally but not sent to the server.",
					"1. Profile → Notifications → turn off \"Offers\"\n2. Wait for the next campaign",
					"No offer notifications.", "Offer notifications keep coming."),
			Scenario.of("Offline sync", HIGH, "offline,data-loss",
					"Cart changes made offline are lost when the connection returns",
					"The server cart overwrites the local one instead of merging.",
					"1. Turn on airplane mode\n2. Add the {product} to the cart\n3. Turn airplane mode off",
					"The cart contains the {product}.", "The cart is reset to the server state."),
			Scenario.of("Offline sync", LOW, "offline,sync",
					"Sync spinner never stops after a connection drop on {network}",
					"The sync indicator keeps spinning although the data is up to date.",
					"1. Use the app on {network}\n2. Lose the connection for a minute (tunnel, lift)\n3. Wait for it to come back",
					"The spinner stops after the sync.", "The spinner runs until the app is restarted."),
			Scenario.of("Offline sync", MEDIUM, "offline,wishlist",
					"Duplicate wishlist items after syncing two devices",
					"Adding the same product on phone and tablet while one is offline creates two entries.",
					"1. Add the {product} to the wishlist on an offline tablet\n2. Add it on the phone\n3. Bring the tablet online",
					"One wishlist entry.", "Two identical entries."),
			Scenario.of("Offline sync", MEDIUM, "order-tracking", "Order tracking shows a stale status after resuming",
					"The tracking screen is not refreshed when the app returns from the background.",
					"1. Open Order tracking\n2. Background the app until the order is delivered\n3. Resume the app",
					"The current status.", "The old status until pull-to-refresh."),
			Scenario.of(null, MEDIUM, "accessibility", "Text at 200 % font size truncates buttons on {screen}",
					"With the largest accessibility text sizes button labels are cut off.",
					"1. Set the system font size to the maximum\n2. Open {screen}", "Labels wrap or buttons grow.",
					"\"Add to c…\"."),
			Scenario.of(null, LOW, "accessibility,screen-reader", "Screen reader reads prices digit by digit",
					"TalkBack and VoiceOver read \"1 2 9 comma 0 0\" instead of the amount.",
					"1. Turn on the screen reader\n2. Open the {product} on Product detail", "\"129 euros\".",
					"\"1, 2, 9, comma, 0, 0\"."),
			Scenario.of(null, HIGH, "deep-links", "Product deep link opens a blank screen when signed out",
					"Links from marketing emails open an empty screen for signed-out users.",
					"1. Sign out\n2. Open a product link from the newsletter on the {device}",
					"The product page, sign-in only when buying.", "A blank white screen."));

}
