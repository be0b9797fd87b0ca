package dev.fixpoint.bugs;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkPathsTest {

	private final UUID a = id(1), b = id(2), c = id(3), d = id(4), e = id(5);

	@Test
	void aLinkWithoutAWayBackClosesNoCycle() {
		// a → b is new; b → c → d exists, nothing leads back to a
		List<LinkPaths.Edge> fromB = List.of(edge(this.b, this.c), edge(this.c, this.d));
		assertThat(LinkPaths.cycle(this.a, this.b, fromB)).isEmpty();
	}

	@Test
	void aLinkBackToTheStartIsADirectCycle() {
		assertThat(LinkPaths.cycle(this.a, this.b, List.of(edge(this.b, this.a))))
			.contains(List.of(this.a, this.b, this.a));
	}

	@Test
	void theCycleIsTheShortestWayRoundNamedFromTheNewLink() {
		// b → c → d → a and also b → e → a: the loop reported goes through e
		List<LinkPaths.Edge> fromB = List.of(edge(this.b, this.c), edge(this.c, this.d), edge(this.d, this.a),
				edge(this.b, this.e), edge(this.e, this.a));
		assertThat(LinkPaths.cycle(this.a, this.b, fromB)).contains(List.of(this.a, this.b, this.e, this.a));
	}

	@Test
	void aDiamondIsNoCycle() {
		// b → c → e, b → d → e: two ways to e, none back to a
		List<LinkPaths.Edge> fromB = List.of(edge(this.b, this.c), edge(this.b, this.d), edge(this.c, this.e),
				edge(this.d, this.e));
		assertThat(LinkPaths.cycle(this.a, this.b, fromB)).isEmpty();
	}

	@Test
	void aLoopElsewhereDoesNotHangTheSearch() {
		List<LinkPaths.Edge> fromB = List.of(edge(this.b, this.c), edge(this.c, this.d), edge(this.d, this.b));
		assertThat(LinkPaths.cycle(this.a, this.b, fromB)).isEmpty();
	}

	@Test
	void aBugLinkedToItselfIsACycleOfOne() {
		assertThat(LinkPaths.cycle(this.a, this.a, List.of())).contains(List.of(this.a, this.a));
	}

	@Test
	void thePathBetweenTwoBugsIncludesBothEnds() {
		List<LinkPaths.Edge> edges = List.of(edge(this.a, this.b), edge(this.b, this.c));
		assertThat(LinkPaths.path(this.a, this.c, edges)).contains(List.of(this.a, this.b, this.c));
		assertThat(LinkPaths.path(this.c, this.a, edges)).isEmpty();
	}

	private static LinkPaths.Edge edge(UUID from, UUID to) {
		return new LinkPaths.Edge(from, to);
	}

	private static UUID id(int n) {
		return new UUID(0, n);
	}

}
