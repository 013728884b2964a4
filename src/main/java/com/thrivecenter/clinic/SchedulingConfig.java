package com.thrivecenter.clinic;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.TaskManagementConfigUtils;
import org.springframework.util.ClassUtils;

/**
 * What {@code @EnableScheduling} sets up, except that only the site's own beans are searched for {@code @Scheduled}.
 * Spring's processor looks through every method of every bean, the framework's hundreds too, as the site starts:
 * about 5 % of the production recipe's main thread. No library bean of the site's has a {@code @Scheduled} method
 * (Spring Session purges expired sessions on a scheduler of its own). The processor has Spring's own bean name,
 * which is what Boot looks for before it sets up the task scheduler ({@code spring.task.scheduling}).
 * {@code ScheduledJobsTests} checks that every {@code @Scheduled} method of every bean is scheduled.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfig {

    private static final String SITE_PACKAGE = SchedulingConfig.class.getPackageName() + ".";

    @Bean(name = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME)
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ScheduledAnnotationBeanPostProcessor scheduledAnnotationProcessor() {
        return new ScheduledAnnotationBeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return ClassUtils.getUserClass(bean).getName().startsWith(SITE_PACKAGE)
                        ? super.postProcessAfterInitialization(bean, beanName)
                        : bean;
            }
        };
    }
}
