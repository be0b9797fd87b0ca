package dev.fixpoint.bugs;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A relation between two bugs as one of them sees it: {@code WEB-1 blocks WEB-2} is
 * {@link #BLOCKS} on WEB-1 and {@link #BLOCKED_BY} on WEB-2. Each reads "this bug
 * <i>type</i> the other": {@link #PARENT} means this bug is the parent of the other,
 * {@link #CHILD} that it is a sub-bug of the other. The duplicate relation is the bug's
 * {@code duplicate_of} field; it is listed with the links ({@link #DUPLICATE_OF},
 * {@link #DUPLICATED_BY}) but set and cleared through that field.
 */
public enum LinkType {

	BLOCKS("blocks", "blocks", "blocks", true), BLOCKED_BY("blocked_by", "is blocked by", "blocks", false),
	RELATES_TO("relates_to", "relates to", "relates_to", true), PARENT("parent", "is the parent of", "parent", true),
	CHILD("child", "is a sub-bug of", "parent", false), DUPLICATE_OF("duplicate_of", "is a duplicate of", null, true),
	DUPLICATED_BY("duplicated_by", "is duplicated by", null, false);

	private final String key;

	private final String label;

	private final String kind;

	private final boolean source;

	LinkType(String key, String label, String kind, boolean source) {
		this.key = key;
		this.label = label;
		this.kind = kind;
		this.source = source;
	}

	/** The name in the API ({@code blocked_by}). */
	@JsonValue
	public String key() {
		return this.key;
	}

	/** The relation in words, this bug first: "is blocked by". */
	public String label() {
		return this.label;
	}

	/** Whether links of this type are created and removed as links (not duplicates). */
	public boolean linkable() {
		return this.kind != null;
	}

	/** The types a person may create, in the order pickers offer them. */
	public static java.util.List<LinkType> creatable() {
		return Arrays.stream(values()).filter(LinkType::linkable).toList();
	}

	/** Exactly one of the creatable types' keys (the API's enum values match exactly). */
	public static Optional<LinkType> parse(String key) {
		return Arrays.stream(values()).filter(t -> t.linkable() && t.key.equals(key)).findFirst();
	}

	/** The stored kind ({@code bug_links.kind}). */
	String kind() {
		return this.kind;
	}

	/** Whether this bug is the stored source of the link. */
	boolean thisIsSource() {
		return this.source;
	}

	/** The type a stored link has from one side. */
	static LinkType of(String kind, boolean thisIsSource) {
		return switch (kind) {
			case "blocks" -> thisIsSource ? BLOCKS : BLOCKED_BY;
			case "parent" -> thisIsSource ? PARENT : CHILD;
			default -> RELATES_TO;
		};
	}

	/** The same link seen from the other bug. */
	LinkType reverse() {
		return switch (this) {
			case BLOCKS -> BLOCKED_BY;
			case BLOCKED_BY -> BLOCKS;
			case PARENT -> CHILD;
			case CHILD -> PARENT;
			case DUPLICATE_OF -> DUPLICATED_BY;
			case DUPLICATED_BY -> DUPLICATE_OF;
			case RELATES_TO -> RELATES_TO;
		};
	}

}
