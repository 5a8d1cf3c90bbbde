package io.tonewall.web.api.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on resource methods
 * (method annotations first, then the class's) against the request's security context, which {@link
 * BearerTokenFilter} set. A refusal is a {@link ForbiddenException}, which {@link ForbiddenMapper}
 * answers 401 (anonymous) or 403 (scope missing).
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    if (method.isAnnotationPresent(DenyAll.class)) {
      context.register(new RolesFilter(Set.of()));
    } else if (method.isAnnotationPresent(RolesAllowed.class)) {
      context.register(new RolesFilter(Set.of(method.getAnnotation(RolesAllowed.class).value())));
    } else if (method.isAnnotationPresent(PermitAll.class)) {
      return;
    } else if (type.isAnnotationPresent(DenyAll.class)) {
      context.register(new RolesFilter(Set.of()));
    } else if (type.isAnnotationPresent(RolesAllowed.class)) {
      context.register(new RolesFilter(Set.of(type.getAnnotation(RolesAllowed.class).value())));
    }
  }

  /** Lets a call through when its caller has one of the roles. */
  @Priority(Priorities.AUTHORIZATION)
  private static final class RolesFilter implements ContainerRequestFilter {

    private final Set<String> roles;

    RolesFilter(Set<String> roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (roles.stream().noneMatch(request.getSecurityContext()::isUserInRole)) {
        throw new ForbiddenException("the caller has none of the roles " + roles);
      }
    }
  }
}
