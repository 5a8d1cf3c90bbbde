/**
 * Persistence on JPA (EclipseLink): repositories for the domain's entities and the Flyway schema
 * migration that runs before anything else touches the database.
 */
package io.tonewall.session.infrastructure.jpa;
