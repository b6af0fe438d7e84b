-- One row that /health rewrites: a probe that really writes (a full or read-only disk fails it).
CREATE TABLE health_probe (
    id         INTEGER NOT NULL PRIMARY KEY,
    checked_at BIGINT  NOT NULL
);
