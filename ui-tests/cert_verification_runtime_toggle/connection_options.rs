// The note names a connection-string option a setting is decided by, and the string's own origin
// when it has one: a `key=value` string split by hand, and a driver's options parsed from a string.
// The argument and the guarded literal get the same verdict.
use std::collections::HashMap;

use tokio_postgres::config::SslMode;

pub fn ado_argument() -> reqwest::ClientBuilder {
    let conn = std::env::var("SQL_CONNECTION").unwrap_or_default();
    let opts: HashMap<&str, &str> = conn.split(';').filter_map(|kv| kv.split_once('=')).collect();
    let trust = opts.get("TrustServerCertificate") == Some(&"true");
    reqwest::Client::builder().danger_accept_invalid_certs(trust)
    //~^ cert_verification_runtime_toggle
}

pub fn ado_guarded() -> reqwest::ClientBuilder {
    let conn = std::env::var("SQL_CONNECTION").unwrap_or_default();
    let opts: HashMap<&str, &str> = conn.split(';').filter_map(|kv| kv.split_once('=')).collect();
    let mut builder = reqwest::Client::builder();
    if opts.get("TrustServerCertificate").copied().unwrap_or("false") == "true" {
        builder = builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    builder
}

pub fn key_value_index(dsn: &str) -> reqwest::ClientBuilder {
    let opts: HashMap<String, String> = dsn
        .split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    reqwest::Client::builder().danger_accept_invalid_hostnames(opts["sslmode"] != "verify-full")
    //~^ cert_verification_runtime_toggle
}

pub fn postgres_argument(url: &str) -> Result<native_tls::TlsConnectorBuilder, tokio_postgres::Error> {
    let cfg: tokio_postgres::Config = url.parse()?;
    let mut builder = native_tls::TlsConnector::builder();
    builder.danger_accept_invalid_certs(cfg.get_ssl_mode() == SslMode::Require);
    //~^ cert_verification_runtime_toggle
    Ok(builder)
}

pub fn postgres_guarded(cli: &clap::ArgMatches) -> Result<native_tls::TlsConnectorBuilder, tokio_postgres::Error> {
    let url = cli.get_one::<String>("database-url").cloned().unwrap_or_default();
    let cfg = tokio_postgres::Config::from_str(&url)?;
    let mut builder = native_tls::TlsConnector::builder();
    if cfg.get_ssl_mode() == SslMode::Require {
        builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    Ok(builder)
}

// A map that is not split from a connection string, and an option that chooses no TLS setting.
pub fn other_map(settings: &HashMap<String, bool>) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(settings.get("insecure").copied().unwrap_or(false))
    //~^ cert_verification_runtime_toggle
}

pub fn timeout_only(dsn: &str) -> reqwest::ClientBuilder {
    let opts: HashMap<&str, &str> = dsn.split(' ').filter_map(|kv| kv.split_once('=')).collect();
    let secs = opts.get("connect_timeout").and_then(|s| s.parse().ok()).unwrap_or(30);
    reqwest::Client::builder().timeout(std::time::Duration::from_secs(secs))
}
