package dev.fixpoint.notifications.web;

import dev.fixpoint.notifications.TestEmails;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;

/** Sends the site admin a test email over the SMTP server as it is set now. */
@ApiController
@Tag(name = "Administration")
class TestEmailApiController {

	record TestEmailSent(String to) {
	}

	private final TestEmails emails;

	TestEmailApiController(TestEmails emails) {
		this.emails = emails;
	}

	@PostMapping("/api/admin/settings/test-email")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "sendTestEmail",
			summary = "Send a test email to the caller over the SMTP server as it is set now, and wait for the server's answer")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	@ApiResponse(responseCode = "422", description = "No SMTP server is set, or it did not take the email")
	TestEmailSent send(@Authenticated CurrentUser user) {
		return new TestEmailSent(this.emails.send(user));
	}

}
