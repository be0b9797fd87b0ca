/**
 * The board: one column per workflow status, drag a card to move a bug through the workflow.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.board;
