/**
 * Bug workflows as data: statuses with categories, transitions with the roles allowed to take them and the fields
 * they require, the built-in templates, and the decision "may this person move this bug from A to B?".
 * Pure rules: no database, no web.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.workflow;
