package com.thrivecenter.clinic;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that can note the prepared statements a piece of work runs through it on the calling thread, with
 * the values bound to them, and have H2 plan exactly those ({@link #plansOf}). What other threads run meanwhile (the
 * scheduler's jobs) is not noted.
 */
public final class RecordedStatements extends DelegatingDataSource {

    /** Work whose statements are planned. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** A statement as prepared, and the calls that bound its parameters. */
    private record Statement(String sql, List<Binding> bindings) {}

    private record Binding(Method setter, Object[] arguments) {}

    private final ThreadLocal<List<Statement>> recording = new ThreadLocal<>();

    /** Puts the site's data source behind one of these, for a test to autowire. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        static BeanPostProcessor recordedStatements() {
            return DataSourceWrapping.wrapping(RecordedStatements.class, RecordedStatements::new);
        }
    }

    public RecordedStatements(DataSource database) {
        super(database);
    }

    /** Runs the work, then returns H2's plan ({@code EXPLAIN}) of each statement it ran, in the order they ran. */
    public List<String> plansOf(Work work) throws Exception {
        List<Statement> statements = new ArrayList<>();
        recording.set(statements);
        try {
            work.run();
        } finally {
            recording.remove();
        }
        List<String> plans = new ArrayList<>();
        try (Connection connection = obtainTargetDataSource().getConnection()) {
            for (Statement statement : statements) {
                plans.add(plan(connection, statement));
            }
        }
        return plans;
    }

    private static String plan(Connection connection, Statement statement)
            throws SQLException, ReflectiveOperationException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
            for (Binding binding : statement.bindings()) {
                binding.setter().invoke(explain, binding.arguments());
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                return plan.getString(1);
            }
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return proxy(Connection.class, (method, arguments) -> {
            Object result = method.invoke(connection, arguments);
            List<Statement> statements = recording.get();
            if (statements != null && method.getName().equals("prepareStatement")) {
                Statement statement = new Statement((String) arguments[0], new ArrayList<>());
                statements.add(statement);
                return recording((PreparedStatement) result, statement);
            }
            return result;
        });
    }

    private static PreparedStatement recording(PreparedStatement prepared, Statement statement) {
        return proxy(PreparedStatement.class, (method, arguments) -> {
            if (method.getName().startsWith("set") && arguments != null && arguments[0] instanceof Integer) {
                statement.bindings().add(new Binding(method, arguments));
            }
            return method.invoke(prepared, arguments);
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] arguments) throws ReflectiveOperationException;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            try {
                return call.invoke(method, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
