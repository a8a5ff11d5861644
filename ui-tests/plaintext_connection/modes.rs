// Plaintext modes chosen for hosts that are not loopback.
use lettre::transport::smtp::client::Tls;
use lettre::transport::smtp::authentication::Credentials;
use sqlx::postgres::{PgConnectOptions, PgSslMode};
use tokio_postgres::NoTls;

async fn postgres(password: &str) -> Result<(), tokio_postgres::Error> {
    let conn = format!("host=db.prod.example.com user=app password={password}");
    //~^ cleartext_connection_string
    let (_client, _conn) = tokio_postgres::connect(&conn, NoTls).await?;
    //~^ plaintext_connection
    Ok(())
}

async fn postgres_loopback() -> Result<(), tokio_postgres::Error> {
    let (_client, _conn) = tokio_postgres::connect("host=localhost user=app", NoTls).await?;
    Ok(())
}

async fn postgres_unknown(url: &str) -> Result<(), tokio_postgres::Error> {
    let (_client, _conn) = tokio_postgres::connect(url, NoTls).await?;
    Ok(())
}

fn sqlx_options(host: &str) -> PgConnectOptions {
    PgConnectOptions::new().host(host).ssl_mode(PgSslMode::Disable)
    //~^ plaintext_connection
}

fn sqlx_options_loopback() -> PgConnectOptions {
    PgConnectOptions::new().host("127.0.0.1").ssl_mode(PgSslMode::Disable)
}

fn sqlx_options_safe(host: &str) -> PgConnectOptions {
    PgConnectOptions::new().host(host).ssl_mode(PgSslMode::VerifyFull)
}

fn mailer(user: String, pass: String) -> lettre::SmtpTransport {
    lettre::SmtpTransport::builder_dangerous("smtp.example.com")
    //~^ plaintext_connection
        .credentials(Credentials::new(user, pass))
        .build()
}

fn mailer_loopback() -> lettre::SmtpTransport {
    lettre::SmtpTransport::builder_dangerous("localhost").port(1025).build()
}

fn mailer_opportunistic(params: lettre::transport::smtp::client::TlsParameters) -> lettre::SmtpTransport {
    lettre::SmtpTransport::relay("smtp.example.com").unwrap().tls(Tls::Opportunistic(params)).build()
    //~^ plaintext_connection
}

fn tiberius_config() -> tiberius::Config {
    let mut config = tiberius::Config::new();
    config.host("sql.example.com");
    config.encryption(tiberius::EncryptionLevel::NotSupported);
    //~^ plaintext_connection
    config
}

fn tiberius_required() -> tiberius::Config {
    let mut config = tiberius::Config::new();
    config.host("sql.example.com");
    config.encryption(tiberius::EncryptionLevel::Required);
    config
}

fn kafka() -> rdkafka::ClientConfig {
    let mut c = rdkafka::ClientConfig::new();
    c.set("bootstrap.servers", "kafka.example.com:9092").set("security.protocol", "SASL_PLAINTEXT").set("sasl.password", "pw");
    //~^ plaintext_connection
    c
}

fn kafka_local() -> rdkafka::ClientConfig {
    let mut c = rdkafka::ClientConfig::new();
    c.set("bootstrap.servers", "localhost:9092").set("security.protocol", "SASL_PLAINTEXT");
    c
}

fn imap_plain() {
    let _ = imap::ClientBuilder::new("imap.example.com", 143).mode(imap::ConnectionMode::Plaintext).connect();
    //~^ plaintext_connection
}

fn mode_check(mode: PgSslMode) -> bool {
    mode == PgSslMode::Disable
}

fn mailer_dangerous_none() -> lettre::SmtpTransport {
    lettre::SmtpTransport::builder_dangerous("smtp.example.com").tls(Tls::None).build()
    //~^ plaintext_connection
}
