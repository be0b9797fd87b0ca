package dev.fixpoint.portal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The answer to a report, {@code 201 {ticket, tracking_url}}: the ticket number and the
 * private link to follow it (signed, unguessable; sent by email too).
 * {@code confirmationRequired}: the report waits for its email to be confirmed;
 * {@code refusedFiles}: files the attachments pipeline refused, with the reason (pages
 * only).
 */
public record PortalReceipt(String ticket, String trackingUrl, @JsonIgnore boolean confirmationRequired,
		@JsonIgnore List<String> refusedFiles) {
}
