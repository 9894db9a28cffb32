package org.wushe.hub.socialworker.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The centre report page's short addresses: {@code /reports/} serves {@code /reports/index.html}. */
@Configuration(proxyBeanMethods = false)
public class ReportPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/reports/").setViewName("forward:/reports/index.html");
        registry.addRedirectViewController("/reports", "/reports/");
    }
}
