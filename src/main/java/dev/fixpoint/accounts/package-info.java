/**
 * People and how they prove who they are: users, passwords, login throttling, API tokens (login and personal),
 * organizations and their members, and the first-run setup of an installation.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.accounts;
