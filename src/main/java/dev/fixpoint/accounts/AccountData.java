package dev.fixpoint.accounts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's data protection rights (GDPR): a zip of everything Fixpoint keeps about them
 * (their profile, organizations, tokens, audit entries, and each module's part through
 * {@link PersonalData}), and deleting the account. A deleted account's row stays as
 * "Deleted user N", so bugs, comments and history keep their content and point at nobody;
 * sessions, tokens, links, notifications, preferences and memberships go; the audit log
 * loses their address, user agent and values naming them. Refused (409) when it would
 * leave an organization or project with members and no admin, or the installation without
 * a site admin.
 */
@Service
public class AccountData {

	private final UserRepository users;

	private final OrganizationRepository organizations;

	private final ObjectProvider<PersonalData> parts;

	private final Erasures erasures;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Credentials credentials;

	private final Clock clock;

	AccountData(UserRepository users, OrganizationRepository organizations, ObjectProvider<PersonalData> parts,
			Erasures erasures, AuditLog audit, JsonMapper json, Credentials credentials, Clock clock) {
		this.users = users;
		this.organizations = organizations;
		this.parts = parts;
		this.erasures = erasures;
		this.audit = audit;
		this.json = json;
		this.credentials = credentials;
		this.clock = clock;
	}

	/** Records that the person downloaded their data (before the download streams). */
	@Transactional
	public void exportStarted(CurrentUser user) {
		this.audit.record(AuditEvent.of("account.data_exported", user.id()).target("user", user.id(), null));
	}

	/**
	 * Writes the zip: {@code profile.json}, {@code audit.json}, one JSON array per module
	 * part, each item read and written one at a time, then the parts' files (the
	 * attachments the person uploaded) under {@code files/}, streamed.
	 */
	@Transactional(readOnly = true)
	public void export(CurrentUser user, OutputStream out) {
		Profile profile = this.users.profile(user.id()).orElseThrow(() -> NotFoundException.of("User"));
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			Map<String, Object> account = new LinkedHashMap<>();
			account.put("profile", profile);
			account.put("organizations", this.organizations.findForUser(user.id()));
			account.put("api_tokens", this.erasures.tokens(user.id()));
			account.put("exported_at", Times.now(this.clock));
			zip.putNextEntry(new ZipEntry("profile.json"));
			zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(account));
			zip.closeEntry();
			array(zip, "audit", each -> this.audit.forEachOfPerson(user.id(), each::accept));
			for (PersonalData part : this.parts.orderedStream().toList()) {
				array(zip, part.name(), each -> part.export(user.id(), each));
			}
			for (PersonalData part : this.parts.orderedStream().toList()) {
				part.exportFiles(user.id(), (path, content) -> {
					zip.putNextEntry(new ZipEntry(path));
					content.transferTo(zip);
					zip.closeEntry();
				});
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Deletes the caller's own account, after checking their password. */
	@Transactional
	public void deleteOwn(CurrentUser user, String password, Caller caller) {
		UserRepository.UserRow row = this.users.findById(user.id()).orElseThrow(() -> NotFoundException.of("User"));
		if (!this.credentials.matches(row, password, caller.clientIp())) {
			throw InvalidInputException.of("password", "is not your password");
		}
		erase(user.id(), user.id());
	}

	/**
	 * Deletes an account (the person's own request, or a site admin acting on one:
	 * checked by the caller).
	 * @return the name the account has now
	 */
	@Transactional
	public String erase(UUID userId, UUID actorId) {
		Profile person = this.users.profile(userId)
			.filter(p -> !this.erasures.deleted(userId))
			.orElseThrow(() -> NotFoundException.of("User"));
		List<String> refusals = new ArrayList<>();
		if (person.siteAdmin() && this.erasures.siteAdmins() <= 1) {
			refusals.add("the installation needs another site admin first");
		}
		this.erasures.orphanedOrganizations(userId)
			.forEach(org -> refusals
				.add("you are the last admin of the organization " + org + ": make another member admin first"));
		if (!refusals.isEmpty()) {
			throw ConflictException.because("The account cannot be deleted yet: " + String.join("; ", refusals));
		}
		this.parts.orderedStream().forEach(part -> part.checkErasable(userId));
		long number = this.erasures.nextNumber();
		PersonalData.Erasure erasure = new PersonalData.Erasure(userId, person.name(), person.username(),
				person.email(), "Deleted user " + number, "deleted-user-" + number);
		this.erasures.leaveOrganizations(userId);
		this.parts.orderedStream().forEach(part -> part.erase(erasure));
		this.erasures.endAccess(userId);
		this.audit.redact(userId, List.of(person.email(), person.username(), person.name()));
		this.erasures.anonymise(erasure, Times.now(this.clock));
		this.audit.record(AuditEvent.of("account.deleted", actorId)
			.target("user", userId, erasure.newName())
			.change(null, Map.of("by", actorId.equals(userId) ? "self" : "site_admin")));
		return erasure.newName();
	}

	private void array(ZipOutputStream zip, String name, Consumer<Consumer<Object>> items) throws IOException {
		zip.putNextEntry(new ZipEntry(name + ".json"));
		zip.write('[');
		boolean[] first = { true };
		items.accept(item -> {
			try {
				zip.write(first[0] ? "\n".getBytes(StandardCharsets.UTF_8) : ",\n".getBytes(StandardCharsets.UTF_8));
				first[0] = false;
				zip.write(this.json.writeValueAsBytes(item));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		zip.write("\n]\n".getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
