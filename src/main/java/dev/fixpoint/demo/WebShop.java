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

/** WEB, Acme's online store: catalog, search, cart and checkout, customer accounts. */
final class WebShop {

	private WebShop() {
	}

	static DemoProject project() {
		return new DemoProject("WEB", "Web shop",
				"The acme.example storefront: catalog, search, cart, checkout and "
						+ "customer accounts. Release train every second Tuesday.",
				ordered("dan", "developer", "dora", "developer", "quinn", "qa", "vic", "viewer"),
				ordered("Checkout", "dan", "Catalog", "dora", "Search", "dora", "Accounts", "dan"), SCENARIOS, BANKS,
				WebShop::environment, 110);
	}

	private static Map<String, String> environment(Scenario scenario, Random random) {
		String browser = pick(random, BANKS.get("browser"));
		String os = browser.startsWith("Safari on") ? "iOS 18.1" : browser.startsWith("Safari") ? "macOS 15.1"
				: pick(random, List.of("Windows 11", "macOS 15.1", "Ubuntu 24.04", "Android 15"));
		return ordered("os", os, "browser", browser, "viewport", pick(random, BANKS.get("viewport")), "locale",
				pick(random, BANKS.get("locale")), "version", pick(random, List.of("2026.21", "2026.22", "2026.23")));
	}

	private static final Map<String, List<String>> BANKS = Map
		.ofEntries(
				Map.entry("browser",
						List.of("Firefox 140", "Chrome 142", "Chrome 141", "Safari 18.2", "Edge 142",
								"Safari on iOS 18")),
				Map.entry("viewport", List.of("375x667", "390x844", "768x1024", "1280x800", "1440x900", "1920x1080")),
				Map.entry("locale", List.of("de-DE", "fr-FR", "en-GB", "nl-NL", "es-ES", "pl-PL", "it-IT", "sv-SE")),
				Map.entry("payment",
						List.of("PayPal", "Visa", "Mastercard", "Apple Pay", "Klarna", "SEPA direct debit",
								"American Express")),
				Map.entry("product",
						List.of("Trail Runner 3 shoes", "Merino crew sweater", "Espresso grinder Pro",
								"27\" 4K monitor", "kids' rain jacket", "cast iron skillet",
								"noise-cancelling headphones", "bamboo cutting board", "ultralight tent 2P")),
				Map.entry("category", List.of("Outdoor", "Kitchen", "Electronics", "Kids", "Sale", "New arrivals")),
				Map.entry("coupon", List.of("WELCOME10", "SUMMER25", "FREESHIP", "BLACKFRIDAY", "LOYAL15")),
				Map.entry("country", List.of("Austria", "Switzerland", "Norway", "Ireland", "Belgium", "Denmark")),
				Map.entry("currency", List.of("CHF", "NOK", "GBP", "EUR", "SEK", "DKK")),
				Map.entry("query",
						List.of("merino", "rain jacket", "grinder", "headphones", "skillet", "tent", "running shoes")),
				Map.entry("page", List.of("product page", "cart", "checkout", "order history", "wishlist",
						"search results", "category listing")));

	private static final List<Scenario> SCENARIOS = List.of(Scenario.of("Checkout", HIGH, "checkout,promotions",
			"Coupon {coupon} is applied twice after refreshing the cart",
			"Customers report a double discount when they reload the cart page after entering a coupon. "
					+ "Finance noticed {n} orders with the discount applied twice this week.",
			"1. Add the {product} to the cart\n2. Enter coupon {coupon} and apply it\n3. Reload the cart page\n4. Look at the order summary",
			"The coupon is applied once; reloading changes nothing.",
			"The discount line appears twice and the total is reduced twice."),
			Scenario.of("Checkout", HIGH, "checkout,payments",
					"{payment} payment fails with \"Something went wrong\" above {currency} 1,000",
					"Orders with a total above 1,000 fail at the payment step. Smaller orders with the same account go through. "
							+ "Support has {n} tickets about it.",
					"1. Switch the storefront to {currency}\n2. Put items worth more than 1,000 in the cart\n3. Check out and pay with {payment}",
					"The payment provider's page opens and the order is placed.",
					"A generic \"Something went wrong\" toast appears; the log shows a 422 from the payment gateway."),
			Scenario.of("Checkout", MEDIUM, "checkout,shipping",
					"Shipping cost not recalculated after changing the country to {country}",
					"When the shipping country changes during checkout, the summary keeps the old shipping cost until the page is reloaded.",
					"1. Start checkout with a German address\n2. Change the shipping country to {country}\n3. Continue to the payment step",
					"Shipping cost and delivery estimate are updated for {country}.",
					"The summary still shows the domestic shipping cost; the charged amount differs from the displayed one."),
			Scenario.of("Checkout", HIGH, "checkout,forms",
					"\"Place order\" stays disabled after correcting an invalid postcode",
					"Once the postcode validation fails, fixing the postcode does not re-enable the button. Customers abandon the checkout.",
					"1. Enter postcode 1234 (too short) in the shipping address\n2. Correct it to a valid postcode\n3. Try to place the order",
					"The validation message disappears and \"Place order\" becomes enabled.",
					"The message disappears but the button stays greyed out until the page is reloaded."),
			Scenario.of("Checkout", CRITICAL, "checkout,regression",
					"Double-clicking \"Place order\" creates two orders",
					"Since release {version} a quick double click submits the order twice and charges the card twice. "
							+ "{n} customers affected yesterday, refunds are being handled manually.",
					"1. Fill the cart and go to the last checkout step\n2. Double-click \"Place order\" quickly",
					"Exactly one order is created; the button is disabled after the first click.",
					"Two orders with consecutive numbers and two charges on the card."),
			Scenario.of("Checkout", MEDIUM, "checkout,tax,email",
					"Order confirmation email shows the wrong VAT rate for {country}",
					"The confirmation email prints the German VAT rate for deliveries to {country}. The invoice PDF is correct.",
					"1. Order something for delivery to {country}\n2. Open the confirmation email",
					"The email shows the VAT rate that was charged.",
					"The email shows 19 % VAT regardless of the destination."),
			Scenario.of("Checkout", HIGH, "checkout,payments,gift-cards",
					"Gift card balance not deducted when combined with {payment}",
					"Paying part of an order with a gift card and the rest with {payment} leaves the gift card balance untouched.",
					"1. Apply a gift card with a balance of 20 to an order of 80\n2. Pay the remaining 60 with {payment}\n3. Check the gift card balance",
					"The gift card balance is 0 after the order.",
					"The gift card still shows a balance of 20 and can be used again."),
			Scenario.of("Catalog", MEDIUM, "catalog,images", "Product images of the {product} do not load in {browser}",
					"The image gallery stays empty with a spinner. Other products are fine; it looks related to the new WebP variants.",
					"1. Open the product page of the {product} in {browser}\n2. Wait for the gallery",
					"The gallery shows all product images.",
					"An endless spinner; the console shows \"Failed to decode image\"."),
			Scenario.of("Catalog", LOW, "catalog,i18n", "Price shows two decimal separators in {locale}",
					"Prices above 1,000 are formatted with both a thousands and a decimal comma in the {locale} storefront.",
					"1. Switch the storefront language to {locale}\n2. Open the {product} (price above 1,000)",
					"A price formatted for {locale}, e.g. 1.299,00.", "The price reads 1,299,00."),
			Scenario.of("Catalog", HIGH, "catalog,inventory", "Out-of-stock sizes can still be added to the cart",
					"Sizes marked as sold out in the size picker can be added to the cart; checkout then fails with a stock error.",
					"1. Open the {product}\n2. Pick a size shown as sold out\n3. Click \"Add to cart\"",
					"Sold-out sizes cannot be selected.",
					"The item is added; checkout later fails with \"Insufficient stock\"."),
			Scenario.of("Catalog", LOW, "catalog,filters",
					"Category {category} shows fewer products than the filter count",
					"The facet in the sidebar says there are more products than the grid shows, even after scrolling to the end.",
					"1. Open the category {category}\n2. Compare the number next to the category with the products in the grid",
					"The count matches the products shown.",
					"The count is off by {n}; hidden products are probably counted."),
			Scenario.of("Catalog", LOW, "catalog,reviews", "Reviews sorted oldest first despite \"Most recent\"",
					"The review sort selector has no effect on the first page of reviews.",
					"1. Open the {product}\n2. Scroll to reviews and choose \"Most recent\"", "Newest reviews first.",
					"Oldest reviews stay on top; page 2 is sorted correctly."),
			Scenario.of("Catalog", MEDIUM, "catalog,wishlist,ux",
					"Wishlist heart toggles on the wrong product in the grid",
					"In the {category} grid, clicking the heart icon of one product marks its neighbour instead.",
					"1. Open the category {category} at {viewport}\n2. Click the heart on the third product",
					"The clicked product is added to the wishlist.",
					"The fourth product is added; the third stays unmarked."),
			Scenario.of("Search", HIGH, "search", "Searching for \"{query}\" returns no results",
					"Search returns nothing for \"{query}\" although there are matching products in the catalog. "
							+ "Probably the index was not rebuilt after the last catalog import.",
					"1. Type \"{query}\" in the search box\n2. Press Enter", "Matching products are listed.",
					"\"No results for {query}\"."),
			Scenario.of("Search", LOW, "search,ui", "Autocomplete suggestions overlap the header at {viewport}",
					"The suggestion dropdown is drawn under the sticky header and the first suggestions cannot be clicked.",
					"1. Resize the window to {viewport}\n2. Type \"{query}\" in the search box",
					"Suggestions appear below the search box, above other content.",
					"The first two suggestions are hidden behind the header."),
			Scenario.of("Search", MEDIUM, "search,performance",
					"Search results take over {n} seconds when sorted by price",
					"Sorting search results by price is very slow for broad queries; the default relevance sort is fast.",
					"1. Search for \"{query}\"\n2. Sort by \"Price: low to high\"", "Results within a second.",
					"The page takes {n} seconds; sometimes a gateway timeout."),
			Scenario.of("Search", MEDIUM, "search,i18n",
					"Typing accented characters clears the search box in {browser}",
					"Composing characters like é or ø with a dead key empties the search input.",
					"1. Use a keyboard layout with dead keys ({locale})\n2. Type \"caf\" and then é in the search box",
					"The input reads \"café\".", "The input is cleared after the dead key."),
			Scenario.of("Accounts", MEDIUM, "accounts,email", "Password reset link reported as expired within minutes",
					"Customers outside UTC get \"This link has expired\" when they open the reset link right away.",
					"1. Request a password reset from a {locale} account\n2. Open the link from the email within 5 minutes",
					"The reset form opens; links are valid for 24 hours.", "\"This link has expired\"."),
			Scenario.of("Accounts", LOW, "accounts,orders", "Order history pagination skips page {n}",
					"Customers with many orders cannot reach some of them: the paginator jumps over a page.",
					"1. Sign in as a customer with more than 100 orders\n2. Open Order history\n3. Page through with \"Next\"",
					"Every page can be reached in order.",
					"After page {n} comes the page after it; one page is skipped."),
			Scenario.of("Accounts", HIGH, "accounts,data-loss", "Saved addresses lost after changing the account email",
					"Changing the email address in account settings deletes all saved shipping addresses.",
					"1. Save two shipping addresses\n2. Change the account email and confirm it\n3. Open Addresses",
					"The addresses are still there.", "The address book is empty."),
			Scenario.of("Accounts", HIGH, "accounts,login,sso",
					"\"Sign in with Google\" ends on a blank page in {browser}",
					"The OAuth callback renders an empty page; after a reload the customer is signed in.",
					"1. Open the sign-in page in {browser}\n2. Click \"Sign in with Google\" and pick an account",
					"Back on the page the customer came from, signed in.",
					"A blank page at /oauth/callback; the console shows a CSP violation."),
			Scenario.of("Accounts", MEDIUM, "accounts,privacy", "Newsletter opt-out in account settings is not saved",
					"Unticking the newsletter box shows \"Saved\" but the box is ticked again on the next visit, and emails keep coming.",
					"1. Open Account settings\n2. Untick \"Send me the newsletter\" and save\n3. Reload the page",
					"The box stays unticked and no newsletter is sent.", "The box is ticked again."),
			Scenario.of(null, MEDIUM, "ux,mobile-web", "Cookie banner covers \"Place order\" at {viewport}",
					"On small screens the cookie banner cannot be dismissed and hides the main button of the checkout.",
					"1. Open the shop in a fresh session at {viewport}\n2. Go through checkout without answering the banner",
					"The banner can be dismissed and never hides the checkout buttons.",
					"\"Place order\" is under the banner; the close button is off-screen."),
			Scenario.of(null, MEDIUM, "accessibility", "Screen reader announces the cart icon only as \"button\"",
					"The cart icon in the header has no accessible name.",
					"1. Turn on a screen reader\n2. Tab to the cart icon in the header", "\"Cart, 2 items, button\".",
					"\"Button\"."),
			Scenario.of(null, LOW, "i18n,content", "Footer link to the imprint returns 404 in the {locale} storefront",
					"The imprint page was not translated, so the localized footer link points nowhere.",
					"1. Switch the storefront to {locale}\n2. Click \"Imprint\" in the footer",
					"The imprint page (in English if not translated).", "A 404 page."));

}
