package org.wushe.hub.platform.i18n;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The catalogue ({@link Messages}) as the context's {@code messageSource}, and the request's language from
 * {@code Accept-Language}, Chinese by default (the servlet container's own default would be the machine's).
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
            "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
            "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration"
        })
public class MessagesAutoConfiguration {

    @Bean(name = "messageSource")
    MessageSource messageSource() {
        return new HubMessageSource();
    }

    /**
     * The validator Spring Boot would make, with messages by the hub's rule ({@link BilingualMessageInterpolator}):
     * Hibernate Validator's messages in both languages, the catalogue's for {@code "{code}"} messages.
     */
    @Bean
    @ConditionalOnMissingBean(jakarta.validation.Validator.class)
    @org.springframework.context.annotation.Role(
            org.springframework.beans.factory.config.BeanDefinition.ROLE_INFRASTRUCTURE)
    static LocalValidatorFactoryBean defaultValidator(ApplicationContext context) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setMessageInterpolator(
                new BilingualMessageInterpolator(new MessageInterpolatorFactory(context).getObject()));
        return validator;
    }

    @Bean(name = "localeResolver")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return Messages.language(request).locale();
            }
        };
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }
}
