package org.wushe.hub.platform.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.wushe.hub.platform.actor.ActorFilter;
import org.wushe.hub.platform.actor.ActorResolver;
import org.wushe.hub.platform.actor.ActorTaskDecorator;
import org.wushe.hub.platform.events.TopicProvisioning;
import org.wushe.hub.platform.inbox.DeadLetterPublishing;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.platform.inbox.ProcessedEvents;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.replay.ReadModelReplay;
import org.wushe.hub.platform.replay.ReadModelReplayer;
import org.wushe.hub.platform.replay.ReplayController;
import org.wushe.hub.platform.tracing.EventTracing;
import org.wushe.hub.platform.tracing.JsonLinesSpanExporter;
import org.wushe.hub.platform.tracing.MicrometerEventTracing;
import org.wushe.hub.platform.web.BodySizeFilter;
import org.wushe.hub.platform.web.CleanStrings;
import org.wushe.hub.platform.web.ProblemDetailsAdvice;
import org.wushe.hub.platform.web.ServiceProblems;
import org.wushe.hub.platform.web.UniqueFields;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.schemas.SchemaCatalog;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;

/** Wires the platform into every service: outbox, idempotent inbound events, dead letters, problem details. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
public class WushePlatformAutoConfiguration {

    public static final String PLATFORM_MIGRATIONS = "classpath:db/wushe-platform";

    @Bean
    @ConditionalOnMissingBean
    public AvroEventCodec avroEventCodec() {
        AvroTrust.install();
        return new AvroEventCodec(SchemaCatalog.load());
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    public OutboxWriter outboxWriter(JdbcTemplate jdbc, AvroEventCodec codec, Clock clock, EventTracing tracing) {
        return new OutboxWriter(jdbc, codec, clock, tracing);
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    public ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    @ConditionalOnBean({JdbcTemplate.class, PlatformTransactionManager.class})
    public InboundEvents inboundEvents(
            AvroEventCodec codec,
            ProcessedEvents processed,
            PlatformTransactionManager tm,
            ObjectProvider<MeterRegistry> meters,
            EventTracing tracing) {
        return new InboundEvents(
                codec,
                processed,
                new TransactionTemplate(tm),
                meters.getIfAvailable(SimpleMeterRegistry::new),
                tracing);
    }

    /**
     * Traces through the outbox (platform.tracing): on Micrometer Tracing when the service has a tracer (Spring
     * Boot's OpenTelemetry support, or a test's), none otherwise.
     */
    @Bean
    @ConditionalOnMissingBean
    public EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null || t == Tracer.NOOP ? EventTracing.NONE : new MicrometerEventTracing(t, p);
    }

    /** {@code wushe.tracing.file}: every finished span as a JSON line, beside (or instead of) an OTLP endpoint. */
    @Bean
    @ConditionalOnProperty("wushe.tracing.file")
    @ConditionalOnClass(name = "io.opentelemetry.sdk.trace.export.SpanExporter")
    public JsonLinesSpanExporter wusheTraceFile(@Value("${wushe.tracing.file}") String file) {
        return new JsonLinesSpanExporter(java.nio.file.Path.of(file));
    }

    /**
     * Adds the platform's migrations (outbox, processed events) to the service's own. Platform versions
     * are 0.x, below every service's; a new platform migration (e.g. V0_2) must still apply to a
     * database whose service is at V2 already, hence out-of-order migration.
     */
    @Bean
    public FlywayConfigurationCustomizer wushePlatformMigrations() {
        return configuration -> {
            List<String> locations = new ArrayList<>(Arrays.stream(configuration.getLocations())
                    .map(Object::toString)
                    .toList());
            if (!locations.contains(PLATFORM_MIGRATIONS)) {
                locations.add(PLATFORM_MIGRATIONS);
            }
            configuration.locations(locations.toArray(String[]::new));
            configuration.outOfOrder(true);
        };
    }

    /** Scheduled jobs act as {@code system:<spring.application.name>} in the events they write. */
    @Configuration(proxyBeanMethods = false)
    static class ScheduledActor {
        @Bean
        ThreadPoolTaskSchedulerCustomizer wusheScheduledActor(
                @Value("${spring.application.name:unnamed-service}") String service) {
            return scheduler -> scheduler.setTaskDecorator(new ActorTaskDecorator(service));
        }

        @Bean
        SimpleAsyncTaskSchedulerCustomizer wusheScheduledActorOnVirtualThreads(
                @Value("${spring.application.name:unnamed-service}") String service) {
            return scheduler -> scheduler.setTaskDecorator(new ActorTaskDecorator(service));
        }
    }

    /** {@code POST /admin/replay} for a service that declares a {@link ReadModelReplay}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.cloud.stream.binding.BindingsLifecycleController")
    @ConditionalOnBean(ReadModelReplay.class)
    static class Replay {
        @Bean
        ReadModelReplayer readModelReplayer(
                ReadModelReplay declared,
                BindingsLifecycleController bindings,
                BindingServiceProperties properties,
                KafkaAdmin admin,
                JdbcTemplate jdbc,
                PlatformTransactionManager tm,
                Clock clock,
                @Value("${wushe.replay.group-empty-timeout:PT60S}") Duration groupEmptyTimeout,
                @Value("${wushe.replay.catch-up-timeout:PT2H}") Duration catchUpTimeout,
                @Value("${wushe.replay.poll-interval:PT0.25S}") Duration pollInterval) {
            return new ReadModelReplayer(
                    declared,
                    bindings,
                    properties,
                    admin.getConfigurationProperties(),
                    jdbc,
                    new TransactionTemplate(tm),
                    clock,
                    groupEmptyTimeout,
                    catchUpTimeout,
                    pollInterval);
        }

        @Bean
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        ReplayController readModelReplayController(ReadModelReplayer replayer) {
            return new ReplayController(replayer);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = "org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer")
    static class DeadLetters {
        @Bean
        @ConditionalOnMissingBean
        DeadLetterPublishing deadLetterPublishing(
                KafkaProperties kafka, KafkaAdmin admin, ObjectProvider<MeterRegistry> meters) {
            Map<String, Object> props = kafka.buildProducerProperties();
            DefaultKafkaProducerFactory<byte[], byte[]> factory =
                    new DefaultKafkaProducerFactory<>(props, new ByteArraySerializer(), new ByteArraySerializer());
            return new DeadLetterPublishing(
                    new KafkaTemplate<>(factory), admin, meters.getIfAvailable(SimpleMeterRegistry::new));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.kafka.core.KafkaAdmin")
    @ConditionalOnProperty(name = "wushe.topics.provision", havingValue = "true", matchIfMissing = true)
    static class Topics {
        @Bean
        KafkaAdmin.NewTopics wusheTopicCatalogue(@Value("${wushe.topics.partitions:6}") int partitions) {
            return TopicProvisioning.catalogue(partitions);
        }
    }

    /**
     * Tomcat reads and drops up to this much of a body the service refused (413 before reading it), so that a
     * client that does not wait for {@code 100 Continue} still gets the 413 instead of a reset connection.
     * Spring Boot's default is 2 MB; here 16 MB unless {@code server.tomcat.max-swallow-size} says otherwise.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory")
    static class TomcatSwallow {
        @Bean
        org.springframework.boot.web.server.WebServerFactoryCustomizer<
                        org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory>
                wusheMaxSwallowSize(@Value("${server.tomcat.max-swallow-size:16MB}") DataSize size) {
            return new org.springframework.boot.web.server.WebServerFactoryCustomizer<>() {
                @Override
                public void customize(org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory factory) {
                    factory.addConnectorCustomizers(connector -> {
                        if (connector.getProtocolHandler()
                                instanceof org.apache.coyote.http11.AbstractHttp11Protocol<?> http) {
                            http.setMaxSwallowSize((int) Math.min(Integer.MAX_VALUE, size.toBytes()));
                        }
                    });
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {
        @Bean
        @ConditionalOnMissingBean
        ProblemDetailsAdvice problemDetailsAdvice() {
            return new ProblemDetailsAdvice();
        }

        /** 409 problems for conflicts the database finds (duplicates, locks, deadlocks), for a service that names its unique constraints. */
        @Bean
        @ConditionalOnBean(UniqueFields.class)
        @ConditionalOnMissingBean
        ServiceProblems serviceProblems(UniqueFields unique) {
            return new ServiceProblems(unique);
        }

        /** Who makes a request, for an application without Spring Security: the X-Wushe-Actor header (with it, WusheSecurityAutoConfiguration declares the token subject instead). */
        @Bean
        @ConditionalOnMissingBean
        ActorResolver actorResolver() {
            return ActorResolver.HEADER;
        }

        /**
         * Puts the request's actor into {@link org.wushe.hub.platform.actor.Actor}. Order 0: after a security
         * filter chain (order -100), so a resolver can read the authenticated principal.
         */
        @Bean
        FilterRegistrationBean<ActorFilter> wusheActorFilter(
                ActorResolver resolver,
                @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> problems) {
            FilterRegistrationBean<ActorFilter> registration =
                    new FilterRegistrationBean<>(new ActorFilter(resolver, problems::getIfAvailable));
            registration.setOrder(0);
            registration.addUrlPatterns("/*");
            return registration;
        }

        /**
         * A number where the API expects an enum's name is bad input, not the enum's ordinal: Jackson
         * would otherwise read {@code "reason": 7} as the eighth symbol.
         */
        @Bean
        JsonMapperBuilderCustomizer wusheStrictEnums() {
            return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        }

        /**
         * A field the API does not know is bad input too (a typo such as {@code "urgencey"} would otherwise be
         * dropped without a word): 400 naming it, with the fields that are known.
         */
        @Bean
        JsonMapperBuilderCustomizer wusheStrictFields() {
            return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }

        /** No NUL characters or broken surrogate pairs in any string of a request body: 400 naming the field. */
        @Bean
        JsonMapperBuilderCustomizer wusheCleanStrings() {
            return builder -> builder.addModule(CleanStrings.module());
        }

        /** Request bodies above {@code wushe.web.max-body-size} (default 2 MB; uploads have their own limit) get 413. */
        @Bean
        FilterRegistrationBean<BodySizeFilter> wusheBodySizeFilter(
                @Value("${wushe.web.max-body-size:2MB}") DataSize max,
                @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> problems) {
            FilterRegistrationBean<BodySizeFilter> registration =
                    new FilterRegistrationBean<>(new BodySizeFilter(max.toBytes(), problems::getIfAvailable));
            registration.setOrder(-200);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }
}
