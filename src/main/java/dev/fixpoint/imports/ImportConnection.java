package dev.fixpoint.imports;

/**
 * Where an import reads another tracker's REST API (the token travels apart and is stored
 * sealed, only until the job ends).
 *
 * @param url the tracker's address ({@code https://acme.atlassian.net},
 * {@code https://redmine.example.com}; GitHub: {@code https://api.github.com} or a GitHub
 * Enterprise API root)
 * @param user Jira's account email (Cloud: basic authentication with the API token);
 * blank for a bearer token (Jira Server/Data Center personal token, GitHub), unused by
 * Redmine (its API key)
 * @param scope what to import: a Jira project key or a JQL query, a Redmine project
 * identifier, a GitHub {@code owner/repository}
 */
public record ImportConnection(String url, String user, String scope) {
}
