/**
 * People and how they prove who they are: users, passwords, login throttling, API tokens
 * (login and personal), organizations and their members, and the first-run setup of an
 * installation.
 * <p>
 * Owns the tables {@code users}, {@code organizations}, {@code organization_members},
 * {@code api_tokens}, {@code account_links} (single-use emailed links, hashed),
 * {@code instance_settings}, the sequence {@code deleted_user_number}, second factors
 * ({@code user_totp}, {@code recovery_codes}, {@code passkey_users}, {@code passkeys},
 * {@code remembered_devices}), single sign-on ({@code sso_providers},
 * {@code sso_identities}) and Spring Session's {@code spring_session} tables. Public API:
 * {@link dev.fixpoint.accounts.Accounts} (signup, login, logout, personal tokens, user
 * lookup), {@link dev.fixpoint.accounts.Organizations},
 * {@link dev.fixpoint.accounts.Signup}, {@link dev.fixpoint.accounts.UserSummary} (a user
 * as other people see them), {@link dev.fixpoint.accounts.SystemActor} (the named actors
 * that are not people: System, GitHub, GitLab, Slack, Portal, Import; {@code users} rows
 * of kind {@code system} that sign-in never finds),
 * {@link dev.fixpoint.accounts.SecondFactors} (TOTP and recovery codes),
 * {@link dev.fixpoint.accounts.TwoFactorPolicy} (an organization requiring them),
 * {@link dev.fixpoint.accounts.Passkeys} (WebAuthn),
 * {@link dev.fixpoint.accounts.RememberedDevices},
 * {@link dev.fixpoint.accounts.SecondFactorReset} (a site admin's reset),
 * {@link dev.fixpoint.accounts.SingleSignOn} and
 * {@link dev.fixpoint.accounts.SsoSettings} (OpenID Connect).
 * <p>
 * Rules: passwords are hashed with the application's BCrypt {@code PasswordEncoder};
 * token secrets are 256 random bits, stored only as SHA-256 ({@code Tokens});
 * {@code LoginThrottle} (bucket4j) limits failed logins per account and per client
 * address; an unknown email is checked against a dummy hash, so it takes as long as a
 * wrong password and gets the same 401. {@code ApiTokens} implements
 * {@link dev.fixpoint.platform.ApiTokenVerifier} for the API's filter chain. Until the
 * first user exists, {@code web.SetupGate} sends every page to the setup page.
 * <p>
 * Self-service: {@link dev.fixpoint.accounts.AccountSettings} (profile, password change
 * revoking every other session and token, sessions, email change),
 * {@link dev.fixpoint.accounts.EmailLinks} (password reset: 1 h, single use, throttled by
 * {@code ResetThrottle}, one answer for unknown addresses; email change confirmation),
 * {@link dev.fixpoint.accounts.SiteAdmin} (deactivation: sign-in and tokens refused,
 * sessions deleted), {@link dev.fixpoint.accounts.Plans} ({@code FIXPOINT_PLANS}),
 * {@link dev.fixpoint.accounts.OrgAuditLog} (an organization's audit log for its admins,
 * the installation's for site admins), {@link dev.fixpoint.accounts.Invitations}
 * (organization invitations by email: 7 days, single use, with a role; they create the
 * account), email verification ({@code EmailLinks}, 7 days),
 * {@link dev.fixpoint.accounts.InstanceSettings} (sign-up rules, verified email required,
 * the SMTP server sealed with {@code SecretBox}; publishes
 * {@link dev.fixpoint.accounts.InstanceSettingsChanged}),
 * {@link dev.fixpoint.accounts.AccountData} (GDPR: export zip, deletion as "Deleted user
 * N"; modules contribute through {@link dev.fixpoint.accounts.PersonalData} beans) and
 * {@code Retention} (audit entries, expired tokens, spent links, expired sessions;
 * hourly, one node per round by advisory lock). Records its security events in
 * {@link dev.fixpoint.audit.AuditLog}. Publishes
 * {@link dev.fixpoint.accounts.AccountEmailRequested} (delivered by notifications through
 * the outbox); listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.accounts;
