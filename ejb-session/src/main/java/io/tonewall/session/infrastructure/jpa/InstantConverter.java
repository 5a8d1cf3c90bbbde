package io.tonewall.session.infrastructure.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores {@link Instant}s as {@code TIMESTAMP WITH TIME ZONE} in UTC. JPA 3.1 does not map Instant
 * itself, and EclipseLink would otherwise serialise it into a blob.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(OffsetDateTime stored) {
    return stored == null ? null : stored.toInstant();
  }
}
