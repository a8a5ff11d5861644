use isahc::config::SslOption;

fn reqwest() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_hostnames(true).build()
    //~^ hostname_verification_disabled
}

fn openssl(connector: &openssl::ssl::SslConnector) -> Result<(), openssl::error::ErrorStack> {
    let config = connector.configure()?.verify_hostname(false);
    //~^ hostname_verification_disabled
    let mut other = connector.configure()?;
    other.set_verify_hostname(false);
    //~^ hostname_verification_disabled
    drop((config, other));
    Ok(())
}

fn curl(easy: &mut curl::easy::Easy) -> Result<(), curl::Error> {
    easy.ssl_verify_host(false)
    //~^ hostname_verification_disabled
}

fn isahc() {
    let _ = isahc::HttpClient::builder().ssl_options(SslOption::DANGER_ACCEPT_INVALID_HOSTS);
    //~^ hostname_verification_disabled
    let _ = isahc::tls::TlsConfig::builder().danger_accept_invalid_hosts(true);
    //~^ hostname_verification_disabled
}

fn lettre(domain: String) {
    let _ = lettre::transport::smtp::client::TlsParameters::builder(domain).dangerous_accept_invalid_hostnames(true);
    //~^ hostname_verification_disabled
}

fn mysql() {
    let _ = mysql_async::SslOpts::default().with_danger_skip_domain_validation(true);
    //~^ hostname_verification_disabled
}

fn mongodb() {
    let _ = mongodb::options::TlsOptions::builder().allow_invalid_hostnames(true).build();
    //~^ hostname_verification_disabled
}

fn redis(addr: &mut redis::ConnectionAddr) {
    addr.set_danger_accept_invalid_hostnames(true);
    //~^ hostname_verification_disabled
}

fn sqlx() {
    let _ = sqlx::postgres::PgConnectOptions::new().ssl_mode(sqlx::postgres::PgSslMode::VerifyCa);
    //~^ hostname_verification_disabled
}

fn paho() {
    let _ = paho_mqtt::SslOptionsBuilder::new().verify(false).finalize();
    //~^ hostname_verification_disabled
}
