package org.unionhub.identity.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.identity.SignIn;

/** Username and password sign-in (form and HTTP Basic) through the identity module's lock-out rules. */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final SignIn signIn;

    StaffAuthenticationProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        StaffPrincipal principal = signIn.withPassword(username, password);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
