package dev.fixpoint.portal;

import org.springframework.core.io.InputStreamSource;

/** A file sent with a report or a message on a tracking page. */
public record PortalFile(String filename, long size, InputStreamSource content) {
}
