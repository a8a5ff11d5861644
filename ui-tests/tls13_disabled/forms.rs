//@ level tls13_disabled=warn
use openssl::ssl::{SslAcceptor, SslContextBuilder, SslMethod, SslOptions, SslVersion};

fn reqwest_cap() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().max_tls_version(reqwest::tls::Version::TLS_1_2).build()
    //~^ tls13_disabled
}

fn openssl_cap(ctx: &mut SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_options(SslOptions::NO_TLSV1_3);
    //~^ tls13_disabled
    ctx.set_max_proto_version(Some(SslVersion::TLS1_2))
    //~^ tls13_disabled
}

fn modern_v4() -> Result<(), openssl::error::ErrorStack> {
    let _ = SslAcceptor::mozilla_modern(SslMethod::tls())?;
    //~^ tls13_disabled
    Ok(())
}

fn native(b: &mut native_tls::TlsConnectorBuilder) {
    b.max_protocol_version(Some(native_tls::Protocol::Tlsv12));
    //~^ tls13_disabled
}

fn rustls12() {
    let _ = rustls::ClientConfig::builder().with_protocol_versions(&[&rustls::version::TLS12]);
    //~^ tls13_disabled
}
