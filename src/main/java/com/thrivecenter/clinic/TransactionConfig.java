package com.thrivecenter.clinic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions are written out with {@link TransactionTemplate}, never {@code @Transactional}: Boot's transaction
 * auto-configuration is left out ({@link SiteApplication}), as its proxying searched every bean's methods for the
 * annotation at each start, about 4 % of the start's main thread. {@code TransactionsAreWrittenOutTests} keeps the
 * annotation out, as it would now be ignored.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfig {

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }
}
