use sqlx::mysql::{MySqlConnectOptions, MySqlSslMode};
use sqlx::postgres::{PgConnectOptions, PgSslMode};

fn postgres() -> PgConnectOptions {
    PgConnectOptions::new().ssl_mode(PgSslMode::Require)
    //~^ cert_verification_skipped_by_mode
}

fn postgres_prefer() -> PgConnectOptions {
    PgConnectOptions::new().ssl_mode(PgSslMode::Prefer)
    //~^ cert_verification_skipped_by_mode
}

fn mysql() -> MySqlConnectOptions {
    MySqlConnectOptions::new().ssl_mode(MySqlSslMode::Required)
    //~^ cert_verification_skipped_by_mode
}
