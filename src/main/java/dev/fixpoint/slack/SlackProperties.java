package dev.fixpoint.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The instance's Slack app, bound from {@code fixpoint.slack.*}.
 *
 * @param signingSecret the signing secret of the instance's Slack app
 * ({@code FIXPOINT_SLACK_SIGNING_SECRET}); a workspace connected with a pasted bot token
 * and its own signing secret uses that one
 * @param clientId "Add to Slack" (OAuth v2): the app's client id
 * ({@code FIXPOINT_SLACK_CLIENT_ID})
 * @param clientSecret its client secret ({@code FIXPOINT_SLACK_CLIENT_SECRET})
 * @param apiUrl Slack's Web API ({@code FIXPOINT_SLACK_API_URL}; tests point it at a
 * stand-in)
 * @param authorizeUrl where "Add to Slack" sends the admin
 */
@ConfigurationProperties("fixpoint.slack")
record SlackProperties(String signingSecret, String clientId, String clientSecret,
		@DefaultValue("https://slack.com/api") String apiUrl,
		@DefaultValue("https://slack.com/oauth/v2/authorize") String authorizeUrl) {

	/**
	 * "Add to Slack" needs the app's client id and secret, and its signing secret for
	 * what it then sends.
	 */
	boolean oauthConfigured() {
		return this.clientId != null && !this.clientId.isBlank() && this.clientSecret != null
				&& !this.clientSecret.isBlank() && hasSigningSecret();
	}

	boolean hasSigningSecret() {
		return this.signingSecret != null && !this.signingSecret.isBlank();
	}

}
