package dev.fixpoint.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.EmptySqlParameterSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The plan of a statement a repository runs, from {@code EXPLAIN (FORMAT JSON)}. Plan
 * text and the index picked among equally good ones change across PostgreSQL versions;
 * what a query relies on must not, so tests check that: which index serves it, what is an
 * index condition, how many rows are read. The statement is the first one {@code call}
 * runs through the JdbcClient it is given (which stops there), explained with its
 * parameters through the application's JdbcClient in a rolled-back transaction (ANALYZE
 * of an update changes nothing; {@code before} may set or drop).
 */
public record QueryPlan(Node root) {

	/**
	 * A plan node; {@code table}: the table a scan reads, an index's table (from
	 * pg_indexes) for index scans.
	 */
	public record Node(String type, String table, String index, String indexCond, double rowsRead, List<Node> below) {

		public Stream<Node> all() {
			return Stream.concat(Stream.of(this), this.below.stream().flatMap(Node::all));
		}

		/** Searched with a condition on {@code column} (not just filtered by it). */
		public boolean searchesBy(String column) {
			return this.indexCond != null && this.indexCond.matches("(?s).*\\b" + column + "\\b.*");
		}

		/**
		 * One line a node, those it reads from indented below it (for failure messages
		 * and logs).
		 */
		@Override
		public String toString() {
			return this.type + (this.index == null ? "" : " using " + this.index)
					+ (this.table == null ? "" : " on " + this.table)
					+ (this.indexCond == null ? "" : " [" + this.indexCond + "]")
					+ (this.rowsRead == 0 ? "" : " read " + this.rowsRead)
					+ String.join("", this.below.stream().map(n -> ("\n" + n).replace("\n", "\n  ")).toList());
		}

	}

	public static QueryPlan explain(JdbcClient jdbc, TransactionOperations tx, Consumer<JdbcClient> call,
			String... before) {
		return plan(jdbc, tx, "format json", call, before);
	}

	/** Runs the statement (rolled back): the plan has the rows actually read. */
	public static QueryPlan analyze(JdbcClient jdbc, TransactionOperations tx, Consumer<JdbcClient> call,
			String... before) {
		return plan(jdbc, tx, "analyze, format json", call, before);
	}

	/**
	 * The generic plan of the statement: the plan PostgreSQL may reuse for any values of
	 * its parameters (prepared, then explained with {@code plan_cache_mode =
	 * force_generic_plan}). The statement must not hold a literal {@code ?}.
	 */
	public static QueryPlan generic(JdbcClient jdbc, TransactionOperations tx, Consumer<JdbcClient> call,
			String... before) {
		Object[] statement = capture(call);
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement((String) statement[0]);
		String[] parts = NamedParameterUtils.substituteNamedParameters(parsed, (SqlParameterSource) statement[1])
			.split("\\?", -1);
		StringBuilder sql = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			sql.append('$').append(i).append(parts[i]);
		}
		String name = "generic_" + java.util.UUID.randomUUID().toString().replace("-", "");
		String nulls = String.join(", ", java.util.Collections.nCopies(parts.length - 1, "null"));
		String[] setup = Stream
			.concat(Stream.of(before),
					Stream.of("set local plan_cache_mode = force_generic_plan", "prepare " + name + " as " + sql))
			.toArray(String[]::new);
		// a prepared statement outlives the transaction on its pooled connection
		return plan(jdbc, tx, "format json",
				new Object[] { "execute " + name + "(" + nulls + ")", new MapSqlParameterSource() },
				"deallocate " + name, setup);
	}

	private static QueryPlan plan(JdbcClient jdbc, TransactionOperations tx, String options, Consumer<JdbcClient> call,
			String... before) {
		return plan(jdbc, tx, options, capture(call), null, before);
	}

	private static QueryPlan plan(JdbcClient jdbc, TransactionOperations tx, String options, Object[] statement,
			String after, String... before) {
		return tx.execute(status -> {
			status.setRollbackOnly();
			Stream.of(before).forEach(sql -> jdbc.sql(sql).update());
			String json = jdbc.sql("explain (" + options + ") " + statement[0])
				.paramSource((SqlParameterSource) statement[1])
				.query(String.class)
				.single();
			if (after != null) {
				jdbc.sql(after).update();
			}
			JsonNode plan = JsonMapper.shared().readTree(json).get(0).get("Plan");
			Map<String, String> tables = new HashMap<>();
			jdbc.sql("select indexname, tablename from pg_indexes "
					+ "where schemaname = current_schema() and indexname = any(:indexes)")
				.param("indexes", plan.findValuesAsString("Index Name").toArray(String[]::new))
				.query((rs, n) -> tables.put(rs.getString(1), rs.getString(2)))
				.list();
			return new QueryPlan(node(plan, tables));
		});
	}

	private static Node node(JsonNode n, Map<String, String> tables) {
		String type = n.path("Node Type").asString(), index = n.path("Index Name").asString(null);
		String relation = n.path("Relation Name").asString(null);
		double read = relation == null || !type.endsWith("Scan") ? 0
				: n.path("Actual Loops").asDouble(0)
						* (n.path("Actual Rows").asDouble(0) + n.path("Rows Removed by Filter").asDouble(0)
								+ n.path("Rows Removed by Index Recheck").asDouble(0));
		return new Node(type, index == null ? relation : tables.get(index), index, n.path("Index Cond").asString(null),
				read, n.path("Plans").values().stream().map(child -> node(child, tables)).toList());
	}

	public boolean usesIndex(String index) {
		return this.root.all().anyMatch(n -> index.equals(n.index()));
	}

	/** {@code index} is read in its order (not into a bitmap). */
	public boolean walksIndex(String index) {
		return this.root.all().anyMatch(n -> index.equals(n.index()) && n.type().matches("Index (Only )?Scan"));
	}

	/**
	 * Some index of {@code table} serves the query (its table looked up, not guessed from
	 * its name).
	 */
	public boolean usesIndexOn(String table) {
		return this.root.all().anyMatch(n -> n.index() != null && table.equals(n.table()));
	}

	public boolean seqScanOn(String table) {
		return this.root.all().anyMatch(n -> n.type().equals("Seq Scan") && table.equals(n.table()));
	}

	/** An index of {@code table} is searched with a condition on {@code column}. */
	public boolean indexConditionOn(String table, String column) {
		return this.root.all().anyMatch(n -> table.equals(n.table()) && n.searchesBy(column));
	}

	/** Rows the scans read, kept or filtered out (with {@link #analyze}; 0 otherwise). */
	public double rowsRead() {
		return this.root.all().mapToDouble(Node::rowsRead).sum();
	}

	/**
	 * SQL and SqlParameterSource of the first statement {@code call} runs: the JdbcClient
	 * it is given stops there.
	 */
	private static Object[] capture(Consumer<JdbcClient> call) {
		List<Object[]> first = new ArrayList<>();
		InvocationHandler stop = (proxy, method, args) -> {
			if (method.getName().equals("getJdbcOperations")) {
				return proxy; // a JdbcOperations too: statements without named parameters
								// are refused
			}
			if (args != null && args.length >= 2 && args[1] instanceof SqlParameterSource params) {
				first.add(new Object[] { args[0], params });
			}
			else if (args != null && args[0] instanceof String sql && withoutParameters(args)) {
				first.add(new Object[] { sql, EmptySqlParameterSource.INSTANCE });
			}
			else {
				throw new UnsupportedOperationException("only statements with named parameters or none are explained");
			}
			throw new CancellationException();
		};
		ClassLoader loader = QueryPlan.class.getClassLoader();
		Class<?>[] types = { NamedParameterJdbcOperations.class, JdbcOperations.class };
		try {
			call.accept(JdbcClient.create((NamedParameterJdbcOperations) Proxy.newProxyInstance(loader, types, stop)));
		}
		catch (CancellationException stopped) {
			// at the first statement
		}
		return first.stream().findFirst().orElseThrow(() -> new AssertionError("ran no statement"));
	}

	/**
	 * A JdbcOperations call with no parameter values: (sql, mapper) or (sql, mapper, []).
	 */
	private static boolean withoutParameters(Object[] args) {
		return args.length == 2 || (args.length == 3 && args[2] instanceof Object[] values && values.length == 0);
	}

}
