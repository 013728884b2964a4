package com.thrivecenter.clinic.staff.factor;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.staff.account.StaffAccountRepository;
import com.thrivecenter.clinic.staff.account.StaffUserDetailsService;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.net.URI;
import java.util.Set;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.target.AbstractLazyCreationTargetSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys (WebAuthn), with Spring Security's own support, as a second factor: registered on the staff member's
 * account page once fully signed in, then used after the password instead of an emailed code. The relying party is
 * the site's public address ({@code clinic.base-url}): its host is the passkeys' domain and its origin the only one
 * accepted, so passkeys made on localhost work only there and those made on the clinic's domain only there.
 */
@Configuration
class PasskeyConfig {

    /** Spring's endpoints: options and registration of a new passkey (a full sign-in is required for both). */
    static final String REGISTRATION = "/webauthn/register/**";

    @Bean
    JdbcPublicKeyCredentialUserEntityRepository passkeyOwners(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    JdbcUserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    /**
     * Published so that both Spring's filters and the site's own second-factor check use the same relying party. It is
     * made on its first use, not as the site starts: making it builds webauthn4j's JSON and CBOR mappers, some 0.1 s
     * and 390 classes that only a staff member's passkey needs (PackagedJarIT checks a start loads none of them).
     */
    @Bean
    WebAuthnRelyingPartyOperations relyingParty(
            JdbcPublicKeyCredentialUserEntityRepository owners,
            JdbcUserCredentialRepository credentials,
            ClinicProperties clinic) {
        URI site = clinic.baseUrl();
        PublicKeyCredentialRpEntity party = PublicKeyCredentialRpEntity.builder()
                .id(site.getHost())
                .name(clinic.name())
                .build();
        return ProxyFactory.getProxy(WebAuthnRelyingPartyOperations.class, new AbstractLazyCreationTargetSource() {
            @Override
            protected Object createObject() {
                return new Webauthn4JRelyingPartyOperations(owners, credentials, party, Set.of(origin(site)));
            }
        });
    }

    /** "https://www.example-clinic.com", or "http://localhost:8080": what a browser names as a page's origin. */
    static String origin(URI site) {
        return site.getScheme() + "://" + site.getHost() + (site.getPort() == -1 ? "" : ":" + site.getPort());
    }

    @Bean
    Customizer<HttpSecurity> passkeySecondFactor(
            WebAuthnRelyingPartyOperations relyingParty,
            StaffAccountRepository accounts,
            AuditLog audit,
            AuthenticationEventPublisher events,
            AuthenticationSuccessHandler backToTheStaffPage) {
        ProviderManager passkeyAfterPassword = new ProviderManager(new PasskeySecondFactor(relyingParty));
        passkeyAfterPassword.setAuthenticationEventPublisher(new SuccessesOnly(events));
        RefusedSecondFactor refused = new RefusedSecondFactor(
                audit,
                "passkey",
                new AuthenticationEntryPointFailureHandler(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        ObjectPostProcessor<WebAuthnAuthenticationFilter> secondFactorOnly = new ObjectPostProcessor<>() {
            @Override
            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationManager(passkeyAfterPassword);
                // A redirect, followed by the page's script: back to the staff page that asked, by its path only.
                filter.setAuthenticationSuccessHandler(backToTheStaffPage);
                filter.setAuthenticationFailureHandler(refused);
                return filter;
            }
        };
        UserDetailsService staff = new StaffUserDetailsService(accounts);
        return http -> {
            // Spring's passkey support insists on one, for its own provider, which secondFactorOnly replaces.
            http.setSharedObject(UserDetailsService.class, staff);
            // Customizers are applied before the site's own rules (SecurityConfig): adding a passkey needs a full
            // sign-in.
            http.authorizeHttpRequests(
                            requests -> requests.requestMatchers(REGISTRATION).hasRole("STAFF"))
                    .webAuthn(passkeys ->
                            passkeys.disableDefaultRegistrationPage(true).withObjectPostProcessor(secondFactorOnly));
        };
    }

    /**
     * A passkey that signs in is audited as a sign-in, like the password and the code. A refused one is audited by
     * {@link RefusedSecondFactor} against the account whose password the session holds: Spring's failure event
     * names no account.
     */
    private record SuccessesOnly(AuthenticationEventPublisher events) implements AuthenticationEventPublisher {

        @Override
        public void publishAuthenticationSuccess(Authentication authentication) {
            events.publishAuthenticationSuccess(authentication);
        }

        @Override
        public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {}
    }
}
