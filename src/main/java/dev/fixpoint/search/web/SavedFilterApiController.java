package dev.fixpoint.search.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.search.SavedFilter;
import dev.fixpoint.search.SavedFilters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Search")
class SavedFilterApiController {

	record NewFilter(String name, String query, Boolean shared) {
	}

	record FilterList(List<SavedFilter> items) {
	}

	private final SavedFilters filters;

	SavedFilterApiController(SavedFilters filters) {
		this.filters = filters;
	}

	@GetMapping("/api/projects/{project}/filters")
	@Operation(operationId = "listSavedFilters",
			summary = "Saved filters the caller sees: their own and the shared ones")
	FilterList list(@PathVariable String project, @Authenticated CurrentUser user) {
		return new FilterList(this.filters.list(project, user));
	}

	@PostMapping("/api/projects/{project}/filters")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "saveFilter", summary = "Save a filter; shared ones are visible to every member")
	@ApiResponse(responseCode = "403", description = "A viewer may not share a filter")
	SavedFilter save(@PathVariable String project, @RequestBody NewFilter filter, @Authenticated CurrentUser user) {
		return this.filters.save(project, filter.name(), filter.query(), Boolean.TRUE.equals(filter.shared()), user);
	}

	@DeleteMapping("/api/filters/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteSavedFilter",
			summary = "Delete a saved filter (its owner, or a project admin for a shared one)")
	@ApiResponse(responseCode = "403", description = "Not the filter's owner or a project admin")
	void delete(@PathVariable UUID id, @Authenticated CurrentUser user) {
		this.filters.delete(id, user);
	}

}
