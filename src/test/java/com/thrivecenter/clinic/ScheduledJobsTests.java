package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.util.ClassUtils;

/**
 * Every {@code @Scheduled} method of every bean, the framework's included, is scheduled, although only the site's
 * beans are searched for the annotation ({@link SchedulingConfig}).
 */
@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
class ScheduledJobsTests {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ScheduledTaskHolder tasks;

    @Test
    void everyScheduledMethodOfEveryBeanIsScheduled() {
        Set<String> annotated = Arrays.stream(context.getBeanDefinitionNames())
                .map(context.getBeanFactory()::getType)
                .filter(type -> type != null)
                .flatMap(type -> MethodIntrospector.selectMethods(
                        ClassUtils.getUserClass(type), (MethodIntrospector.MetadataLookup<Boolean>)
                                method -> AnnotatedElementUtils.hasAnnotation(method, Scheduled.class) ? true : null)
                        .keySet()
                        .stream())
                .map(method -> method.getDeclaringClass().getName() + "." + method.getName())
                .collect(Collectors.toSet());

        assertThat(scheduledMethods()).containsAll(annotated);
        assertThat(annotated)
                .contains(
                        "com.thrivecenter.clinic.inquiry.notification.NotificationSender.sendDue",
                        "com.thrivecenter.clinic.instances.RunningInstances.heartbeat",
                        "com.thrivecenter.clinic.staff.inbox.RetentionJob.deleteExpired");
    }

    /** The scheduled methods' names: Spring wraps each task, and the wrapper names the method it runs. */
    private Set<String> scheduledMethods() {
        return tasks.getScheduledTasks().stream()
                .map(task -> task.getTask().getRunnable().toString())
                .collect(Collectors.toSet());
    }
}
