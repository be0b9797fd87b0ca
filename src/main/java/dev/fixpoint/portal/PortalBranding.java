package dev.fixpoint.portal;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.attachments.ContentSniffing;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's branding (its admins set it): an accent colour and a logo, shown on
 * the portal's form and tracking pages of its projects, its status page and their emails.
 * A logo is PNG, JPEG or WebP as its bytes say (the attachments' sniffing; never SVG,
 * which could carry script), at most {@link #LOGO_MAX} bytes.
 */
@Service
public class PortalBranding {

	/** The largest logo accepted, in bytes. */
	public static final int LOGO_MAX = 512 * 1024;

	private static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg", "image/webp");

	private static final Pattern COLOUR = Pattern.compile("^#[0-9a-f]{6}$");

	private final BrandingRepository branding;

	private final Organizations organizations;

	private final ContentSniffing sniffing;

	private final Clock clock;

	PortalBranding(BrandingRepository branding, Organizations organizations, ContentSniffing sniffing, Clock clock) {
		this.branding = branding;
		this.organizations = organizations;
		this.sniffing = sniffing;
		this.clock = clock;
	}

	/** The organization's branding (its admins). */
	@Transactional(readOnly = true)
	public Branding settings(String orgRef, CurrentUser user) {
		OrganizationMembership org = this.organizations.administered(orgRef, user);
		return of(org.id(), org.slug());
	}

	@Transactional
	public Branding update(String orgRef, CurrentUser user, BrandingChange change) {
		OrganizationMembership org = this.organizations.administered(orgRef, user);
		this.branding.saveAccent(org.id(), accent(change == null ? null : change.accent()), Times.now(this.clock));
		return of(org.id(), org.slug());
	}

	/** Sets the logo: 413 over the limit, 400 for anything but PNG, JPEG or WebP. */
	@Transactional
	public Branding uploadLogo(String orgRef, CurrentUser user, byte[] content) {
		OrganizationMembership org = this.organizations.administered(orgRef, user);
		if (content == null || content.length == 0) {
			throw InvalidInputException.of("file", "is required: a PNG, JPEG or WebP image");
		}
		if (content.length > LOGO_MAX) {
			throw new LogoTooLargeException();
		}
		String type = this.sniffing.typeOf(content);
		if (!LOGO_TYPES.contains(type)) {
			throw InvalidInputException.of("file", "must be a PNG, JPEG or WebP image (this one is " + type + ")");
		}
		this.branding.saveLogo(org.id(), content, type, Tokens.hash(content).substring(0, 16), Times.now(this.clock));
		return of(org.id(), org.slug());
	}

	@Transactional
	public Branding removeLogo(String orgRef, CurrentUser user) {
		OrganizationMembership org = this.organizations.administered(orgRef, user);
		this.branding.saveLogo(org.id(), null, null, null, Times.now(this.clock));
		return of(org.id(), org.slug());
	}

	/** The branding of the organization's public pages and emails. */
	@Transactional(readOnly = true)
	public Branding of(UUID orgId, String orgSlug) {
		return this.branding.find(orgId)
			.map(row -> Branding.of(row.accent(),
					row.logoHash() == null ? null : "/status/" + orgSlug + "/logo?v=" + row.logoHash()))
			.orElse(Branding.NONE);
	}

	/** The branding of an organization by id (for emails composed without a request). */
	@Transactional(readOnly = true)
	Branding of(UUID orgId) {
		return this.organizations.byId(orgId).map(org -> of(org.id(), org.slug())).orElse(Branding.NONE);
	}

	/** The logo of a public status page's organization, if it has one. */
	@Transactional(readOnly = true)
	public Optional<Logo> logo(UUID orgId) {
		return this.branding.logo(orgId);
	}

	private static String accent(String value) {
		String accent = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		if (accent.isEmpty()) {
			return null;
		}
		if (!COLOUR.matcher(accent).matches()) {
			throw InvalidInputException.of("accent", "must be a colour like #1f6feb");
		}
		return accent;
	}

}
