// Clients with modern version floors: nothing here is a finding.
use reqwest::tls::Version;

pub fn api_client(ca_pem: &[u8]) -> reqwest::Result<reqwest::Client> {
    let ca = reqwest::Certificate::from_pem(ca_pem)?;
    reqwest::Client::builder().add_root_certificate(ca).min_tls_version(Version::TLS_1_2).https_only(true).build()
}

pub fn native(identity: native_tls::Identity) -> Result<native_tls::TlsConnector, native_tls::Error> {
    native_tls::TlsConnector::builder().identity(identity).min_protocol_version(Some(native_tls::Protocol::Tlsv12)).build()
}

pub fn openssl_client() -> Result<openssl::ssl::SslConnector, openssl::error::ErrorStack> {
    let mut b = openssl::ssl::SslConnector::builder(openssl::ssl::SslMethod::tls_client())?;
    b.set_min_proto_version(Some(openssl::ssl::SslVersion::TLS1_2))?;
    b.set_cipher_list("DEFAULT:!aNULL:!eNULL:!MD5:!3DES:!DES:!RC4:!IDEA:!SEED:!aDSS:!SRP:!PSK")?;
    b.set_security_level(2);
    Ok(b.build())
}
