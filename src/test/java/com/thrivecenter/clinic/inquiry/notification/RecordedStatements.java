package com.thrivecenter.clinic.inquiry.notification;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that notes every prepared statement run through it, with the values bound to it, so that a test can
 * ask the database how it plans exactly what the code ran ({@link #plans}).
 */
final class RecordedStatements extends DelegatingDataSource {

    /** A statement as prepared, and the calls that bound its parameters. */
    private record Statement(String sql, List<Binding> bindings) {}

    private record Binding(Method setter, Object[] arguments) {}

    private final List<Statement> statements = new ArrayList<>();

    RecordedStatements(DataSource database) {
        super(database);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return proxy(Connection.class, connection, (method, arguments) -> {
            Object result = method.invoke(connection, arguments);
            if (method.getName().equals("prepareStatement")) {
                Statement statement = new Statement((String) arguments[0], new ArrayList<>());
                statements.add(statement);
                return recording((PreparedStatement) result, statement);
            }
            return result;
        });
    }

    private static PreparedStatement recording(PreparedStatement prepared, Statement statement) {
        return proxy(PreparedStatement.class, prepared, (method, arguments) -> {
            if (method.getName().startsWith("set") && arguments != null && arguments[0] instanceof Integer) {
                statement.bindings().add(new Binding(method, arguments));
            }
            return method.invoke(prepared, arguments);
        });
    }

    /** H2's plan ({@code EXPLAIN}) of each statement recorded so far, in the order they ran. */
    List<String> plans() throws SQLException {
        List<String> plans = new ArrayList<>();
        try (Connection connection = obtainTargetDataSource().getConnection()) {
            for (Statement statement : statements) {
                try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
                    for (Binding binding : statement.bindings()) {
                        binding.setter().invoke(explain, binding.arguments());
                    }
                    try (var plan = explain.executeQuery()) {
                        plan.next();
                        plans.add(plan.getString(1));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return plans;
    }

    private interface Call {
        Object invoke(Method method, Object[] arguments) throws ReflectiveOperationException;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
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
