package dev.fixpoint.portal;

/**
 * {@code PUT /api/orgs/{org}/branding}: the accent colour as {@code #rrggbb} (null or
 * empty: none). The logo has its own endpoint.
 */
public record BrandingChange(String accent) {
}
