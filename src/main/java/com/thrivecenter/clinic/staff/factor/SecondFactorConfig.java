package com.thrivecenter.clinic.staff.factor;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.MailServer;
import com.thrivecenter.clinic.inquiry.InquiryProperties;
import com.thrivecenter.clinic.staff.account.StaffAccountRepository;
import com.thrivecenter.clinic.staff.account.StaffUserDetailsService;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.ForwardAuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The second factor, with Spring Security's own multi-factor support: after the password, a one-time code sent by
 * email or one of the account's passkeys ({@link PasskeyConfig}). With {@code clinic.staff.mfa=required} every staff
 * rule also asks for the password and one more factor; a session with the password alone is sent to the
 * second-factor page, which offers both.
 */
@Configuration
@EnableMultiFactorAuthentication(authorities = {})
class SecondFactorConfig {

    static final String PAGE = "/staff/second-factor";
    /** Posted to mail a new code (Spring's one-time token generation). */
    static final String SEND_CODE = PAGE + "/send";
    /** Posted with the code (Spring's one-time token sign-in). */
    static final String ENTER_CODE = PAGE + "/code";
    /** Where a code that was refused is shown, open to everyone: the refusal has just emptied the request's sign-in. */
    static final String REFUSED = PAGE + "/refused";

    static boolean gavePassword(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(authority.getAuthority()));
    }

    /**
     * Every rule made with the factory (hasRole, authenticated) asks, when the rule is "required", for the password
     * and either the emailed code or a passkey. Publishing the factory replaces Spring's default one, so the role hierarchy is set here.
     */
    @Bean
    AuthorizationManagerFactory<Object> secondFactorRules(SecondFactorProperties properties, RoleHierarchy roles) {
        DefaultAuthorizationManagerFactory<Object> factory = new DefaultAuthorizationManagerFactory<>();
        factory.setRoleHierarchy(roles);
        if (properties.required()) {
            factory.setAdditionalAuthorization(AllRequiredFactorsAuthorizationManager.anyOf(
                    AllRequiredFactorsAuthorizationManager.<Object>builder()
                            .requireFactor(required -> required.passwordAuthority())
                            .requireFactor(required -> required.ottAuthority())
                            .build(),
                    AllRequiredFactorsAuthorizationManager.<Object>builder()
                            .requireFactor(required -> required.passwordAuthority())
                            .requireFactor(required -> required.webauthnAuthority())
                            .build()));
        }
        return factory;
    }

    /** Codes in the database, so they work across restarts and instances; Spring removes expired ones hourly. */
    @Bean
    JdbcOneTimeTokenService oneTimeCodes(JdbcTemplate jdbc, Clock clock) {
        JdbcOneTimeTokenService codes = new JdbcOneTimeTokenService(jdbc);
        codes.setClock(clock);
        return codes;
    }

    @Bean
    Customizer<HttpSecurity> secondFactorSignIn(
            JdbcOneTimeTokenService codes,
            StaffAccountRepository accounts,
            MailServer mailServer,
            ClinicProperties clinic,
            InquiryProperties mail,
            SecondFactorProperties properties,
            AuditLog audit,
            AuthenticationSuccessHandler backToTheStaffPage) {
        // Spring's own entry point would add which factor is missing to the address; the page says it anyway.
        AuthenticationEntryPoint secondFactorPage = (request, response, missing) -> response.sendRedirect(PAGE);
        ForwardAuthenticationFailureHandler showRefusal = new ForwardAuthenticationFailureHandler(REFUSED);
        // Customizers are applied before the site's own rules (SecurityConfig), so these come first.
        return http -> http.authorizeHttpRequests(requests -> requests.requestMatchers(REFUSED)
                        .permitAll()
                        .requestMatchers(PAGE)
                        .access(AuthorityAuthorizationManager.hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)))
                // For either missing factor the same page, which offers both (Spring's passkey default is "/login").
                .exceptionHandling(exceptions -> exceptions
                        .defaultDeniedHandlerForMissingAuthority(
                                entryPoints ->
                                        entryPoints.addEntryPointFor(secondFactorPage, AnyRequestMatcher.INSTANCE),
                                FactorGrantedAuthority.OTT_AUTHORITY)
                        .defaultDeniedHandlerForMissingAuthority(
                                entryPoints ->
                                        entryPoints.addEntryPointFor(secondFactorPage, AnyRequestMatcher.INSTANCE),
                                FactorGrantedAuthority.WEBAUTHN_AUTHORITY))
                .oneTimeTokenLogin(code -> code.tokenService(codes)
                        .authenticationProvider(
                                new OneTimeTokenAuthenticationProvider(codes, new StaffUserDetailsService(accounts)))
                        .generateRequestResolver(new SignedInAccountCodeRequest(properties.codeValidity()))
                        .tokenGeneratingUrl(SEND_CODE)
                        .tokenGenerationSuccessHandler(new CodeMail(mailServer, clinic, mail, properties))
                        .loginProcessingUrl(ENTER_CODE)
                        .showDefaultSubmitPage(false)
                        // Someone not signed in at all is sent to the password first, as by the sign-in form.
                        .loginPage("/staff/login")
                        // The site's own: back to the staff page that asked for the factor, by its path only.
                        .successHandler(backToTheStaffPage)
                        .failureHandler(new RefusedSecondFactor(audit, "email code", showRefusal)));
    }
}
