/**
 * The bug list page: filters, sort headers, keyset pages, counts and the CSV export link.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.list;
