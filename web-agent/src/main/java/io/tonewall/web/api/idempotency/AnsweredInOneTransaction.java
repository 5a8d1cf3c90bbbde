package io.tonewall.web.api.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method whose work joins the caller's JTA transaction: a request to it with an
 * {@code Idempotency-Key} is answered in one transaction begun by {@link IdempotencyKeyFilter} and
 * committed by {@link IdempotentResponseRecorder}, which holds the key's claim, the work and the
 * stored response. Without it, the key is claimed and completed in transactions of their own around
 * the work's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnsweredInOneTransaction {}
