// Loopback hosts, TLS modes, unknown hosts and comparisons are never findings.
use tokio_postgres::NoTls;

async fn local() -> Result<(), tokio_postgres::Error> {
    let (_client, _conn) = tokio_postgres::connect("postgres://app:pw@127.0.0.1/app", NoTls).await?;
    Ok(())
}

async fn from_env() -> Result<(), tokio_postgres::Error> {
    let url = std::env::var("DATABASE_URL").unwrap_or_default();
    let (_client, _conn) = tokio_postgres::connect(&url, NoTls).await?;
    Ok(())
}

fn mailer() -> lettre::SmtpTransport {
    lettre::SmtpTransport::builder_dangerous("127.0.0.1").port(1025).build()
}

fn is_plain(level: tiberius::EncryptionLevel) -> bool {
    level == tiberius::EncryptionLevel::NotSupported
}

fn describe(mode: sqlx::postgres::PgSslMode) -> &'static str {
    let _ = sqlx::postgres::PgConnectOptions::new().host("db.example.com");
    match mode {
        sqlx::postgres::PgSslMode::Disable | sqlx::postgres::PgSslMode::Allow => "plaintext",
        _ => "tls",
    }
}

fn parse(s: &str) -> sqlx::postgres::PgSslMode {
    let _ = sqlx::postgres::PgConnectOptions::new().host("db.example.com");
    match s {
        "disable" => sqlx::postgres::PgSslMode::Disable,
        _ => sqlx::postgres::PgSslMode::VerifyFull,
    }
}
