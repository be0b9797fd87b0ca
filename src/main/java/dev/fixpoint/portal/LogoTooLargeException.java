package dev.fixpoint.portal;

import java.util.Map;

import dev.fixpoint.platform.LimitExceededException;

/** A logo over {@link PortalBranding#LOGO_MAX} bytes: nothing was stored. */
public final class LogoTooLargeException extends LimitExceededException {

	public LogoTooLargeException() {
		super("A logo may be at most " + (PortalBranding.LOGO_MAX >> 10) + " KB; nothing was stored",
				Map.of("reason", "logo-too-large", "limit_bytes", PortalBranding.LOGO_MAX));
	}

}
