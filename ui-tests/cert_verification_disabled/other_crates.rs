use isahc::config::SslOption;
use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};

fn native_tls() -> native_tls::Result<native_tls::TlsConnector> {
    let mut b = native_tls::TlsConnector::builder();
    b.danger_accept_invalid_certs(true);
    //~^ cert_verification_disabled
    b.build()
}

fn lettre(domain: String) {
    let _ = lettre::transport::smtp::client::TlsParameters::builder(domain).dangerous_accept_invalid_certs(true).build();
    //~^ cert_verification_disabled
}

fn ureq3() {
    let _ = ureq::tls::TlsConfig::builder().disable_verification(true).build();
    //~^ cert_verification_disabled
}

fn curl(easy: &mut curl::easy::Easy) -> Result<(), curl::Error> {
    easy.ssl_verify_peer(false)?;
    //~^ cert_verification_disabled
    easy.proxy_ssl_verify_peer(false)
    //~^ cert_verification_disabled
}

fn isahc1() {
    let _ = isahc::HttpClient::builder().ssl_options(SslOption::DANGER_ACCEPT_INVALID_CERTS);
    //~^ cert_verification_disabled
}

fn openssl_client() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls())?;
    builder.set_verify(SslVerifyMode::empty());
    //~^ cert_verification_disabled
    Ok(builder.build())
}

fn mysql() {
    let _ = mysql_async::SslOpts::default().with_danger_accept_invalid_certs(true);
    //~^ cert_verification_disabled
}

fn ldap() {
    let _ = ldap3::LdapConnSettings::new().set_no_tls_verify(true);
    //~^ cert_verification_disabled
}

fn paho() {
    let _ = paho_mqtt::SslOptionsBuilder::new().enable_server_cert_auth(false).finalize();
    //~^ cert_verification_disabled
}

fn kube(mut config: kube::Config) -> kube::Config {
    config.accept_invalid_certs = true;
    //~^ cert_verification_disabled
    config
}

fn mongodb() -> mongodb::options::TlsOptions {
    mongodb::options::TlsOptions { allow_invalid_certificates: Some(true), ..Default::default() }
    //~^ cert_verification_disabled
}

fn redis(host: String, port: u16) -> redis::ConnectionAddr {
    redis::ConnectionAddr::TcpTls { host, port, insecure: true, tls_params: None }
    //~^ cert_verification_disabled
}

fn redis_cluster(nodes: Vec<String>) {
    let _ = redis::cluster::ClusterClientBuilder::new(nodes).tls(redis::TlsMode::Insecure);
    //~^ cert_verification_disabled
}

fn elasticsearch(pool: elasticsearch::http::transport::SingleNodeConnectionPool) {
    let _ = elasticsearch::http::transport::TransportBuilder::new(pool).cert_validation(elasticsearch::cert::CertificateValidation::None);
    //~^ cert_verification_disabled
}

fn tiberius(config: &mut tiberius::Config) {
    config.trust_cert();
    //~^ cert_verification_disabled
}

fn imap() {
    let _ = imap::ClientBuilder::new("imap.example.com", 993).danger_skip_tls_verify(true);
    //~^ cert_verification_disabled
}
