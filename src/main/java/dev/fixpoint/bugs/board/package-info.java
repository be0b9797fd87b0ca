/**
 * The board ({@code /p/{KEY}/board}): one column per workflow status; a card moves
 * through the workflow by its "Move to…" select or by drag and drop (board.js), both a
 * plain form post to {@code board/move}. A refused move shows the workflow's reason; a
 * transition that requires fields asks for them in a dialog. Moves go through
 * {@code BugManagement.edit}. Templates under {@code src/main/jte/bugs/board}. Publishes
 * and listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.board;
