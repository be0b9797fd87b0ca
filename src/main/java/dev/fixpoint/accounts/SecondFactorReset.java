package dev.fixpoint.accounts;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery for a person who lost their phone and their recovery codes: a site admin
 * removes all their second factors (TOTP, recovery codes, passkeys, remembered devices),
 * after which they sign in with their password and set up a new one. The reset goes to
 * the audit log (who, whom, what was removed).
 */
@Service
public class SecondFactorReset {

	private static final Logger log = LoggerFactory.getLogger(SecondFactorReset.class);

	private final UserRepository users;

	private final SecondFactorRepository factors;

	private final PasskeyStore passkeys;

	private final RememberedDevices devices;

	private final AuditLog audit;

	SecondFactorReset(UserRepository users, SecondFactorRepository factors, PasskeyStore passkeys,
			RememberedDevices devices, AuditLog audit) {
		this.audit = audit;
		this.users = users;
		this.factors = factors;
		this.passkeys = passkeys;
		this.devices = devices;
	}

	@Transactional
	public void reset(CurrentUser admin, UUID userId) {
		if (!this.users.findById(admin.id()).map(UserRepository.UserRow::isSiteAdmin).orElse(false)) {
			throw ForbiddenException.because("Only site admins can reset someone's second factors");
		}
		this.users.findById(userId).orElseThrow(() -> NotFoundException.of("User"));
		boolean totp = this.factors.findTotp(userId).isPresent();
		this.factors.deleteTotp(userId);
		int passkeys = this.passkeys.deleteAll(userId);
		int devices = this.devices.forgetAll(userId);
		this.audit.record(AuditEvent.of("admin.second_factors_reset", admin.id())
			.target("user", userId, null)
			.change(null, Map.of("totp", totp, "passkeys", passkeys, "remembered_devices", devices)));
		log.warn("Second factors of user {} reset by site admin {} ({}): totp={}, passkeys={}, remembered devices={}",
				userId, admin.id(), admin.username(), totp, passkeys, devices);
	}

}
