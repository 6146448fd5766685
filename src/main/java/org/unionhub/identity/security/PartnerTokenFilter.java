package org.unionhub.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unionhub.identity.SignIn;
import org.unionhub.identity.StaffPrincipal;

/**
 * Authenticates {@code Authorization: Bearer <token>} as a partner limited to the token's steps. An unknown or
 * revoked token answers 401 at once rather than falling through to anonymous access.
 */
class PartnerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final SignIn signIn;
    private final ApiProblemWriter problems;

    PartnerTokenFilter(SignIn signIn, ApiProblemWriter problems) {
        this.signIn = signIn;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffPrincipal> principal = signIn.withToken(header.substring(PREFIX.length()).strip());
        if (principal.isEmpty()) {
            problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().authorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
