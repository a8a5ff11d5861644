use sqlx::postgres::{PgConnectOptions, PgSslMode};

fn verified() -> PgConnectOptions {
    PgConnectOptions::new().ssl_mode(PgSslMode::VerifyFull).ssl_root_cert("ca.pem")
}

fn describe(mode: PgSslMode) -> &'static str {
    if mode == PgSslMode::Require { "encrypted" } else { "other" }
}

fn accepts_invalid(mode: PgSslMode) -> bool {
    !matches!(mode, PgSslMode::VerifyCa | PgSslMode::VerifyFull | PgSslMode::Require)
}

fn from_str(s: &str) -> Option<PgSslMode> {
    match s {
        "require" => Some(PgSslMode::Require),
        "prefer" => Some(PgSslMode::Prefer),
        _ => None,
    }
}
