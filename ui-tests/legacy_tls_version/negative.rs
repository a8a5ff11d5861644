// Modern floors and presets: none of these is a finding.
use openssl::ssl::{SslAcceptor, SslConnector, SslContextBuilder, SslMethod, SslOptions, SslVersion};

fn reqwest_floor() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().min_tls_version(reqwest::tls::Version::TLS_1_2).max_tls_version(reqwest::tls::Version::TLS_1_3).build()
}

fn openssl_floor(ctx: &mut SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_min_proto_version(Some(SslVersion::TLS1_2))?;
    ctx.set_max_proto_version(None)?;
    ctx.set_options(SslOptions::NO_TLSV1 | SslOptions::NO_TLSV1_1);
    ctx.clear_options(SslOptions::NO_TICKET);
    Ok(())
}

fn presets() -> Result<(), openssl::error::ErrorStack> {
    let _ = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls())?;
    let _ = SslAcceptor::mozilla_modern_v5(SslMethod::tls())?;
    let _ = SslConnector::builder(SslMethod::tls())?;
    Ok(())
}

fn native(b: &mut native_tls::TlsConnectorBuilder) {
    b.min_protocol_version(Some(native_tls::Protocol::Tlsv12));
    b.max_protocol_version(None);
}

fn curl(easy: &mut curl::easy::Easy) -> Result<(), curl::Error> {
    easy.ssl_version(curl::easy::SslVersion::Tlsv12)?;
    easy.ssl_version(curl::easy::SslVersion::Default)?;
    easy.ssl_min_max_version(curl::easy::SslVersion::Tlsv12, curl::easy::SslVersion::Default)
}

fn rustls_versions() {
    let _ = rustls::ServerConfig::builder_with_protocol_versions(&[&rustls::version::TLS13]);
}

fn unrelated(v: Vec<u32>) -> Option<u32> {
    // min_version(TLS1) in a comment
    v.iter().copied().min()
}

fn semver(req: &semver::VersionReq) -> bool {
    req.min_version(semver::Version::new(1, 0, 0))
}

fn preset_with_floor() -> Result<SslAcceptor, openssl::error::ErrorStack> {
    let mut builder = SslAcceptor::mozilla_intermediate(SslMethod::tls())?;
    builder.set_min_proto_version(Some(SslVersion::TLS1_2))?;
    Ok(builder.build())
}
