//! Raw TLS connections for the legacy device protocol.

use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};

/// A connector for devices with self-signed certificates.
pub fn device_connector() -> Result<SslConnector, openssl::error::ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls())?;
    builder.set_verify(SslVerifyMode::NONE);
    builder.set_cipher_list("ALL:!aNULL:!eNULL")?;
    Ok(builder.build())
}

/// A native-tls connector whose hostname check depends on a build flag.
pub fn native_connector() -> native_tls::Result<native_tls::TlsConnector> {
    native_tls::TlsConnector::builder()
        .danger_accept_invalid_hostnames(cfg!(debug_assertions))
        .build()
}
