-- The session-side settings of each PSP configuration. The configurations themselves (provider,
-- credentials, endpoints) live in the PSP adapter's configuration file, read by the adapter only:
-- credentials never reach this database. A row is added when Tonewall first sees a configuration
-- in the adapter; administrators change enabled and the surcharge in the console.
CREATE TABLE psp_settings (
    configuration_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    provider                VARCHAR(32) NOT NULL,
    available               BOOLEAN     NOT NULL,
    enabled                 BOOLEAN     NOT NULL,
    surcharge_basis_points  INTEGER     NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT      NOT NULL,
    CONSTRAINT psp_settings_surcharge_range
        CHECK (surcharge_basis_points BETWEEN 0 AND 1000)
);
