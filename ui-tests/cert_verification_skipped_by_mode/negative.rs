use sqlx::postgres::{PgConnectOptions, PgSslMode};

fn verified() -> PgConnectOptions {
    PgConnectOptions::new().ssl_mode(PgSslMode::VerifyFull).ssl_root_cert("ca.pem")
}

fn describe(mode: PgSslMode) -> &'static str {
    if mode == PgSslMode::Require { "encrypted" } else { "other" }
}
