package org.unionhub.identity.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.unionhub.identity.PublicEndpoints;
import org.unionhub.identity.SignIn;
import org.unionhub.identity.StaffPrincipal;

/**
 * Two filter chains: the JSON API under {@code /api/**} (stateless; HTTP Basic for staff scripts, bearer tokens for
 * partners; errors as JSON) and the console (form login, session, CSRF). Permissions are checked on each endpoint
 * with {@code @PreAuthorize}; the data scope is checked by the module that owns the data.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** API paths open without signing in besides those the modules declare as {@link PublicEndpoints}. */
    static final String[] PUBLIC_API = {"/api/v1/ping"};

    static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
        "/actuator/health", "/actuator/health/*", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    /**
     * No observations of the filter chain, authentications or authorizations: a dozen observations per request (one
     * per filter) cost about a tenth of the app's CPU on an API call and fed timers nothing reads. Each request is
     * still timed once ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(StaffAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager, SignIn signIn,
            ApiProblemWriter problems, List<PublicEndpoints> modules) throws Exception {
        String[] open = Stream.concat(Stream.of(PUBLIC_API), modules.stream().flatMap(m -> m.api().stream()))
                .toArray(String[]::new);
        return http
                .securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED")))
                .addFilterBefore(new PartnerTokenFilter(signIn, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED"))
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(open).permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, AuthenticationManager authenticationManager, SignIn signIn,
            List<PublicEndpoints> modules) throws Exception {
        String[] open = Stream.concat(Stream.of(PUBLIC_PAGES), modules.stream().flatMap(m -> m.pages().stream()))
                .toArray(String[]::new);
        var onSuccess = new SavedRequestAwareAuthenticationSuccessHandler();
        onSuccess.setDefaultTargetUrl("/");
        return http
                .authenticationManager(authenticationManager)
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            signIn.recordSignIn((StaffPrincipal) authentication.getPrincipal());
                            onSuccess.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                "/login?error=" + (e instanceof org.springframework.security.authentication.LockedException
                                        ? "locked" : "bad"))))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(open).permitAll()
                        .anyRequest().authenticated())
                .build();
    }
}
