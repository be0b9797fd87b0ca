package dev.fixpoint.bugs;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.Problems;

/**
 * A link that would close a loop of "blocks" or of parents: refused with the loop, as
 * keys from the bug linked back to itself ({@code path}).
 */
public class LinkCycleException extends ConflictException {

	static final URI TYPE = URI.create(Problems.BASE + "link-cycle");

	private static final Kind KIND = new Kind(TYPE, "Link would make a cycle");

	LinkCycleException(LinkType type, List<String> path) {
		super(KIND, "This link would make a cycle: " + String.join(" → ", path),
				List.of(new FieldError("target", "would make a cycle of "
						+ (type.kind().equals("parent") ? "parents" : "blocking") + ": " + String.join(" → ", path))),
				Map.of("path", path));
	}

}
