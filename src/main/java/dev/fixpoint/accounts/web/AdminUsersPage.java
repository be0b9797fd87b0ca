package dev.fixpoint.accounts.web;

import java.util.List;

import dev.fixpoint.accounts.OrganizationOverview;
import dev.fixpoint.accounts.Profile;

/** The site admin's page: people (searched) and organizations with their plans. */
public record AdminUsersPage(String query, List<Profile> users, List<OrganizationOverview> organizations,
		boolean plansOn, String notice, String error) {

	public List<String> plans() {
		return List.of("free", "team", "enterprise");
	}

}
