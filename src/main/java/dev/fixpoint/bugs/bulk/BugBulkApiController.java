package dev.fixpoint.bugs.bulk;

import java.util.List;

import dev.fixpoint.bugs.BugBulk;
import dev.fixpoint.bugs.BulkEdit;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@ApiController
@Tag(name = "Bugs")
class BugBulkApiController {

	record BulkResults(List<BulkResult> items) {
	}

	private final BugBulk bulk;

	BugBulkApiController(BugBulk bulk) {
		this.bulk = bulk;
	}

	@PostMapping("/api/projects/{project}/bugs/bulk")
	@Operation(operationId = "bulkEditBugs",
			summary = "Change many bugs; each is checked like a single PATCH and gets its own result")
	BulkResults bulk(@PathVariable String project, @RequestBody BulkEdit edit, @Authenticated CurrentUser user) {
		return new BulkResults(BulkResult.of(this.bulk.apply(project, edit, user)));
	}

}
