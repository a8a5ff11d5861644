use reqwest::tls::Version;

fn reqwest_floor() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().min_tls_version(Version::TLS_1_0).build()
    //~^ legacy_tls_version
}

fn reqwest_013_names() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .tls_version_min(reqwest::tls::Version::TLS_1_1)
        //~^ legacy_tls_version
        .tls_version_max(reqwest::tls::Version::TLS_1_1)
        //~^ legacy_tls_version
        .build()
}

fn native_tls(b: &mut native_tls::TlsConnectorBuilder) {
    b.min_protocol_version(Some(native_tls::Protocol::Tlsv10));
    //~^ legacy_tls_version
    b.min_protocol_version(None);
    //~^ legacy_tls_version
    b.max_protocol_version(Some(native_tls::Protocol::Sslv3));
    //~^ legacy_tls_version
}

const FLOOR: Option<native_tls::Protocol> = Some(native_tls::Protocol::Tlsv11);

fn native_tls_const(b: &mut native_tls::TlsConnectorBuilder) {
    b.min_protocol_version(FLOOR);
    //~^ legacy_tls_version
}

fn curl(easy: &mut curl::easy::Easy) -> Result<(), curl::Error> {
    easy.ssl_version(curl::easy::SslVersion::Tlsv10)?;
    //~^ legacy_tls_version
    easy.ssl_min_max_version(curl::easy::SslVersion::Tlsv1, curl::easy::SslVersion::Tlsv13)
    //~^ legacy_tls_version
}

fn isahc2() {
    let _ = isahc::config::tls::TlsConfig::builder().min_version(isahc::config::tls::ProtocolVersion::Tlsv10).build();
    //~^ legacy_tls_version
}

fn lettre_floor(domain: String) {
    let _ = lettre::transport::smtp::client::TlsParameters::builder(domain).set_min_tls_version(lettre::transport::smtp::client::TlsVersion::Tlsv11);
    //~^ legacy_tls_version
}

fn paho() {
    let _ = paho_mqtt::SslOptionsBuilder::new().ssl_version(paho_mqtt::SslVersion::Tls_1_0).finalize();
    //~^ legacy_tls_version
}
