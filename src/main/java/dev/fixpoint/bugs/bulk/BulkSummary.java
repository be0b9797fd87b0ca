package dev.fixpoint.bugs.bulk;

import java.io.Serializable;
import java.util.List;

import dev.fixpoint.platform.web.FormErrors;

/**
 * What the last bulk change did, shown at the top of the list: "12 updated, 2 refused:
 * WEB-3 — reason".
 *
 * @param refused one line per refused bug, e.g. "WEB-3 — status: no transition from new
 * to closed"
 * @param error why nothing was changed at all (no bug selected, no change chosen), or
 * null (serializable: it travels as a flash attribute in the JDBC-stored session)
 */
public record BulkSummary(int updated, List<String> refused, String error) implements Serializable {

	/**
	 * The flash attribute that carries the summary to the list page after a bulk change
	 * (PRG).
	 */
	public static final String FLASH_ATTRIBUTE = "bulkSummary";

	static BulkSummary of(List<BulkResult> results) {
		int updated = (int) results.stream().filter(r -> r.status() < 300).count();
		List<String> refused = results.stream().filter(r -> r.status() >= 300).map(BulkSummary::line).toList();
		return new BulkSummary(updated, refused, null);
	}

	static BulkSummary failed(String error) {
		return new BulkSummary(0, List.of(), error);
	}

	public String headline() {
		if (this.error != null) {
			return "Nothing changed: " + this.error;
		}
		String text = this.updated + " updated";
		return this.refused.isEmpty() ? text : text + ", " + this.refused.size() + " refused:";
	}

	public boolean ok() {
		return this.error == null && this.refused.isEmpty();
	}

	private static String line(BulkResult r) {
		String key = r.key() != null ? r.key() : r.id();
		String reason = r.errors() == null || r.errors().isEmpty() ? r.error()
				: String.join("; ", r.errors().stream().map(FormErrors::sentence).toList());
		return key + " — " + reason;
	}

}
