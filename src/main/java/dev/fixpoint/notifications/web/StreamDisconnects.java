package dev.fixpoint.notifications.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A browser that leaves a page closes its event stream: that is normal, not an error
 * worth a log line (the page error handler would log it as unexpected).
 */
@ControllerAdvice(assignableTypes = NotificationPageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StreamDisconnects {

	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void disconnected() {
		// nothing to answer: the client is gone
	}

}
