package dev.fixpoint.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements a piece of work sends to PostgreSQL on the calling thread
 * (each execution of a prepared or plain statement, a JDBC batch counted once): wraps the
 * application's {@code DataSource}, records only while {@link #count} runs on that
 * thread. The evidence for how many statements filing a bug costs.
 */
@TestComponent
public class Statements implements BeanPostProcessor {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
			"executeLargeUpdate", "executeLargeBatch");

	/** Recorded where a transaction committed (not a statement). */
	public static final String COMMIT = "COMMIT";

	/**
	 * What the work returned and the statements it sent, in order, with {@link #COMMIT}
	 * where a transaction committed.
	 */
	public record Counted<T>(T result, List<String> sql) {

		/** The statements of the first transaction the work committed. */
		public List<String> firstTransaction() {
			int commit = this.sql.indexOf(COMMIT);
			return commit < 0 ? this.sql : this.sql.subList(0, commit);
		}

	}

	public static <T> Counted<T> count(Supplier<T> work) {
		List<String> sql = new ArrayList<>();
		RECORDING.set(sql);
		try {
			T result = work.get();
			return new Counted<>(result, List.copyOf(sql));
		}
		finally {
			RECORDING.remove();
		}
	}

	private static final List<String> EVERYWHERE = new java.util.concurrent.CopyOnWriteArrayList<>();

	private static volatile boolean everywhere;

	/**
	 * The statements every thread sends while the work runs: the server's request threads
	 * too, and any background job's, so count only what the test is about. One such count
	 * at a time.
	 */
	public static synchronized <T> Counted<T> countEverywhere(Supplier<T> work) {
		EVERYWHERE.clear();
		everywhere = true;
		try {
			T result = work.get();
			return new Counted<>(result, List.copyOf(EVERYWHERE));
		}
		finally {
			everywhere = false;
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
	}

	/** The application's pool, its connections wrapped; closing it closes the pool. */
	static final class Counting extends DelegatingDataSource implements AutoCloseable {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return wrap(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return wrap(super.getConnection(username, password));
		}

		@Override
		public void close() throws Exception {
			if (getTargetDataSource() instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}

		private static Connection wrap(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Statements.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						List<String> recorded = RECORDING.get();
						if (recorded != null && method.getName().equals("commit")) {
							recorded.add(COMMIT);
						}
						Object result = invoke(connection, method, args);
						if (result instanceof Statement statement) {
							String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
							return recording(statement, sql, method.getReturnType());
						}
						return result;
					});
		}

		private static Object recording(Statement statement, String preparedSql, Class<?> type) {
			InvocationHandler handler = (proxy, method, args) -> {
				List<String> sql = RECORDING.get();
				if (EXECUTIONS.contains(method.getName())) {
					String text = preparedSql != null ? preparedSql
							: args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
					if (sql != null) {
						sql.add(text);
					}
					if (everywhere) {
						EVERYWHERE.add(text);
					}
				}
				return invoke(statement, method, args);
			};
			return Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[] { type }, handler);
		}

		private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
