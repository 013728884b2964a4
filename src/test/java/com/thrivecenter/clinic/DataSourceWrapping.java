package com.thrivecenter.clinic;

import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Puts the site's data source behind a wrapper of a test's own, so the test can watch or break what it does. */
public final class DataSourceWrapping {

    private DataSourceWrapping() {}

    /** A post-processor that wraps the data source bean once (a wrapper is itself a data source). */
    public static <T extends DataSource> BeanPostProcessor wrapping(Class<T> type, Function<DataSource, T> wrapper) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource source && !type.isInstance(bean) ? wrapper.apply(source) : bean;
            }
        };
    }
}
